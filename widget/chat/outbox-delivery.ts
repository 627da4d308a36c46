/**
 * Delivers the visitor's outbox: in order, each message once (its client id is the request's id,
 * so a resend after a reconnect is recognised), waiting for each ack; the first message of a chat
 * opens the conversation.
 */
import type { VisitorFrame } from '../../signaling/protocol/client-frames.js';
import { ProtocolError, type ProtocolClient } from '../../signaling/protocol/protocol-client.js';
import type { ChatState } from './chat-state.js';
import { newClientId } from './client-id.js';
import type { Outbox } from './outbox.js';
import { startContext } from './visitor-context.js';

export interface OutboxDeliveryHooks {
  /** The visitor's open conversation, if any. */
  openConversationId(): string | undefined;
  /** The queue a new conversation starts in, and the topic the visitor chose for it (if any). */
  route(): { queue?: string; topic?: string };
  /** The outbox shrank, or the last send failed (or succeeded after a failure). */
  update(patch: Pick<ChatState, 'outbox'> | Pick<ChatState, 'error'>): void;
  /** The agent ended the conversation while a message was in flight: the message opens a new one. */
  conversationEnded(): void;
  /** The proactive invitation the visitor is answering, and forgetting it once the conversation holds it. */
  invitation?: { readonly value: { id: string } | undefined; clear(): void };
}

export class OutboxDelivery {
  private flushing = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly client: ProtocolClient<VisitorFrame>,
    private readonly hooks: OutboxDeliveryHooks,
  ) {}

  /** Sends queued messages in order; each waits for its ack, across reconnects. A call while sending does nothing. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let item = this.outbox.items[0]; item; item = this.outbox.items[0]) {
        const conversationId = await this.ensureConversation();
        try {
          await this.client.request({ type: 'message.send', id: item.clientId, conversationId, text: item.text, ...(item.attachments?.length ? { attachments: item.attachments.map((a) => a.id) } : {}) });
          this.hooks.update({ error: undefined });
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error;
          if (error.reason === 'conversation-ended') {
            this.hooks.conversationEnded();
            continue;
          }
          if (error.message === 'connection closed') return;
          this.hooks.update({ error: error.reason });
        }
        this.outbox.remove(item.clientId);
        this.hooks.update({ outbox: this.outbox.items });
      }
    } catch {
      // the client closed; the outbox keeps what was not sent, for the next page load
    } finally {
      this.flushing = false;
    }
  }

  /** The open conversation, or a new one; its start id is kept with the outbox, so a retry is the same start. */
  private async ensureConversation(): Promise<string> {
    const open = this.hooks.openConversationId();
    if (open) return open;
    const id = this.outbox.startId(newClientId);
    const invitationId = this.hooks.invitation?.value?.id;
    const { queue, topic } = this.hooks.route();
    const ack = await this.client.request({ type: 'conversation.start', id, ...startContext(queue), ...(topic ? { topic } : {}), ...(invitationId ? { invitationId } : {}) });
    this.outbox.clearStartId();
    this.hooks.invitation?.clear();
    return ack.conversationId!;
  }
}
