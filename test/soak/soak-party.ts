/**
 * What a visitor and an agent of the soak share: one socket kept open (reconnecting with jittered
 * back-off after a drop or a server restart, as the apps do), the hello/welcome handshake, and
 * reading a conversation's whole timeline with `sync`.
 */
import type { ConversationEvent } from '../../signaling/protocol/conversation.js';
import type { ClientFrame } from '../../signaling/protocol/client-frames.js';
import type { ServerFrame } from '../../signaling/protocol/server-frames.js';
import type { SoakLedger } from './soak-ledger.js';
import { SoakSocket } from './soak-socket.js';

const WELCOME_TIMEOUT_MS = 20_000;
const BACKOFF_MS = [250, 500, 1000, 2000, 4000];

export abstract class SoakParty {
  protected socket: SoakSocket | undefined;
  /** Open and welcomed. */
  connected = false;
  private stopped = false;
  private reloadNext = false;
  private welcome: ((frame: Extract<ServerFrame, { type: 'welcome' }>) => void) | undefined;
  private syncing = new Map<string, ConversationEvent[][]>();

  constructor(
    readonly name: string,
    protected readonly server: { url: string; origin: string },
    protected readonly ledger: SoakLedger,
  ) {}

  protected abstract socketUrl(): string;
  protected abstract socketHeaders(): Promise<Record<string, string>> | Record<string, string>;
  protected abstract helloFrame(): ClientFrame;
  protected abstract welcomed(frame: Extract<ServerFrame, { type: 'welcome' }>, reload: boolean): Promise<void>;
  protected abstract received(frame: ServerFrame): void;
  /** The upgrade was refused with this HTTP status (an agent signs in again on 401). */
  protected async refused(_status: string): Promise<void> {}

  /** Connects, retrying with back-off until connected or `deadline`. */
  async connect(deadline: number, reload = false): Promise<boolean> {
    for (let attempt = 0; !this.stopped && Date.now() < deadline; attempt++) {
      try {
        await this.openOnce(reload);
        return true;
      } catch (error) {
        await this.refused((error as Error).message);
        const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;
        await new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * base));
      }
    }
    return false;
  }

  /** Drops the connection as a lost network does; the party reconnects by itself. */
  drop(): void {
    this.socket?.terminate();
  }

  /** A page reload: the connection goes, and the page comes back with its stored credentials and reads its history. */
  reload(): void {
    this.reloadNext = true;
    this.socket?.terminate();
  }

  /** Closes for good (no reconnect). */
  async disconnect(): Promise<void> {
    this.stopped = true;
    const socket = this.socket;
    if (!socket) return;
    socket.close();
    await socket.closed;
  }

  /** The conversation's timeline from seq 1: the `events` frame answering `sync` from 0. */
  protected async syncFromStart(conversationId: string): Promise<ConversationEvent[]> {
    const socket = this.socket;
    if (!socket) throw new Error('not connected');
    const answers: ConversationEvent[][] = [];
    this.syncing.set(conversationId, answers);
    try {
      const answer = await socket.request({ type: 'sync', id: `${this.name}-sync-${Date.now()}${Math.floor(Math.random() * 1e6)}`, conversationId, afterSeq: 0 });
      if (answer.type === 'error') throw new Error(`sync of ${conversationId} refused: ${answer.reason}`);
    } finally {
      this.syncing.delete(conversationId);
    }
    // Live events may arrive while the sync is served; the answer is the longest list from seq 1.
    return answers.filter((events) => events[0]?.seq === 1).sort((a, b) => b.length - a.length)[0] ?? [];
  }

  private async openOnce(reload: boolean): Promise<void> {
    const socket = await SoakSocket.open(this.socketUrl(), await this.socketHeaders(), (frame) => this.onFrame(frame));
    this.socket = socket;
    try {
      const welcome = new Promise<Extract<ServerFrame, { type: 'welcome' }>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no welcome')), WELCOME_TIMEOUT_MS);
        this.welcome = (frame) => {
          clearTimeout(timer);
          resolve(frame);
        };
        void socket.closed.then(() => {
          clearTimeout(timer);
          reject(new Error('closed before welcome'));
        });
      });
      await socket.notify(this.helloFrame());
      await this.welcomed(await welcome, reload);
    } catch (error) {
      socket.terminate();
      throw error;
    } finally {
      this.welcome = undefined;
    }
    this.connected = true;
    void socket.closed.then(() => this.lost(socket));
  }

  private lost(socket: SoakSocket): void {
    if (this.socket !== socket) return;
    this.connected = false;
    if (this.stopped) return;
    const reload = this.reloadNext;
    this.reloadNext = false;
    if (reload) this.ledger.counts.reloads++;
    else this.ledger.counts.reconnects++;
    // Bounded: a party gives up after two minutes without a server (the run reports it).
    void this.connect(Date.now() + 120_000, reload).then((ok) => {
      if (!ok && !this.stopped) this.ledger.violation(`${this.name} could not reconnect within 2 minutes`);
    });
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.type === 'welcome') return this.welcome?.(frame);
    if (frame.type === 'events') this.syncing.get(frame.conversationId)?.push(frame.events);
    this.received(frame);
  }
}
