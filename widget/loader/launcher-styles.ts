/**
 * Styles of the loader's launcher, themeable with --sb-* custom properties and ::part(launcher).
 * Written compact because they ship in the loader (every byte is on every page view). The launcher
 * sits at the inline end: the right, or the left when the host has `data-left` (right-to-left
 * languages, or `data-position="left"`). Fixed boxes take their sides from the page, not the
 * widget, so the side is an attribute the loader sets rather than a logical property. The panel,
 * the badge and the phone layout are styled by the chat chunk (widget/chat/frame-styles.ts).
 */
export const launcherCss =
  ':host{all:initial}' +
  '.launcher{position:fixed;z-index:2147483000;right:var(--sb-offset-x,20px);bottom:var(--sb-offset-y,20px);width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;' +
  'background:var(--sb-accent,#4338ca);color:var(--sb-accent-contrast,#fff);box-shadow:0 4px 14px #0004;display:grid;place-items:center}' +
  '.launcher:focus-visible{outline:3px solid var(--sb-focus,#f59e0b);outline-offset:3px}' +
  '.launcher svg{width:26px;height:26px;fill:currentColor}' +
  ':host([data-left]) .launcher{right:auto;left:var(--sb-offset-x,20px)}';

export const chatIcon = '<svg viewBox="0 0 24 24" aria-hidden=true><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
