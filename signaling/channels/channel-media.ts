/**
 * The files a channel message carries, both ways. Inbound `media` URLs are fetched (safely, see
 * media-fetch.ts) and kept as the sender's files under the site's policy; each one that fails is
 * named in a line for the agent, and the message is kept. Outbound, an agent's files go in the
 * reply's `media` as signed addresses that work for an hour.
 */
import { AppError } from '../kernel/app-error.js';
import type { AttachmentRef, FileLink } from '../protocol/attachments.js';
import type { ChannelReply, InboundChannelMessage } from '../protocol/channels.js';
import { fetchMedia, MediaFetchError, type MediaFetchOptions } from './media-fetch.js';

/** A reply's file links work this long: time for a gateway to fetch them, not to keep them. */
export const CHANNEL_MEDIA_LINK_TTL_MS = 60 * 60_000;

export interface ChannelMediaDeps {
  /** Checks (type from the bytes, size) and stores a file as the sender's. @throws AppError `file-too-large`, `file-type-not-allowed`, `invalid-input`. */
  keep(visitorId: string, name: string, bytes: Uint8Array): Promise<AttachmentRef>;
  /** The size limit in force: a download stops past it. */
  maxBytes(): Promise<number>;
  /** An absolute signed address of a file, valid for `ttlMs`. */
  link(fileId: string, ttlMs: number): FileLink;
  /** Tests: loopback stands in for the internet, and a shorter deadline. */
  fetch?: Pick<MediaFetchOptions, 'allowLoopback' | 'timeoutMs'>;
}

export interface TakenMedia {
  kept: AttachmentRef[];
  /** One line per file that could not be taken, for the agent. */
  failures: string[];
}

const REFUSED: Record<string, string> = { 'file-too-large': 'it is larger than the site’s limit', 'file-type-not-allowed': 'the site does not accept this kind of file', 'invalid-input': 'it is empty' };

export class ChannelMedia {
  constructor(private readonly deps: ChannelMediaDeps) {}

  /** Fetches and keeps each file in order. A storage failure is thrown (the gateway sends again); a refused or unreachable file is a line. */
  async take(visitorId: string, media: NonNullable<InboundChannelMessage['media']>): Promise<TakenMedia> {
    const taken: TakenMedia = { kept: [], failures: [] };
    if (!media.length) return taken;
    const maxBytes = await this.deps.maxBytes();
    for (const item of media) {
      try {
        const fetched = await fetchMedia(item.url, { maxBytes, ...this.deps.fetch });
        taken.kept.push(await this.deps.keep(visitorId, fetched.name, fetched.bytes));
      } catch (error) {
        const why = error instanceof MediaFetchError ? error.message : error instanceof AppError ? REFUSED[error.reason] : undefined;
        if (!why) throw error;
        taken.failures.push(`[A file sent with this message could not be received (${hostOf(item.url)}): ${why}.]`);
      }
    }
    return taken;
  }

  /** The reply's `media`: each of the agent's files as an hour-long signed address. */
  outbound(files: readonly AttachmentRef[] | undefined): Pick<ChannelReply, 'media'> {
    if (!files?.length) return {};
    return { media: files.map((f) => ({ ...this.deps.link(f.id, CHANNEL_MEDIA_LINK_TTL_MS), contentType: f.mimeType, name: f.name, size: f.size })) };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || 'no host';
  } catch {
    return 'not a URL';
  }
}
