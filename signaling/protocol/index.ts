/** The wire contract between the server, the widget and the agent app. Imports nothing else from the repo. */
export * from './version.js';
export * from './errors.js';
export * from './conversation.js';
export * from './presence.js';
export * from './server-frames.js';
export * from './client-frames.js';
export * from './api.js';
export * from './protocol-client.js';
export * from './timeline.js';
export * from './admin.js';
export * from './routing-constants.js';
export * from './wallboard.js';
export * from './reports.js';
export * from './notes.js';
export * from './cobrowse.js';
export * from './cobrowse-codec.js';
