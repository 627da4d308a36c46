/** The kinds of work an agent is offered, each with its own sound and words. */
import type { Offer } from '../../../signaling/protocol/server-frames.js';
import type { MessageKey } from '../i18n/en.js';

export const OFFER_KINDS = ['chat', 'call', 'callback', 'email', 'channel', 'transfer'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** What an offer is: a callback is dialled, a call rings, mail and channel messages wait, the rest is the widget's chat. */
export function offerKind(offer: Offer): OfferKind {
  if (offer.source === 'callback') return 'callback';
  if (offer.channel === 'voice') return 'call';
  if (offer.channel === 'email') return 'email';
  if (offer.channel === 'message') return 'channel';
  return 'chat';
}

/** The headline of an offer of each kind (a `{name}` message). */
export const OFFER_TITLE: Record<OfferKind, MessageKey> = {
  chat: 'offerFrom',
  call: 'offerCall',
  callback: 'offerCallback',
  email: 'offerEmail',
  channel: 'offerMessage',
  transfer: 'offerTransfer',
};
