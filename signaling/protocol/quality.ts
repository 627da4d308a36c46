/**
 * Shapes of quality control's scorecards: the form an admin defines (criteria with weights, yes/no
 * or 1–5, some able to fail the whole review), a supervisor's review of one finished conversation,
 * the week's proposed sample, and the quality report beside handle time and satisfaction.
 * The server validates with these; the agent app imports the types.
 */
import { z } from 'zod';

export const MAX_CRITERIA = 20;
export const MAX_REVIEW_COMMENT = 2000;

export const criterionSchema = z
  .object({
    label: z.string().trim().min(1).max(200).meta({ description: 'What the reviewer checks, e.g. “Greeted the customer by name”' }),
    kind: z.enum(['yes-no', 'scale']).meta({ description: '`yes-no`, or `scale` from 1 (poor) to 5 (excellent)' }),
    weight: z.number().int().min(1).max(10).default(1).meta({ description: 'How much it counts in the score, 1–10' }),
    autoFail: z.boolean().default(false).meta({ description: 'A “no” here scores the whole review 0 (yes/no criteria only)' }),
  })
  .refine((c) => !c.autoFail || c.kind === 'yes-no', { message: 'only a yes/no criterion can fail the review', path: ['autoFail'] });
export type Criterion = z.infer<typeof criterionSchema>;

export const scorecardInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  criteria: z.array(criterionSchema).min(1).max(MAX_CRITERIA),
  active: z.boolean().default(true).meta({ description: 'Only active scorecards are offered to reviewers' }),
});
export type ScorecardInput = z.infer<typeof scorecardInputSchema>;

export interface ScorecardView {
  id: string;
  name: string;
  criteria: Criterion[];
  active: boolean;
  createdAt: number;
}

/** One answer per criterion, in order: true/false for yes/no, 1–5 for a scale. */
export const answerSchema = z.union([z.boolean(), z.number().int().min(1).max(5)]);
export type Answer = z.infer<typeof answerSchema>;

export const reviewInputSchema = z.object({
  conversationId: z.string().min(1).max(64),
  scorecardId: z.string().min(1).max(64),
  answers: z.array(answerSchema).min(1).max(MAX_CRITERIA),
  comment: z.string().trim().max(MAX_REVIEW_COMMENT).default(''),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export interface ReviewView {
  id: string;
  conversationId: string;
  /** The agent who handled the conversation, and so is scored. */
  agentId: string;
  agentName: string;
  reviewerName: string;
  queueName: string;
  channel: string;
  scorecardName: string;
  /** The criteria as they were when the review was made (a scorecard edited later does not change it). */
  criteria: Criterion[];
  answers: Answer[];
  /** 0–100. */
  score: number;
  autoFailed: boolean;
  comment: string;
  createdAt: number;
}

/** A finished conversation proposed for this week's review: a random few per agent. */
export interface SampleItem {
  conversationId: string;
  agentId: string;
  agentName: string;
  queueName: string;
  channel: string;
  endedAt: number;
}

export const qualityReportQuerySchema = z
  .object({
    from: z.iso.date().meta({ description: 'First day (YYYY-MM-DD, in the center’s time zone)', example: '2026-11-02' }),
    to: z.iso.date().meta({ description: 'Day after the last (exclusive), at most 92 days after `from`', example: '2026-11-30' }),
    groupBy: z.enum(['agent', 'queue']).default('agent').meta({ description: 'One row per week and agent, or per week and queue' }),
  })
  .refine((q) => q.from < q.to, { message: 'from must be before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, { message: 'at most 92 days at a time', path: ['to'] });
export type QualityReportQuery = z.infer<typeof qualityReportQuerySchema>;

/** One agent's or queue's week: reviews and their mean score, beside handle time and satisfaction. */
export interface QualityRow {
  /** ISO week, e.g. `2026-W48`, in the center's time zone. */
  week: string;
  key: string;
  label: string;
  reviews: number;
  /** Mean score 0–100, or null without reviews. */
  score: number | null;
  ahtSeconds: number | null;
  csat: number | null;
}
