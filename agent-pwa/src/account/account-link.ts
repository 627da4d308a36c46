/** Reads an invitation or password-reset link from the page address: `#/invite/<token>` or `#/reset/<token>`. */

export interface AccountLinkAddress {
  purpose: 'invite' | 'reset';
  token: string;
}

/**
 * The account link in a location hash, or undefined. The token rides in the fragment, which
 * browsers never send to a server, so the app reads it here and posts it in a request body.
 *
 * @example
 * accountLinkIn('#/invite/3q2-…'); // { purpose: 'invite', token: '3q2-…' }
 */
export function accountLinkIn(hash: string): AccountLinkAddress | undefined {
  const match = /^#\/(invite|reset)\/([A-Za-z0-9_-]{16,128})$/.exec(hash);
  return match ? { purpose: match[1] as AccountLinkAddress['purpose'], token: match[2]! } : undefined;
}

/** Takes the link out of the address bar (and history), so a reload or a shared screen does not show it again. */
export function forgetAccountLink(): void {
  if (accountLinkIn(location.hash)) history.replaceState(history.state, '', location.pathname + location.search);
}
