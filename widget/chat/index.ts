/**
 * The chat chunk, loaded by the loader on demand from /widget/chat.js: the widget frame (panel,
 * badge, the API's calls) takes over from the loader, and mounts the chat inside it.
 */
export { mountWidget } from './widget-frame.js';
export { mountChat } from './mount-chat.js';
