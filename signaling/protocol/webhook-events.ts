/** What an integrator may subscribe to. Apart from the schemas, so the agent app can list them without zod. */
export const WEBHOOK_EVENTS = ['conversation.created', 'conversation.assigned', 'message.created', 'conversation.ended', 'callback.due'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
