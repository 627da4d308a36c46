/**
 * Who is reviewed, read once for every switch on the screen (a row per person, the queue editor)
 * and kept current as the admin flips them.
 */
import type { ReviewSettings } from '../../../signaling/protocol/reply-review.js';
import { reviewApi } from './review-api.js';

let loaded: Promise<ReviewSettings> | undefined;
const listeners = new Set<(settings: ReviewSettings) => void>();

/** The current settings (one request, shared); rejects for a role that may not read them. */
export function reviewSettings(): Promise<ReviewSettings> {
  loaded ??= reviewApi.settings().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/** Changes one flag on the server; every switch hears the new settings. */
export async function setReviewFlag(kind: 'agent' | 'queue', id: string, on: boolean): Promise<ReviewSettings> {
  const settings = await reviewApi.setFlag(kind === 'agent' ? 'agents' : 'queues', id, on);
  loaded = Promise.resolve(settings);
  for (const listener of listeners) listener(settings);
  return settings;
}

/** Calls `listener` on every change; returns the function that stops it. */
export function followReviewSettings(listener: (settings: ReviewSettings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
