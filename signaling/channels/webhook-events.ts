/** Turns what happens to conversations and callbacks into integrators' webhook events. */
import type { CallbackService } from '../callbacks/callback-service.js';
import { toCallbackView } from '../callbacks/callback-service.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { Store } from '../store/store.js';
import type { WebhookService } from './webhook-service.js';

export function emitWebhookEvents(store: Store, conversations: ConversationService, callbacks: CallbackService, webhooks: WebhookService): void {
  const emit = (event: Parameters<WebhookService['emit']>[0], load: () => Promise<unknown>) =>
    void load()
      .then((data) => webhooks.emit(event, data))
      .catch((error: unknown) => console.error(`webhooks: could not queue ${event}:`, error));
  const summary = (id: string) => async () => ({ conversation: await store.conversations.summary(id) });
  conversations.listen({
    created: (c) => emit('conversation.created', summary(c.id)),
    assigned: (c) => emit('conversation.assigned', summary(c.id)),
    ended: (c) => emit('conversation.ended', summary(c.id)),
    posted: (c, e) => emit('message.created', async () => ({ conversationId: c.id, message: { seq: e.seq, at: e.at, author: e.author, text: e.text } })),
  });
  callbacks.listen({ due: (cb, c) => emit('callback.due', async () => ({ callback: toCallbackView(cb), conversationId: c.id })) });
}
