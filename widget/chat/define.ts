/** Registers <sb-chat-panel>, once: a page may load the widget twice. */
import { defineElement } from '../../ui/define-element.js';
import { SbChatPanel } from './sb-chat-panel.js';

defineElement('sb-chat-panel', SbChatPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sb-chat-panel': SbChatPanel;
  }
}

export { SbChatPanel };
