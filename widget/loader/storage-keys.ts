/** localStorage / sessionStorage keys, scoped by server so two Switchboard servers on one site do not mix. */

/**
 * - `token`: the signed visitor token (localStorage: survives reloads and new tabs on the site);
 * - `active`: set while the visitor has an open conversation, so the loader restores the chat eagerly;
 * - `outbox`: messages typed but not yet acknowledged, with their client ids (localStorage);
 * - `panelOpen`: whether the panel was open, so it stays open across a navigation (sessionStorage);
 * - `pending`: what the page said through identify, trackEvent and setConversationAttributes before
 *   any chat ran (localStorage), replayed by the first conversation, on this page or the next that has one;
 * - `invitation`: the proactive invitation the visitor chose to answer, until their reply opens the conversation (localStorage);
 * - `invitations`: the invitation chunk's memory: a random viewer id, the first visit, dismissed invitations (localStorage);
 * - `visit`: whether this browsing session is a returning visitor's (sessionStorage).
 */
export type StorageName = 'token' | 'active' | 'outbox' | 'panelOpen' | 'pending' | 'invitation' | 'invitations' | 'visit';

/**
 * `switchboard:<server host>:<name>`; with `''`, the prefix every key starts with (`reset()` forgets them all).
 * @example storageKey('https://help.example.com', 'token') // 'switchboard:help.example.com:token'
 */
export const storageKey = (serverUrl: string, name: StorageName | '') => `switchboard:${new URL(serverUrl).host}:${name}`;

/** Every key for one server, for the chat chunk. */
export const storageKeys = (serverUrl: string): Record<StorageName | 'scope', string> => ({
  scope: storageKey(serverUrl, ''),
  token: storageKey(serverUrl, 'token'),
  active: storageKey(serverUrl, 'active'),
  outbox: storageKey(serverUrl, 'outbox'),
  panelOpen: storageKey(serverUrl, 'panelOpen'),
  pending: storageKey(serverUrl, 'pending'),
  invitation: storageKey(serverUrl, 'invitation'),
  invitations: storageKey(serverUrl, 'invitations'),
  visit: storageKey(serverUrl, 'visit'),
});
