/**
 * Review before sending: an agent's e-mail or channel reply that needs review is held until a
 * supervisor approves it (as written or edited) or returns it with a comment. The customer sees
 * nothing of a held reply; live chat and calls are never held.
 */
import { z } from 'zod';
import type { AttachmentRef } from './attachments.js';
import type { ConversationSource } from './conversation.js';
import { MAX_MESSAGE_LENGTH } from './version.js';

export const HELD_REPLY_STATUSES = ['pending', 'returned', 'approved'] as const;
export type HeldReplyStatus = (typeof HELD_REPLY_STATUSES)[number];

/** Whether an agent's reply in a conversation from this source can be held: e-mail and channels (SMS, social), never chat or calls. */
export const isReviewableSource = (source: ConversationSource | undefined): boolean => source === 'email' || (source?.startsWith('channel:') ?? false);

/** A reply as its agent and the reviewers see it. */
export interface HeldReply {
  id: string;
  conversationId: string;
  agent: { id: string; name: string };
  text: string;
  attachments: AttachmentRef[];
  status: HeldReplyStatus;
  reviewer?: { id: string; name: string };
  /** The reviewer's comment on a returned reply. */
  comment?: string;
  /** Once approved: the message it became. */
  seq?: number;
  createdAt: number;
  updatedAt: number;
}

/** A reply waiting for review, with what the reviewer needs to judge it. */
export interface ReviewItem extends HeldReply {
  conversation: {
    subject?: string;
    source?: ConversationSource;
    queueName: string;
    customer: { name?: string; email?: string };
    /** The customer's latest message, which the reply answers. */
    lastCustomerMessage?: string;
  };
}

const text = z.string().trim().min(1).max(MAX_MESSAGE_LENGTH);

export const approveReplySchema = z.object({ text: text.optional().meta({ description: 'The reply as edited by the reviewer; absent: as the agent wrote it' }) }).meta({ id: 'ApproveReply' });
export const returnReplySchema = z.object({ comment: z.string().trim().min(1).max(2000).meta({ description: 'What the agent should change' }) }).meta({ id: 'ReturnReply' });
export const resubmitReplySchema = z.object({ text }).meta({ id: 'ResubmitReply' });
export const reviewFlagSchema = z.object({ repliesNeedReview: z.boolean() }).meta({ id: 'ReviewFlag' });
export type ReviewFlag = z.infer<typeof reviewFlagSchema>;

/** Who is reviewed: agents and queues marked "replies need review". */
export interface ReviewSettings {
  agents: string[];
  queues: string[];
}

const party = z.object({ id: z.string(), name: z.string() });
const attachmentRef = z.object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number() });
export const heldReplySchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    agent: party,
    text: z.string(),
    attachments: z.array(attachmentRef),
    status: z.enum(HELD_REPLY_STATUSES),
    reviewer: party.optional(),
    comment: z.string().optional(),
    seq: z.number().optional(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .meta({ id: 'HeldReply', description: 'An agent’s e-mail or channel reply held for review.' });
export const reviewItemSchema = heldReplySchema
  .extend({
    conversation: z.object({
      subject: z.string().optional(),
      source: z.string().optional(),
      queueName: z.string(),
      customer: z.object({ name: z.string().optional(), email: z.string().optional() }),
      lastCustomerMessage: z.string().optional(),
    }),
  })
  .meta({ id: 'ReviewItem', description: 'A reply waiting for review, with its conversation’s context.' });
export const reviewSettingsSchema = z.object({ agents: z.array(z.string()), queues: z.array(z.string()) }).meta({ id: 'ReviewSettings' });
