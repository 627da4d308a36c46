/** Shared files as the privacy code sees them (export, erasure, retention): records in the store, bytes in the file storage. */
import { buffer } from 'node:stream/consumers';
import type { ConversationFiles } from '../privacy/conversation-files.js';
import type { Store } from '../store/store.js';
import type { FileStorage } from './file-storage.js';

/** Files never sent with a message are swept after a day; sent ones follow the retention setting. */
export const UNSENT_FILE_TTL_MS = 24 * 3600_000;

export function attachmentFiles(store: Store, storage: FileStorage, clock: () => number = Date.now): ConversationFiles {
  const drop = async (keys: string[]) => {
    await Promise.all(keys.map((k) => storage.delete(k).catch(() => {})));
    return keys.length;
  };
  return {
    kind: 'attachments',
    retentionSetting: 'attachmentsDays',
    async list(conversationIds) {
      return (await store.attachments.listFor(conversationIds)).map((a) => ({
        id: a.id,
        conversationId: a.conversationId!,
        mimeType: a.mimeType,
        createdAt: a.createdAt,
        archivePath: `attachments/${a.conversationId}/${a.id}-${a.name.replace(/[^\w.-]+/g, '_')}`,
        details: { name: a.name, size: a.size, uploader: a.uploader.split(':')[0] },
        read: async () => {
          const stream = await storage.get(a.storageKey);
          return stream ? new Uint8Array(await buffer(stream)) : undefined;
        },
      }));
    },
    eraseFor: async (tx, conversationIds) => drop(await tx.attachments.removeFor(conversationIds)),
    async eraseOlderThan(cutoff, limit) {
      // Uploads nobody sent go first, whatever the retention: they belong to no conversation.
      const unsent = await store.attachments.removeOlderThan(clock() - UNSENT_FILE_TTL_MS, limit, true);
      const sent = unsent.length < limit ? await store.attachments.removeOlderThan(cutoff, limit - unsent.length) : [];
      return drop([...unsent, ...sent]);
    },
  };
}
