/**
 * Styles of the loader's launcher, themeable with --sb-* custom properties and ::part(launcher).
 * The launcher and panel sit at the inline end: the right, or the left under `dir="rtl"` (set on the
 * host from the widget's language). Fixed boxes take their sides from the page, not the widget, so the
 * mirrored sides are written for :host([dir=rtl]).
 */
export const launcherCss = `
:host { all: initial; }
.launcher {
  position: fixed; z-index: 2147483000;
  right: var(--sb-offset-x, 20px); bottom: var(--sb-offset-y, 20px);
  width: 56px; height: 56px; border-radius: 50%; border: none; cursor: pointer;
  background: var(--sb-accent, var(--sb-color-accent)); color: var(--sb-accent-contrast, var(--sb-color-on-accent));
  box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
  display: grid; place-items: center;
}
.launcher:focus-visible { outline: 3px solid var(--sb-focus, var(--sb-color-focus)); outline-offset: 3px; }
.launcher svg { width: 26px; height: 26px; fill: currentColor; }
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
:host([dir="rtl"]) .launcher, :host([dir="rtl"]) .panel-slot { right: auto; left: var(--sb-offset-x, 20px); }
/*
 * Phones, and any screen zoomed until it is as short as one (200 % on a laptop): the panel takes the
 * whole visible viewport and the launcher steps aside while it is open (the panel has its own close
 * button), so no control lies on another: a launcher over Send used to close the chat when tapped.
 * The loader writes the visual viewport into --sb-vv-*: it shrinks when the on-screen keyboard opens,
 * where 100dvh does not, so the composer stays above the keyboard.
 */
@media (max-width: 480px), (max-height: 500px) {
  .panel-slot, :host([dir="rtl"]) .panel-slot {
    right: 0; left: 0; bottom: auto; top: var(--sb-vv-top, 0);
    width: 100%; height: 100vh; height: var(--sb-vv-height, 100dvh);
  }
  .launcher.open { display: none; }
}
`;

export const chatIcon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
export const closeIcon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7 4.3 4.3l6.3 6.3 6.3-6.3z"/></svg>';
