/** Registers <sb-chat-panel>, once: a page may load the widget twice. */
import { SbChatPanel } from './sb-chat-panel.js';

const TAG = 'sb-chat-panel';
const existing = customElements.get(TAG);
if (!existing) customElements.define(TAG, SbChatPanel);
else if (existing !== SbChatPanel) console.warn(`Switchboard: <${TAG}> is already defined by another copy of the widget; using that one.`);

declare global {
  interface HTMLElementTagNameMap {
    'sb-chat-panel': SbChatPanel;
  }
}

export { SbChatPanel };
