/**
 * Messages the visitor sent that the server has not acknowledged yet, kept in localStorage
 * so that a reload or a crash loses nothing: they are re-sent with the same client ids,
 * which the server stores once.
 */
import type { AttachmentRef } from '../../signaling/protocol/attachments.js';

export interface OutboxItem {
  clientId: string;
  text: string;
  createdAt: number;
  /** Files already stored on the server that this message carries. */
  attachments?: AttachmentRef[];
}

interface Persisted {
  /** The client id of the pending `conversation.start`, so a retry opens the same conversation. */
  startId?: string;
  items: OutboxItem[];
}

export class Outbox {
  private data: Persisted = { items: [] };

  constructor(
    private readonly storage: Storage | undefined,
    private readonly key: string,
  ) {
    try {
      const raw = storage?.getItem(key);
      if (raw) this.data = JSON.parse(raw) as Persisted;
    } catch {
      this.data = { items: [] };
    }
  }

  get items(): readonly OutboxItem[] {
    return this.data.items;
  }

  /** The id to start a conversation with; the same one until `clearStartId`. */
  startId(newId: () => string): string {
    if (!this.data.startId) {
      this.data.startId = newId();
      this.save();
    }
    return this.data.startId;
  }

  clearStartId(): void {
    delete this.data.startId;
    this.save();
  }

  add(item: OutboxItem): void {
    this.data.items.push(item);
    this.save();
  }

  remove(clientId: string): void {
    this.data.items = this.data.items.filter((i) => i.clientId !== clientId);
    this.save();
  }

  private save(): void {
    try {
      if (this.data.items.length || this.data.startId) this.storage?.setItem(this.key, JSON.stringify(this.data));
      else this.storage?.removeItem(this.key);
    } catch {
      // storage full or blocked: the outbox still works for this page's lifetime
    }
  }
}
