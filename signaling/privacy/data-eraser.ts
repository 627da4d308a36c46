/**
 * Erases a customer's data, or some conversations, everywhere it is stored: conversations still
 * open are ended first (so the visitor, the agent, calls and co-browsing let go of them), then
 * every row goes in one transaction. The event log is left alone: its entries name conversations,
 * agents and queues by opaque id and carry no personal data, so the KPIs keep counting them.
 */
import type { ConversationService } from '../conversations/conversation-service.js';
import type { ErasureReport } from '../protocol/privacy.js';
import type { Store } from '../store/store.js';
import type { ConversationFiles } from './conversation-files.js';

/** Conversations erased per transaction: big enough to be quick, small enough not to hold the database for long. */
export const ERASE_BATCH = 100;

export interface DataEraserDeps {
  store: Store;
  conversations: Pick<ConversationService, 'endBySystem'>;
  files: ConversationFiles[];
}

export class DataEraser {
  constructor(private readonly deps: DataEraserDeps) {}

  /** Ends those still open, then deletes each conversation with everything stored with it. */
  async eraseConversations(ids: string[]): Promise<{ conversations: number; files: Record<string, number> }> {
    await this.endOpen(ids);
    const files: Record<string, number> = {};
    let conversations = 0;
    for (let i = 0; i < ids.length; i += ERASE_BATCH) {
      const batch = ids.slice(i, i + ERASE_BATCH);
      conversations += await this.deps.store.transaction(async (tx) => {
        for (const part of this.deps.files) files[part.kind] = (files[part.kind] ?? 0) + (await part.eraseFor(tx, batch));
        await tx.privacy.eraseDeliveriesMentioning(batch);
        return tx.privacy.eraseConversations(batch);
      });
    }
    return { conversations, files };
  }

  /**
   * Everything about one customer: their conversations as above, then their visitors (names,
   * addresses, numbers, browser context, callbacks, channel links) and the customer record.
   * After this the customer's id resolves to nothing. Safe to repeat: a second run finds nothing.
   */
  async eraseCustomer(customerId: string): Promise<ErasureReport> {
    const visitorIds = (await this.deps.store.privacy.visitorsOf(customerId)).map((v) => v.id);
    let conversations = 0;
    const files: Record<string, number> = {};
    // A visitor may start another conversation while theirs are erased: look again, a few times at most.
    for (let round = 0; round < 3; round++) {
      const ids = await this.deps.store.privacy.conversationIdsOf(visitorIds);
      if (ids.length === 0) break;
      const erased = await this.eraseConversations(ids);
      conversations += erased.conversations;
      for (const [kind, n] of Object.entries(erased.files)) files[kind] = (files[kind] ?? 0) + n;
    }
    await this.deps.store.transaction(async (tx) => {
      await tx.privacy.eraseDeliveriesMentioning(visitorIds);
      await tx.privacy.eraseVisitors(visitorIds);
      await tx.privacy.eraseCustomer(customerId);
    });
    return { customerId, visitors: visitorIds.length, conversations, recordings: files.recordings ?? 0, files: files.attachments ?? 0 };
  }

  private async endOpen(ids: string[]): Promise<void> {
    for (const id of ids) {
      const conversation = await this.deps.store.conversations.findById(id);
      if (conversation && conversation.status !== 'ended') await this.deps.conversations.endBySystem(id, 'erased');
    }
  }
}
