/**
 * Everything stored about one customer, as the entries of an export archive: `customer.json`
 * (profile, identities, visitors with their browser context, channel links, callbacks, and every
 * conversation with its whole timeline, notes, tags, mails and the list of its files), then each
 * file (call recordings, later attachments) under its own path. Read one conversation at a time.
 */
import type { Store } from '../store/store.js';
import type { ConversationFile, ConversationFiles } from './conversation-files.js';
import type { ArchiveEntry } from './zip-stream.js';

/** Names the layout of customer.json; bump the version when a field changes meaning. */
export const EXPORT_FORMAT = { format: 'switchboard.customer-export', version: 1 } as const;

/** Timeline events read per query while writing one conversation. */
const EVENT_PAGE = 500;

const encoder = new TextEncoder();

async function* textChunks(parts: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  for await (const part of parts) yield encoder.encode(part);
}

/** The archive's entries for one customer, who must exist. */
export async function* customerExportEntries(store: Store, fileKinds: ConversationFiles[], customerId: string, exportedAt: number): AsyncGenerator<ArchiveEntry> {
  const files: ConversationFile[] = [];
  yield { path: 'customer.json', compress: true, chunks: textChunks(customerJson(store, fileKinds, customerId, exportedAt, files)) };
  for (const file of files) {
    const bytes = await file.read();
    // Deleted between the JSON and now (retention ran): the JSON lists it, the archive cannot.
    if (bytes) yield { path: file.archivePath, compress: false, chunks: (async function* () { yield bytes; })() };
  }
}

/** customer.json in pieces; fills `files` with what the archive must add after it. */
async function* customerJson(store: Store, fileKinds: ConversationFiles[], customerId: string, exportedAt: number, files: ConversationFile[]): AsyncGenerator<string> {
  const customer = await store.customers.findById(customerId);
  if (!customer) throw new Error(`customer ${customerId} vanished during its export`);
  const visitors = await store.privacy.visitorsOf(customerId);
  const visitorIds = visitors.map((v) => v.id);
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  yield `{\n"format": ${json(EXPORT_FORMAT.format)},\n"version": ${EXPORT_FORMAT.version},\n"exportedAt": ${json(new Date(exportedAt).toISOString())},\n`;
  yield `"customer": ${json(customer)},\n`;
  yield `"history": ${json(await store.customers.auditOf(customerId))},\n`;
  yield `"visitors": ${json(visitors)},\n`;
  yield `"channelLinks": ${json(await store.privacy.channelLinksOf(visitorIds))},\n`;
  yield `"callbacks": ${json(await store.privacy.callbacksOf(visitorIds))},\n`;
  yield `"conversations": [\n`;
  let first = true;
  for (const id of await store.privacy.conversationIdsOf(visitorIds)) {
    const conversation = await conversationJson(store, fileKinds, id, files);
    if (!conversation) continue;
    yield `${first ? '' : ',\n'}${json(conversation)}`;
    first = false;
  }
  yield `\n]\n}\n`;
}

async function conversationJson(store: Store, fileKinds: ConversationFiles[], id: string, files: ConversationFile[]) {
  const record = await store.conversations.findById(id);
  if (!record) return undefined;
  const events = [];
  for (let after = 0; ; ) {
    const page = await store.conversations.eventsAfter(id, after, EVENT_PAGE);
    events.push(...page);
    if (page.length < EVENT_PAGE) break;
    after = page.at(-1)!.seq;
  }
  const listed = [];
  for (const kind of fileKinds) {
    for (const file of await kind.list([id])) {
      files.push(file);
      listed.push({ kind: kind.kind, path: file.archivePath, id: file.id, mimeType: file.mimeType, createdAt: file.createdAt, ...file.details });
    }
  }
  return {
    ...record,
    events,
    notes: await store.notes.list(id),
    tags: (await store.customers.tagsOf([id])).get(id) ?? [],
    mails: (await store.mail.forConversation(id)).map((m) => ({ to: m.to, subject: m.subject, body: m.body, status: m.status, createdAt: m.createdAt, ...(m.sentAt !== undefined ? { sentAt: m.sentAt } : {}) })),
    files: listed,
  };
}
