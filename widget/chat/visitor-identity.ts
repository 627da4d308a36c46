/**
 * Who the visitor is to the server: a signed token, kept in storage so a reload or another page
 * of the site is the same visitor, asked for once when missing, and forgotten when refused.
 */
import type { StoredValue } from './stored-value.js';

export class VisitorIdentity {
  private token: string | undefined;
  /** The request for a new identity while one is in flight. */
  private issuing: Promise<void> | undefined;

  constructor(
    private readonly serverUrl: string,
    private readonly stored: StoredValue,
  ) {
    this.token = stored.read();
  }

  /** The token held now, if any (the socket's hello carries it). */
  get current(): string | undefined {
    return this.token;
  }

  /**
   * The token, asking the server for a new identity once if there is none. The socket and the
   * REST calls may both ask at the same time: they share one request, or the second identity
   * would replace the first (and the next page would open as somebody else, without the conversation).
   */
  async ensure(): Promise<string> {
    if (!this.token) await (this.issuing ??= this.issue().finally(() => (this.issuing = undefined)));
    return this.token!;
  }

  /** The server no longer accepts the token: the next connection asks for a new identity. */
  forget(): void {
    this.token = undefined;
    this.stored.write(undefined);
  }

  private async issue(): Promise<void> {
    const response = await fetch(`${this.serverUrl}/api/visitors`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({}),
    });
    if (!response.ok) throw new Error(`visitor session: HTTP ${response.status}`);
    const session = (await response.json()) as { token: string };
    this.token = session.token;
    this.stored.write(session.token);
  }
}
