/**
 * The attach icon as inline SVG: an emoji (📎) needs an emoji font, which many desktops and most
 * servers' browsers lack, and then shows as an empty box. No style attribute: the pages' CSP
 * (style-src 'self') refuses inline styles; it sits on the text's baseline as it is.
 */
import { html } from 'lit';

export const paperclipIcon = html`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48" /></svg>`;
