/** Turns what happens to conversations and callbacks into integrators' webhook events. */
import type { CallbackView } from '../protocol/contact-options.js';
import type { ConversationEvents } from '../conversations/conversation-events.js';
import type { ConversationRecord } from '../store/conversations-repo.js';
import type { Store } from '../store/store.js';
import type { WebhookService } from './webhook-service.js';
import { componentLogger } from '../kernel/logger.js';

const log = componentLogger('webhooks');

/** What a webhook subscriber hears, as listeners wiring.ts adds to the conversation and callback events. */
export function webhookEvents(store: Store, webhooks: WebhookService) {
  const emit = (event: Parameters<WebhookService['emit']>[0], load: () => Promise<unknown>) =>
    void load()
      .then((data) => webhooks.emit(event, data))
      .catch((err: unknown) => log.error({ event, err }, 'could not queue an event'));
  const summary = (id: string) => async () => ({ conversation: await store.conversations.summary(id) });
  const conversations: Partial<ConversationEvents> = {
    created: (c) => emit('conversation.created', summary(c.id)),
    assigned: (c) => emit('conversation.assigned', summary(c.id)),
    ended: (c) => emit('conversation.ended', summary(c.id)),
    posted: (c, e) => emit('message.created', async () => ({ conversationId: c.id, message: { seq: e.seq, at: e.at, author: e.author, text: e.text } })),
  };
  const callbackDue = (callback: CallbackView, c: ConversationRecord) => emit('callback.due', async () => ({ callback, conversationId: c.id }));
  return { conversations, callbackDue };
}
