/** What the agent app and its service worker tell each other about offers' notifications. */

/** From the worker to the app: the agent clicked an offer's notification (or its Accept action). */
export type WorkerMessage = { type: 'sb-offer-open'; conversationId: string; accept: boolean };

/** What an offer's notification carries, for the worker to find the offer again. */
export interface OfferNotificationData {
  kind: 'sb-offer';
  conversationId: string;
}

/** The offer a notification is about, or undefined for any other notification. */
export function offerFromNotification(data: unknown): OfferNotificationData | undefined {
  const d = data as Partial<OfferNotificationData> | null | undefined;
  return d?.kind === 'sb-offer' && typeof d.conversationId === 'string' ? { kind: 'sb-offer', conversationId: d.conversationId } : undefined;
}

/** A message from the worker, checked (anything else posted to the page is ignored). */
export function workerMessage(data: unknown): WorkerMessage | undefined {
  const d = data as Partial<WorkerMessage> | null | undefined;
  return d?.type === 'sb-offer-open' && typeof d.conversationId === 'string' ? { type: 'sb-offer-open', conversationId: d.conversationId, accept: d.accept === true } : undefined;
}
