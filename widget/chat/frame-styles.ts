/**
 * Styles the widget frame adds when the chat chunk takes over from the loader: the panel's box,
 * the unread badge, and the phone layout. The loader's own launcher styles stay tiny
 * (widget/loader/launcher-styles.ts); these arrive with the chunk.
 */
export const frameCss = `
.badge {
  position: absolute; top: -2px; inset-inline-end: -2px; min-width: 20px; height: 20px; padding: 0 5px;
  border-radius: 10px; background: var(--sb-badge, var(--sb-color-danger-fill)); color: var(--sb-color-on-accent);
  font: 600 12px/20px system-ui, sans-serif; text-align: center; box-sizing: border-box;
}
.badge[hidden] { display: none; }
.panel-slot {
  position: fixed; z-index: 2147483000;
  right: var(--sb-offset-x, 20px); bottom: calc(var(--sb-offset-y, 20px) + 68px);
  width: min(380px, calc(100vw - 2 * var(--sb-offset-x, 20px)));
  height: min(600px, calc(100vh - 120px));
}
.panel-slot[hidden] { display: none; }
:host([data-left]) .panel-slot { right: auto; left: var(--sb-offset-x, 20px); }
/* Without a launcher (data-launcher="false") the panel takes the launcher's place. */
:host([data-no-launcher]) .panel-slot { bottom: var(--sb-offset-y, 20px); }
/*
 * Phones, and any screen zoomed until it is as short as one (200 % on a laptop): the panel takes the
 * whole visible viewport and the launcher steps aside while it is open (the panel has its own close
 * button), so no control lies on another: a launcher over Send used to close the chat when tapped.
 * The frame writes the visual viewport into --sb-vv-*: it shrinks when the on-screen keyboard opens,
 * where 100dvh does not, so the composer stays above the keyboard.
 */
@media (max-width: 480px), (max-height: 500px) {
  .panel-slot, :host([data-left]) .panel-slot, :host([data-no-launcher]) .panel-slot {
    right: 0; left: 0; bottom: auto; top: var(--sb-vv-top, 0);
    width: 100%; height: 100vh; height: var(--sb-vv-height, 100dvh);
  }
  .launcher.open { display: none; }
}
`;

export const chatIcon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
export const closeIcon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7 4.3 4.3l6.3 6.3 6.3-6.3z"/></svg>';

/** Adds a stylesheet to the shadow root beside the loader's (constructable when the browser has them, as adopt-styles). */
export function addStyles(root: ShadowRoot, css: string): void {
  const view = root.ownerDocument.defaultView;
  if (view && 'adoptedStyleSheets' in root && 'replaceSync' in view.CSSStyleSheet.prototype) {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}
