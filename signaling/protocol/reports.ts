/** Shapes of the reports API: KPI rows by interval and group, and staffing per hour. */
import { z } from 'zod';

export const reportQuerySchema = z
  .object({
    /** ISO dates or date-times; `to` is exclusive. */
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).meta({ description: 'Start (inclusive): a date (midnight in the center’s time zone) or a date-time with offset', example: '2026-11-02' }),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).meta({ description: 'End (exclusive), at most a year after `from`', example: '2026-11-09' }),
    interval: z.enum(['15m', 'hour', 'day', 'week']).optional().meta({ description: 'One row per interval and group; without it, one row per group for the whole period' }),
    groupBy: z.enum(['total', 'queue', 'channel', 'language', 'agent']).default('total').meta({ description: 'What each row is about' }),
    format: z.enum(['json', 'csv']).default('json').meta({ description: '`csv` answers text/csv, as a file to download' }),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'at most a year at a time', path: ['to'] });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const staffingQuerySchema = z.object({
  queueId: z.string().min(1).max(64).meta({ description: 'The queue’s id' }),
  /** The day whose measured traffic is used, in the center's time zone. */
  date: z.iso.date().meta({ description: 'The day whose measured traffic is used, in the center’s time zone', example: '2026-11-02' }),
  target: z.coerce.number().min(0.05).max(0.99).default(0.8).meta({ description: 'The share of contacts to answer within the threshold' }),
  thresholdSeconds: z.coerce.number().int().min(1).max(3600).default(20).meta({ description: 'The service-level threshold, in seconds' }),
});
export type StaffingQuery = z.infer<typeof staffingQuerySchema>;

export interface ReportRow {
  bucket?: string;
  key: string;
  /** A readable name for the key (queue or agent name). */
  label: string;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  transfers: number;
  /** Escalations to a higher tier: by the queue's contacts, or (agent rows) by this agent. */
  escalations: number;
  serviceLevel: number | null;
  serviceLevel2: number | null;
  abandonmentRate: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  csat: number | null;
  /** Agent rows only: busy ÷ available time in the period. */
  occupancy?: number | null;
}

export interface StaffingRow {
  hour: string;
  offered: number;
  ahtSeconds: number | null;
  /** Agents needed for the target (Erlang C), or null without traffic. */
  agentsNeeded: number | null;
  expectedServiceLevel: number | null;
}

export const activityQuerySchema = z
  .object({
    from: z.iso.date().meta({ description: 'First day (inclusive), in the center’s time zone', example: '2026-11-23' }),
    to: z.iso.date().meta({ description: 'Last day (exclusive), at most 92 days after `from`', example: '2026-11-24' }),
    format: z.enum(['json', 'csv']).default('json').meta({ description: '`csv` answers text/csv, as a file to download' }),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, { message: 'at most 92 days at a time', path: ['to'] });
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

/** One agent's day: where their signed-in time went (seconds), when they came and went, what they handled. */
export interface ActivityRow {
  day: string;
  agentId: string;
  agent: string;
  signedInSeconds: number;
  availableSeconds: number;
  onContactSeconds: number;
  wrapUpSeconds: number;
  /** Away, by break reason. */
  breakSeconds: Record<string, number>;
  awayAfterMissedSeconds: number;
  /** Signed in with the status offline. */
  offlineSeconds: number;
  /** Milliseconds since the epoch; null when it did not happen that day. */
  firstSignInAt: number | null;
  lastSignOutAt: number | null;
  /** Contacts accepted, by channel. */
  contacts: Record<string, number>;
  missedOffers: number;
}
