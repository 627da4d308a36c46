/**
 * Which files of a customer's mail join its conversation: each is checked and stored under the
 * site's file policy, at most MAX_FILES_PER_MAIL of them, and every file left out is named with
 * why, so the agent knows something was sent that they cannot see (the rest of the mail is kept).
 */
import { AppError } from '../kernel/app-error.js';
import { MAX_ATTACHMENTS_PER_MESSAGE, type AttachmentRef } from '../protocol/attachments.js';
import type { MailFile } from './inbound-mail.js';

/** One message carries at most this many files; a mail's further files are left out. */
export const MAX_FILES_PER_MAIL = MAX_ATTACHMENTS_PER_MESSAGE;

/** Why a mail's file was not kept. */
export const LeftOutReason = { type: 'type', size: 'size', count: 'count', unreadable: 'unreadable' } as const;
export type LeftOutReason = (typeof LeftOutReason)[keyof typeof LeftOutReason];

export interface TakenMailFiles {
  kept: AttachmentRef[];
  leftOut: { name: string; reason: LeftOutReason }[];
}

/** Checks and stores a file as the customer's. @throws AppError `file-too-large`, `file-type-not-allowed`, `invalid-input` when it is refused. */
export type KeepMailFile = (name: string, bytes: Uint8Array) => Promise<AttachmentRef>;

const REFUSALS: Record<string, LeftOutReason> = { 'file-too-large': 'size', 'file-type-not-allowed': 'type', 'invalid-input': 'unreadable' };

/**
 * Keeps the files the policy accepts, in the mail's order. A refusal leaves that file out; any
 * other failure (the storage is down) is thrown, so the mail is refused for now and sent again.
 */
export async function takeMailFiles(files: readonly MailFile[], keep: KeepMailFile): Promise<TakenMailFiles> {
  const taken: TakenMailFiles = { kept: [], leftOut: [] };
  for (const [i, file] of files.entries()) {
    if (i >= MAX_FILES_PER_MAIL) {
      taken.leftOut.push({ name: file.name, reason: 'count' });
      continue;
    }
    try {
      taken.kept.push(await keep(file.name, file.bytes));
    } catch (error) {
      const reason = error instanceof AppError ? REFUSALS[error.reason] : undefined;
      if (!reason) throw error;
      taken.leftOut.push({ name: file.name, reason });
    }
  }
  return taken;
}
