/**
 * What the invitation chunk remembers about this visitor, in the site's storage: a random viewer
 * id (so a showing counts once), when they first came (so a later visit is a returning one), and
 * the invitations they dismissed or answered (never shown again). Blocked storage forgets quietly.
 */
import type { InvitationOffer } from '../../signaling/protocol/invitations.js';
import { storageKeys } from '../loader/storage-keys.js';

interface Remembered {
  viewer: string;
  firstSeenAt: number;
  /** Invitation ids not to show again. */
  done: string[];
}

export class InvitationMemory {
  private readonly keys: ReturnType<typeof storageKeys>;
  private data: Remembered;
  /** Whether this browsing session began after an earlier visit. */
  readonly returning: boolean;

  constructor(serverUrl: string, private readonly win: Window = window) {
    this.keys = storageKeys(serverUrl);
    const stored = this.read<Remembered>(win.localStorage, this.keys.invitations);
    this.data = stored ?? { viewer: randomId(), firstSeenAt: Date.now(), done: [] };
    // The first page of a session decides, and the rest of the session keeps that answer.
    const visit = this.read<{ returning: boolean }>(win.sessionStorage, this.keys.visit);
    this.returning = visit?.returning ?? !!stored;
    this.write(win.sessionStorage, this.keys.visit, { returning: this.returning });
    this.save();
  }

  get viewer(): string {
    return this.data.viewer;
  }

  isDone(id: string): boolean {
    return this.data.done.includes(id);
  }

  /** Never shows this invitation again (the newest 50 are kept). */
  markDone(id: string): void {
    if (!this.isDone(id)) this.data.done = [...this.data.done, id].slice(-50);
    this.save();
  }

  /** Hands the invitation to the chat: shown above the composer, and sent with the conversation's start. */
  handToChat(offer: InvitationOffer): void {
    this.write(this.win.localStorage, this.keys.invitation, offer);
  }

  /** Whether the visitor is already in a chat (or has the panel open): no invitation then. */
  chatting(): boolean {
    try {
      return !!(this.win.localStorage.getItem(this.keys.active) || this.win.localStorage.getItem(this.keys.outbox) || this.win.sessionStorage.getItem(this.keys.panelOpen) === '1');
    } catch {
      return false;
    }
  }

  private save(): void {
    this.write(this.win.localStorage, this.keys.invitations, this.data);
  }

  private read<T>(storage: Storage, key: string): T | undefined {
    try {
      const raw = storage.getItem(key);
      return raw ? (JSON.parse(raw) as T) : undefined;
    } catch {
      return undefined;
    }
  }

  private write(storage: Storage, key: string, value: unknown): void {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch {
      // blocked or full: this page still works
    }
  }
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}
