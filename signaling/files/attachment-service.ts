/**
 * Files shared in conversations: uploads checked by their bytes against the site's policy and
 * stored before anyone is told, and signed short-lived links for the conversation's parties
 * (its visitor, agents who are or were in it, supervisors) and nobody else.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { uploaderOf, type Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { RateLimiter } from '../kernel/rate-limiter.js';
import type { AttachmentRef, FileLink } from '../protocol/attachments.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';
import type { AttachmentRecord } from '../store/attachments-repo.js';
import type { Store } from '../store/store.js';
import { sniffContentType, typeAllowed } from './content-type.js';
import { FileLinks, LINK_TTL_MS } from './file-links.js';
import type { FileStorage } from './file-storage.js';

/** What a site accepts: the largest file, and the types (read from the bytes) it takes. */
export interface AttachmentPolicy {
  maxBytes: number;
  types: readonly string[];
}

export interface AttachmentServiceDeps {
  store: Store;
  storage: FileStorage;
  parties: ConversationParties;
  secret: string;
  /** The site's policy, read at each file: an admin's change applies to the next upload. */
  policy: () => Promise<AttachmentPolicy>;
  clock?: () => number;
  /** Uploads per uploader per minute (a burst of screenshots passes; a script filling the disk does not). */
  uploadsPerMinute?: number;
}

/** A file ready to send: its record and its bytes, for the download route. */
export interface OpenedFile {
  record: AttachmentRecord;
  content: Readable;
}

export class AttachmentService {
  private readonly store: Store;
  private readonly storage: FileStorage;
  private readonly parties: ConversationParties;
  private readonly links: FileLinks;
  private readonly clock: () => number;
  private readonly uploads: RateLimiter;
  /** The policy in force now. */
  readonly policy: () => Promise<AttachmentPolicy>;

  constructor(deps: AttachmentServiceDeps) {
    this.store = deps.store;
    this.storage = deps.storage;
    this.parties = deps.parties;
    this.links = new FileLinks(deps.secret);
    this.policy = deps.policy;
    this.clock = deps.clock ?? Date.now;
    this.uploads = new RateLimiter(deps.uploadsPerMinute ?? 20, 60_000);
  }

  /**
   * Checks and stores a file; it joins a conversation when the uploader sends a message with it.
   * @throws AppError `file-too-large`, `file-type-not-allowed`, `invalid-input` (empty, bad name), `rate-limited`; nothing is stored then.
   */
  async upload(actor: Actor, name: string, bytes: Uint8Array): Promise<AttachmentRef> {
    const checked = await this.check(name, bytes);
    if (!this.uploads.take(uploaderOf(actor), this.clock())) throw new AppError('rate-limited', 'too many files at once; try again in a minute');
    return this.keep(actor, checked, bytes);
  }

  /**
   * Checks and stores a file that came in with a customer's mail, as theirs, under the same policy
   * as an upload. No rate limit: the SMTP listener's message size and the per-mail count bound it.
   * @throws AppError `file-too-large`, `file-type-not-allowed`, `invalid-input`; nothing is stored then.
   */
  async receive(actor: Actor, name: string, bytes: Uint8Array): Promise<AttachmentRef> {
    return this.keep(actor, await this.check(name, bytes), bytes);
  }

  /**
   * The bytes of sent files with their records, in the order asked, for a mail that carries them
   * as attachments; a file erased meanwhile is left out. Read when the mail goes, not when it is queued.
   */
  async contents(fileIds: readonly string[]): Promise<{ record: AttachmentRecord; bytes: Buffer }[]> {
    const records = new Map((await this.store.attachments.findMany([...fileIds])).map((r) => [r.id, r]));
    const found: { record: AttachmentRecord; bytes: Buffer }[] = [];
    for (const id of fileIds) {
      const record = records.get(id);
      const stream = record && (await this.storage.get(record.storageKey));
      if (record && stream) found.push({ record, bytes: await buffer(stream) });
    }
    return found;
  }

  /** The clean name and the type read from the bytes. @throws AppError as `upload` does, but never `rate-limited`. */
  private async check(name: string, bytes: Uint8Array): Promise<{ name: string; mimeType: string }> {
    const cleanName = cleanFileName(name);
    if (!cleanName) throw new AppError('invalid-input', 'name the file (the `name` query parameter)');
    if (bytes.byteLength === 0) throw new AppError('invalid-input', 'the file is empty');
    const policy = await this.policy();
    if (bytes.byteLength > policy.maxBytes) throw new AppError('file-too-large', `files are limited to ${policy.maxBytes} bytes`);
    const mimeType = await sniffContentType(bytes, cleanName);
    if (!typeAllowed(mimeType, policy.types)) throw new AppError('file-type-not-allowed', `this kind of file is not accepted (read from its content: ${mimeType ?? 'unknown'})`);
    return { name: cleanName, mimeType };
  }

  private async keep(actor: Actor, file: { name: string; mimeType: string }, bytes: Uint8Array): Promise<AttachmentRef> {
    const id = randomUUID();
    // The bytes first: a record never points at nothing. A failed record leaves an orphan file, removed here.
    await this.storage.put(id, Readable.from([bytes]));
    try {
      await this.store.attachments.add({ id, storageKey: id, uploader: uploaderOf(actor), name: file.name, mimeType: file.mimeType, size: bytes.byteLength, createdAt: this.clock() });
    } catch (error) {
      await this.storage.delete(id);
      throw error;
    }
    return { id, name: file.name, mimeType: file.mimeType, size: bytes.byteLength };
  }

  /**
   * A signed link to a file for someone who may see it: its uploader before it is sent, the
   * conversation's parties and supervisors after. @throws AppError `not-found` for anyone else.
   */
  async linkFor(actor: Actor, fileId: string, ttlMs = LINK_TTL_MS): Promise<FileLink> {
    const record = await this.store.attachments.find(fileId);
    if (!record || !(await this.maySee(actor, record))) throw new AppError('not-found', 'no such file');
    return this.link(record.id, ttlMs);
  }

  /** A link to a file the caller has already authorized (a transcript mailed to its visitor). */
  link(fileId: string, ttlMs = LINK_TTL_MS): FileLink {
    const expiresAt = this.clock() + ttlMs;
    const { e, s } = this.links.sign(fileId, expiresAt);
    return { url: `/api/files/${encodeURIComponent(fileId)}?e=${e}&s=${s}`, expiresAt };
  }

  /**
   * The file behind a signed link. @throws AppError `not-found` for a bad signature or a
   * missing file (an outsider learns nothing), `link-expired` for a genuine link past its time.
   */
  async open(fileId: string, e: string | undefined, s: string | undefined): Promise<OpenedFile> {
    const problem = this.links.check(fileId, e, s, this.clock());
    if (problem === 'bad-signature') throw new AppError('not-found', 'no such file');
    if (problem === 'expired') throw new AppError('link-expired', 'this link has expired; ask for a new one');
    const record = await this.store.attachments.find(fileId);
    const content = record ? await this.storage.get(record.storageKey) : undefined;
    if (!record || !content) throw new AppError('not-found', 'no such file');
    return { record, content };
  }

  /** Deletes the bytes behind these storage keys (their records are gone); a failure is left for the sweep. */
  async deleteStored(keys: string[]): Promise<void> {
    await Promise.all(keys.map((k) => this.storage.delete(k).catch(() => {})));
  }

  private async maySee(actor: Actor, record: AttachmentRecord): Promise<boolean> {
    if (!record.conversationId) return record.uploader === uploaderOf(actor);
    const conversation = await this.store.conversations.findById(record.conversationId);
    return !!conversation && (await this.parties.may(actor, conversation, 'read'));
  }
}

/** The base name without path or control characters, at most 200 characters; empty when nothing is left. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
}
