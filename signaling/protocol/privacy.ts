/**
 * Customers' data on the wire: how long conversations, recordings and attachments are kept,
 * how a visitor's request to delete a conversation is handled, and what admins see of those requests.
 */
import { z } from 'zod';

/** Days to keep something; null keeps it forever. Ten years at most, so a typo cannot overflow a date. */
const days = z.number().int().min(1).max(3650).nullable();

/** `automatic`: a visitor's request erases the conversation at once; `review`: it waits for an admin. */
export const VISITOR_DELETION_MODES = ['automatic', 'review'] as const;
export type VisitorDeletionMode = (typeof VISITOR_DELETION_MODES)[number];

export const retentionSettingsSchema = z.object({
  /** Ended conversations (with their timeline, notes, recordings and mails) older than this are erased. */
  conversationsDays: days,
  /** Call recordings older than this are deleted, even when their conversation is kept. */
  recordingsDays: days,
  /** Files shared in conversations (none yet: file sharing plugs in through `ConversationFiles`). */
  attachmentsDays: days,
  visitorDeletion: z.enum(VISITOR_DELETION_MODES),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

/** Keep everything, and let an admin review visitors' requests: nothing is lost until someone decides. */
export const DEFAULT_RETENTION: RetentionSettings = { conversationsDays: null, recordingsDays: null, attachmentsDays: null, visitorDeletion: 'review' };

/** A PUT may change some settings only. */
export const retentionUpdateSchema = retentionSettingsSchema.partial();

/** Erasing a customer must name them again, so that a slip of the mouse erases nobody. */
export const eraseRequestSchema = z.object({ confirm: z.string().min(1).max(64) });

export const DELETION_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'erased'] as const;
/** `erased`: done at once (automatic mode); `approved`: an admin agreed and it was erased. */
export type DeletionRequestStatus = (typeof DELETION_REQUEST_STATUSES)[number];

/** A visitor's request, as admins list it: the conversation's shape, never its content. */
export const deletionRequestSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  status: z.enum(DELETION_REQUEST_STATUSES),
  createdAt: z.number(),
  decidedAt: z.number().optional(),
  decidedBy: z.object({ id: z.string(), name: z.string() }).optional(),
  /** While it still exists. */
  conversation: z.object({ channel: z.string(), status: z.string(), createdAt: z.number(), endedAt: z.number().optional() }).optional(),
});
export type DeletionRequestView = z.infer<typeof deletionRequestSchema>;

/** What the widget is told after asking. */
export const deletionReceiptSchema = z.object({ status: z.enum(DELETION_REQUEST_STATUSES) });
export type DeletionReceipt = z.infer<typeof deletionReceiptSchema>;

/** What erasing a customer removed, by kind (counts only: the audit log keeps this, never the data). */
export const erasureReportSchema = z.object({ customerId: z.string(), visitors: z.number(), conversations: z.number(), recordings: z.number(), files: z.number() });
export type ErasureReport = z.infer<typeof erasureReportSchema>;
