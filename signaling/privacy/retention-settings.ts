/** The retention settings, kept as one JSON value in the settings table (so every node reads the same). */
import { DEFAULT_RETENTION, retentionSettingsSchema, type RetentionSettings } from '../protocol/privacy.js';
import type { Store } from '../store/store.js';

export const RETENTION_KEY = 'privacy.retention';

/** The stored settings, defaults filling what an older value lacks. */
export async function readRetention(store: Store): Promise<RetentionSettings> {
  const stored = await store.settings.get(RETENTION_KEY);
  if (!stored) return DEFAULT_RETENTION;
  const parsed = retentionSettingsSchema.safeParse({ ...DEFAULT_RETENTION, ...(JSON.parse(stored) as object) });
  // A value no schema accepts keeps everything: retention must never delete on a misread.
  return parsed.success ? parsed.data : DEFAULT_RETENTION;
}

export async function writeRetention(store: Store, settings: RetentionSettings): Promise<void> {
  await store.settings.set(RETENTION_KEY, JSON.stringify(settings));
}
