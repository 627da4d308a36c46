/**
 * A page with lines, marking an article among the suggestion chips, as inline SVG: the 📄 emoji it
 * replaces showed as an empty box where no emoji font is installed (as the paperclip did).
 */
import { html } from 'lit';

export const articleIcon = html`<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z" /><path d="M14 2v6h6M8 13h8M8 17h8" /></svg>`;
