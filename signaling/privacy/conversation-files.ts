/**
 * Files kept with conversations (call recordings now, shared attachments once file sharing
 * exists): the one interface export, erasure and retention use, so a new kind of file plugs in
 * by implementing it and being listed in wiring.ts, with no change to the privacy code.
 */
import type { RetentionSettings } from '../protocol/privacy.js';
import type { Store } from '../store/store.js';

/** One stored file, described without its bytes; `read` loads them when the archive gets to it. */
export interface ConversationFile {
  id: string;
  conversationId: string;
  mimeType: string;
  createdAt: number;
  /** Its path inside the export archive, unique within it. */
  archivePath: string;
  /** What customer.json says about it beside its path (duration, who made it...). */
  details: Record<string, unknown>;
  read(): Promise<Uint8Array | undefined>;
}

export interface ConversationFiles {
  /** Where its files go in the archive, and the retention setting that ages them. */
  readonly kind: 'recordings' | 'attachments';
  readonly retentionSetting: keyof Pick<RetentionSettings, 'recordingsDays' | 'attachmentsDays'>;
  /** The files of these conversations, oldest first. */
  list(conversationIds: string[]): Promise<ConversationFile[]>;
  /** Deletes the files of these conversations, inside the erasing transaction `tx`; how many. */
  eraseFor(tx: Store, conversationIds: string[]): Promise<number>;
  /** Deletes at most `limit` files created before `cutoff`, oldest first; how many (0: nothing left to do). */
  eraseOlderThan(cutoff: number, limit: number): Promise<number>;
}

const EXTENSIONS: Record<string, string> = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a', 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'audio/x-wav': 'wav' };

/** Call recordings, stored in the database with their call. */
export function recordingFiles(store: Store): ConversationFiles {
  return {
    kind: 'recordings',
    retentionSetting: 'recordingsDays',
    async list(conversationIds) {
      return (await store.recordings.listFor(conversationIds)).map((r) => ({
        id: r.id,
        conversationId: r.conversationId,
        mimeType: r.mimeType,
        createdAt: r.createdAt,
        archivePath: `recordings/${r.conversationId}/${r.id}.${EXTENSIONS[r.mimeType.split(';')[0]!.trim()] ?? 'bin'}`,
        details: { durationMs: r.durationMs, agentId: r.agentId },
        read: async () => (await store.recordings.find(r.conversationId, r.id))?.audio,
      }));
    },
    eraseFor: (tx, conversationIds) => tx.recordings.removeFor(conversationIds),
    eraseOlderThan: (cutoff, limit) => store.recordings.removeOlderThan(cutoff, limit),
  };
}
