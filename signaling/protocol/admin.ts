/**
 * Shapes of the admin API for routing: queues with their settings and members, agents'
 * skills and capacities. The server validates with these; the admin screens import the types.
 */
import { z } from 'zod';
import { preChatFormSchema } from './pre-chat-form.js';
import { ROUTING_STRATEGIES, WEEKDAY_KEYS } from './routing-constants.js';

const ms = (min: number, max: number) => z.number().int().min(min).max(max);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const skillName = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'lowercase letters, digits and -, up to 32');
export const skillsSchema = z
  .record(skillName, z.number().int().min(1).max(10))
  .refine((s) => Object.keys(s).length <= 50, 'at most 50 skills')
  .meta({ id: 'Skills', description: 'Skill names with a level from 1 to 10 (at most 50).', examples: [{ billing: 7, german: 10 }] });

export const capacitySchema = z.object({
  chat: z.number().int().min(0).max(20),
  voice: z.number().int().min(0).max(1),
  email: z.number().int().min(0).max(50),
  message: z.number().int().min(0).max(50),
}).meta({ id: 'Capacity', description: 'How many contacts of each channel an agent handles at once.' });

const interval = z.tuple([z.string().regex(/^\d\d:\d\d$/), z.string().regex(/^\d\d:\d\d$/)]);
export const businessHoursSchema = z.object({
  timeZone: z.string().min(1).max(64),
  weekly: z.partialRecord(z.enum(WEEKDAY_KEYS), z.array(interval).max(6)),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(366).optional(),
});

/** Overflow goes to another queue; callbacks and offline messages arrive with their channel. */
export const overflowSchema = z.object({ type: z.literal('queue'), queueId: z.string().min(1).max(64) });

// Hours and overflow are only ever nullable, so they get no component name (`.meta({ id })`): the
// OpenAPI generator would drop the null from a named schema's $ref and mark the component itself nullable.
export const queueSettingsSchema = z.object({
  strategy: z.enum(ROUTING_STRATEGIES),
  offerTimeoutMs: ms(5_000, 10 * MINUTE),
  retryDelayMs: ms(0, HOUR),
  wrapUpMs: ms(0, HOUR),
  dispositionRequired: z.boolean(),
  requiredSkills: skillsSchema,
  tierWaitMs: ms(0, HOUR),
  priority: z.number().int().min(-10).max(10),
  priorityWeightMs: ms(0, HOUR),
  stickyMs: ms(0, HOUR),
  expectedHandleMs: ms(10_000, 4 * HOUR),
  maxSize: z.number().int().min(1).max(100_000).nullable(),
  maxWaitMs: ms(10_000, 24 * HOUR).nullable(),
  overflow: overflowSchema.nullable(),
  hours: businessHoursSchema.nullable(),
  /** What the widget asks before a chat starts; `enabled: false` asks nothing. */
  preChatForm: preChatFormSchema,
});
export type QueueSettingsInput = z.infer<typeof queueSettingsSchema>;

export const queueMemberSchema = z.object({
  agentId: z.string().min(1).max(64),
  tier: z.number().int().min(1).max(5),
  position: z.number().int().min(0).max(10_000),
}).meta({ id: 'QueueMember', description: 'An agent serving a queue: tier 1 is offered contacts first.' });
export type QueueMemberInput = z.infer<typeof queueMemberSchema>;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'lowercase letters, digits and -, up to 48');

export const queueCreateSchema = queueSettingsSchema.partial().extend({ slug, name: z.string().trim().min(1).max(80) }).meta({ id: 'QueueCreate' });
export const queueUpdateSchema = queueSettingsSchema
  .partial()
  .extend({ slug: slug.optional(), name: z.string().trim().min(1).max(80).optional() })
  .meta({ id: 'QueueUpdate', description: 'Only the settings given change; null clears an optional one.' });
export type QueueCreateInput = z.infer<typeof queueCreateSchema>;
export type QueueUpdateInput = z.infer<typeof queueUpdateSchema>;

export const queueViewSchema = queueSettingsSchema.extend({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  members: z.array(queueMemberSchema),
}).meta({ id: 'Queue' });
export type QueueView = z.infer<typeof queueViewSchema>;

export const agentRoutingSchema = z.object({ skills: skillsSchema, capacity: capacitySchema }).partial().meta({ id: 'AgentRoutingUpdate' });
export type AgentRoutingInput = z.infer<typeof agentRoutingSchema>;

export const agentViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  status: z.string(),
  skills: skillsSchema,
  capacity: capacitySchema,
}).meta({ id: 'AgentRouting', description: 'An agent with their skills and capacities.' });
export type AgentView = z.infer<typeof agentViewSchema>;
