/**
 * Schemas of responses whose types live in protocol/ as plain interfaces (the apps import them
 * without zod). They only describe the API in its OpenAPI document; the compiler checks each one
 * against its interface, so the description cannot drift from what the server sends.
 */
import { z } from '@hono/zod-openapi';
import type { Article, ArticleHit, Suggestions } from '../protocol/articles.js';
import { CHANNELS, ConversationStatus, DISPOSITIONS, type ConversationEvent, type ConversationSummary } from '../protocol/conversation.js';
import type { CustomerProfile, CustomerTimeline } from '../protocol/customers.js';
import type { ActivityRow, ReportRow, StaffingRow } from '../protocol/reports.js';
import { answerSchema, criterionSchema, type QualityRow, type ReviewView, type SampleItem, type ScorecardView } from '../protocol/quality.js';
import type { MailReceipt } from '../mail/email-desk.js';
import { cannedReplySchema } from '../protocol/api.js';

type Output<S extends z.ZodType> = z.infer<S>;
/** True when A and B have exactly the same keys. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
/** `S`, when every T is a valid S and both name the same fields; `never` (a compile error at the call) otherwise. */
type Describing<S extends z.ZodType, T> = [T] extends [Output<S>] ? (SameKeys<T, Output<S>> extends true ? S : never) : never;

/** Checks at compile time that `schema` describes `T` (see `Describing`). */
const describes =
  <T>() =>
  <S extends z.ZodType>(schema: S & Describing<S, T>): S =>
    schema;

const millis = (description: string) => z.number().int().meta({ description: `${description} (milliseconds since the epoch)` });

export const conversationSummarySchema = describes<ConversationSummary>()(
  z
    .object({
      id: z.string(),
      status: z.enum(Object.values(ConversationStatus)),
      channel: z.enum(CHANNELS),
      queueId: z.string(),
      visitor: z.object({ id: z.string(), name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }),
      agent: z.object({ id: z.string(), name: z.string() }).optional(),
      lastSeq: z.number().int().meta({ description: 'Sequence number of the newest timeline event' }),
      visitorReadSeq: z.number().int(),
      agentReadSeq: z.number().int(),
      createdAt: millis('When it began'),
      endedAt: millis('When it ended').optional(),
      disposition: z.enum(DISPOSITIONS).optional(),
      rating: z.number().int().min(1).max(5).optional(),
      source: z.string().regex(/^(callback|email|channel:.+)$/).optional().meta({ description: 'Absent for the widget’s chats and calls; `channel:<id>` for an outside channel' }),
      subject: z.string().optional(),
      language: z.string().optional(),
    })
    .meta({ id: 'ConversationSummary', description: 'What a party knows about a conversation without reading its timeline.' }),
);

/** Every event type, so the document lists them; the checks below keep it equal to the union's. */
const EVENT_TYPES = ['message', 'agent-joined', 'agent-left', 'ended', 'call-held', 'call-resumed', 'recording-consent', 'recording', 'voice-clip', 'transferred', 'escalated', 'cobrowse', 'callback', 'callback-outcome', 'auto-reply', 'bot', 'invitation', 'visitor-event', 'web-call'] as const;
type EventTypesListed = [Exclude<ConversationEvent['type'], (typeof EVENT_TYPES)[number]>] extends [never] ? true : never;
const everyEventTypeListed: EventTypesListed = true;
void everyEventTypeListed;

export const conversationEventSchema = z
  .object({
    conversationId: z.string(),
    seq: z.number().int().min(1).meta({ description: 'Counts from 1 per conversation, without gaps' }),
    at: millis('When it happened, server clock'),
    type: z.enum(EVENT_TYPES),
  })
  .catchall(z.unknown())
  .meta({ id: 'ConversationEvent', description: 'One entry of a timeline. The other fields depend on `type`; see signaling/protocol/PROTOCOL.md and conversation.ts.' });
const eventsChecked: [ConversationEvent] extends [Output<typeof conversationEventSchema>] ? true : never = true;
void eventsChecked;

export const articleSchema = describes<Article>()(
  z
    .object({ id: z.string(), title: z.string(), body: z.string().meta({ description: 'Plain text; paragraphs separated by blank lines' }), language: z.string(), updatedAt: millis('Last change') })
    .meta({ id: 'Article', description: 'A knowledge-base article.' }),
);

/** What visitors see of an article (the bot shows it). */
export const publicArticleSchema = articleSchema.omit({ updatedAt: true }).meta({ id: 'PublicArticle' });

export const articleHitSchema = describes<ArticleHit>()(
  z.object({ id: z.string(), title: z.string(), excerpt: z.string(), score: z.number() }).meta({ id: 'ArticleHit', description: 'A found article: its first words instead of the whole body.' }),
);

export const suggestionsSchema = describes<Suggestions>()(
  z
    .object({ replies: z.array(cannedReplySchema.extend({ score: z.number() })), articles: z.array(articleHitSchema) })
    .meta({ id: 'Suggestions', description: 'Canned replies to insert and articles to point to, best first.' }),
);

const customerContactSchema = conversationSummarySchema
  .extend({
    tags: z.array(z.string()),
    notes: z.array(z.object({ id: z.number().int(), conversationId: z.string(), kind: z.enum(['whisper', 'handover', 'note']), author: z.object({ id: z.string(), name: z.string() }), text: z.string(), at: z.number().int() })),
    firstMessage: z.string().optional(),
  })
  .meta({ id: 'CustomerContact', description: 'One earlier (or the current) contact of the customer, with its tags and agents’ notes.' });

export const customerProfileSchema = describes<CustomerProfile>()(
  z
    .object({
      id: z.string(),
      name: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
      verified: z.boolean().meta({ description: 'The site vouched for this customer’s user id (HMAC)' }),
      externalId: z.string().optional(),
      attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      context: z
        .object({
          pages: z.array(z.object({ url: z.string(), title: z.string().optional(), at: z.number().int() })),
          referrer: z.string().optional(),
          userAgent: z.string().optional(),
          language: z.string().optional(),
          timeZone: z.string().optional(),
        })
        .optional(),
      contacts: z.array(customerContactSchema),
      audit: z.array(z.object({ action: z.string(), actor: z.string(), detail: z.string(), at: z.number().int() })),
      possibleMatches: z
        .array(z.object({ id: z.string(), kind: z.enum(['email', 'phone']), value: z.string() }))
        .optional()
        .meta({ description: 'Addresses this customer gave that another customer gave too; only the address is shown until an agent links them' }),
    })
    .meta({ id: 'CustomerProfile', description: 'One person across visitors, devices and channels.' }),
);

const timelineEntrySchema = z.object({ conversation: conversationSummarySchema, events: z.array(conversationEventSchema) });
export const customerTimelineSchema = z.array(timelineEntrySchema).meta({ id: 'CustomerTimeline', description: 'The events of each of the customer’s conversations, newest conversation first.' });
const timelineChecked: [CustomerTimeline] extends [Output<typeof customerTimelineSchema>] ? true : never = true;
void timelineChecked;

export const customerMatchSchema = z
  .object({ id: z.string(), name: z.string().optional(), email: z.string().optional(), phone: z.string().optional(), verified: z.boolean() })
  .meta({ id: 'CustomerMatch' });

const rate = z.number().nullable();
export const reportRowSchema = describes<ReportRow>()(
  z
    .object({
      bucket: z.string().optional().meta({ description: 'The interval’s start, when the report is by interval' }),
      key: z.string(),
      label: z.string().meta({ description: 'A readable name for the key (queue or agent name)' }),
      offered: z.number().int(),
      answered: z.number().int(),
      abandoned: z.number().int(),
      shortAbandoned: z.number().int(),
      transfers: z.number().int(),
      escalations: z.number().int().meta({ description: 'Escalations to a higher tier: of the group’s contacts, or, by agent, made by that agent' }),
      serviceLevel: rate,
      serviceLevel2: rate,
      abandonmentRate: rate,
      asaSeconds: rate,
      ahtSeconds: rate,
      csat: rate,
      occupancy: rate.optional().meta({ description: 'Agent rows only: busy ÷ available time in the period' }),
    })
    .meta({ id: 'ReportRow', description: 'KPIs of one group in one interval; null where there was nothing to measure. Definitions: see the README.' }),
);

export const staffingRowSchema = describes<StaffingRow>()(
  z
    .object({ hour: z.string(), offered: z.number().int(), ahtSeconds: rate, agentsNeeded: z.number().int().nullable(), expectedServiceLevel: rate })
    .meta({ id: 'StaffingRow', description: 'Agents needed in one hour for the target (Erlang C), or null without traffic.' }),
);

const seconds = z.number().int().min(0);
export const activityRowSchema = describes<ActivityRow>()(
  z
    .object({
      day: z.string().meta({ description: 'The local date, in the center’s time zone' }),
      agentId: z.string(),
      agent: z.string().meta({ description: 'The agent’s name' }),
      signedInSeconds: seconds,
      availableSeconds: seconds.meta({ description: 'Available and free: not on a contact nor in wrap-up' }),
      onContactSeconds: seconds,
      wrapUpSeconds: seconds,
      breakSeconds: z.record(z.string(), seconds).meta({ description: 'Away, by break reason' }),
      awayAfterMissedSeconds: seconds.meta({ description: 'Set away by routing after missed offers in a row' }),
      offlineSeconds: seconds.meta({ description: 'Signed in with the status offline' }),
      firstSignInAt: z.number().int().nullable().meta({ description: 'Milliseconds since the epoch; null when they did not sign in that day' }),
      lastSignOutAt: z.number().int().nullable().meta({ description: 'Milliseconds since the epoch; null when they did not sign out that day' }),
      contacts: z.record(z.string(), z.number().int().min(0)).meta({ description: 'Contacts accepted, by channel' }),
      missedOffers: z.number().int().min(0),
    })
    .meta({ id: 'ActivityRow', description: 'One agent’s day, from the same event-log fold as the wallboard’s agent time.' }),
);

export const mailReceiptSchema = describes<MailReceipt>()(
  z
    .object({
      conversationId: z.string(),
      outcome: z.enum(['threaded', 'opened', 'duplicate']).meta({ description: '`threaded`: added to its thread’s conversation (reopened if it had ended); `opened`: a new one; `duplicate`: seen before' }),
    })
    .meta({ id: 'MailReceipt' }),
);

export const scorecardSchema = describes<ScorecardView>()(
  z
    .object({ id: z.string(), name: z.string(), criteria: z.array(criterionSchema), active: z.boolean(), createdAt: millis('Created') })
    .meta({ id: 'Scorecard', description: 'A quality form: weighted criteria, yes/no or 1–5; a “no” on an auto-fail criterion scores the review 0.' }),
);

export const reviewSchema = describes<ReviewView>()(
  z
    .object({
      id: z.string(),
      conversationId: z.string(),
      agentId: z.string().meta({ description: 'The agent scored: the one who handled the conversation' }),
      agentName: z.string(),
      reviewerName: z.string(),
      queueName: z.string(),
      channel: z.string(),
      scorecardName: z.string(),
      criteria: z.array(criterionSchema).meta({ description: 'The criteria as they were when the review was made' }),
      answers: z.array(answerSchema),
      score: z.number().min(0).max(100),
      autoFailed: z.boolean(),
      comment: z.string(),
      createdAt: millis('Scored'),
    })
    .meta({ id: 'QualityReview', description: 'A supervisor’s review of one finished conversation.' }),
);

export const sampleItemSchema = describes<SampleItem>()(
  z
    .object({ conversationId: z.string(), agentId: z.string(), agentName: z.string(), queueName: z.string(), channel: z.string(), endedAt: millis('Ended') })
    .meta({ id: 'QualitySampleItem', description: 'A finished conversation proposed for review this week.' }),
);

export const qualityRowSchema = describes<QualityRow>()(
  z
    .object({
      week: z.string().meta({ description: 'ISO week in the center’s time zone, e.g. 2026-W48' }),
      key: z.string(),
      label: z.string(),
      reviews: z.number().int().min(0),
      score: z.number().nullable().meta({ description: 'Mean score 0–100; null without reviews' }),
      ahtSeconds: z.number().nullable(),
      csat: z.number().nullable(),
    })
    .meta({ id: 'QualityRow', description: 'One agent’s or queue’s week: quality beside handle time and satisfaction.' }),
);
