/**
 * How close a draft is to the message limit, for the composers' counter: shown from 80 % of the
 * limit, and over it the message is refused with a clear word (never cut: the visitor's text stays
 * in the field for them to shorten).
 */
import { MAX_MESSAGE_LENGTH } from '../../signaling/protocol/version.js';

export type LengthState = 'ok' | 'near' | 'over';

/** The counter appears from this share of the limit. */
export const NEAR_LIMIT = 0.8;

/** Where `length` characters stand against `max`. @example lengthState(3500) // 'near' */
export function lengthState(length: number, max = MAX_MESSAGE_LENGTH): LengthState {
  if (length > max) return 'over';
  return length >= max * NEAR_LIMIT ? 'near' : 'ok';
}
