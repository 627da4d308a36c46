/** The version of the Switchboard wire protocol, and the limits every party enforces. */

/**
 * Bumped on any change a deployed client could not understand. The server refuses a
 * `hello` with another version with `unsupported-version`, so an old cached widget shows
 * "please reload" instead of misbehaving.
 */
export const PROTOCOL_VERSION = 1;

/** Largest WebSocket frame accepted, in bytes (UTF-8). Larger frames get `frame-too-large`. */
export const MAX_FRAME_BYTES = 16 * 1024;

/** Longest chat message, in characters. */
export const MAX_MESSAGE_LENGTH = 4000;

/** Client-generated ids are opaque strings of this length range (a UUID fits). */
export const CLIENT_ID_MIN = 8;
export const CLIENT_ID_MAX = 64;

/** The largest call recording the server stores (about 40 minutes of Opus at 32 kbit/s). */
export const MAX_RECORDING_BYTES = 10 * 1024 * 1024;
/** Longest reason an agent gives for escalating a conversation to the next tier. */
export const MAX_ESCALATION_REASON = 500;
