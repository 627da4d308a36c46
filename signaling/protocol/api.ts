/**
 * Request and response shapes of the REST API. The server validates with these schemas
 * and generates its OpenAPI document from them; the apps import the inferred types.
 */
import { z } from 'zod';
import { emailAddressSchema } from './email-address.js';
import { ErrorReason } from './errors.js';
import { AGENT_ROLES } from './presence.js';
import { notificationSettingsSchema } from './team.js';

export const loginRequestSchema = z.object({
  email: emailAddressSchema,
  password: z.string().min(1).max(1024),
}).meta({ id: 'LoginRequest', examples: [{ email: 'ana@demo.switchboard', password: 'switchboard-demo' }] });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const agentProfileSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(AGENT_ROLES),
  /** Languages they serve customers in. */
  languages: z.array(z.string()),
  /** The app's language they chose; absent: the browser's. */
  locale: z.string().optional(),
  notifications: notificationSettingsSchema,
  /** Signed in with an initial or temporary password: the app asks for a new one before anything else. */
  mustChangePassword: z.boolean(),
}).meta({ id: 'AgentProfile', description: 'An agent as the apps show them.' });
/** The signed-in agent as the app shows them. */
export type AgentProfile = z.infer<typeof agentProfileSchema>;

export const visitorSessionRequestSchema = z.object({
  /** A token issued earlier; when valid, the same visitor is resumed. */
  token: z.string().max(512).optional(),
}).meta({ id: 'VisitorSessionRequest' });
export const visitorSessionSchema = z
  .object({ visitorId: z.string(), token: z.string().meta({ description: 'Send it as `Authorization: Bearer <token>` to the visitor operations, and keep it to resume.' }) })
  .meta({ id: 'VisitorSession', description: 'A signed, anonymous visitor identity.' });
export type VisitorSession = z.infer<typeof visitorSessionSchema>;

export const cannedReplySchema = z.object({
  id: z.string(),
  shortcut: z.string(),
  title: z.string(),
  /** May hold {{customer.name}}, {{customer.first_name}}, {{customer.email}}, {{agent.name}}, {{agent.first_name}}, each with `| fallback`. */
  body: z.string(),
  /** The agent whose personal reply it is; absent for the team's. */
  ownerId: z.string().optional(),
  /** The language of this variant (`de`, `pt-BR`); absent for the default. */
  language: z.string().optional(),
}).meta({ id: 'CannedReply' });
export type CannedReply = z.infer<typeof cannedReplySchema>;

export const cannedReplyInputSchema = z.object({
  shortcut: z.string().trim().toLowerCase().min(1).max(32).regex(/^[a-z0-9][a-z0-9_-]*$/, 'letters, digits, - and _'),
  title: z.string().trim().min(1).max(80),
  body: z.string().trim().min(1).max(4000),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language such as de or pt-BR').optional(),
  /** Personal (only you see it) or the team's (supervisors and admins). */
  personal: z.boolean().default(true),
}).meta({ id: 'CannedReplyInput' });
export type CannedReplyInput = z.infer<typeof cannedReplyInputSchema>;

/** Where an agent may hand a conversation: colleagues (with whether they can take it now) and queues. */
export const transferTargetsSchema = z.object({
  agents: z.array(z.object({ id: z.string(), name: z.string(), available: z.boolean() })),
  queues: z.array(z.object({ id: z.string(), name: z.string() })),
}).meta({ id: 'TransferTargets' });
export type TransferTargets = z.infer<typeof transferTargetsSchema>;

/** The body of every REST error; `reason` is for programs and translations, `message` for developers. */
export const errorBodySchema = z
  .object({
    error: z.object({
      reason: z.enum(Object.values(ErrorReason)),
      message: z.string(),
      /** Each refused field of an `invalid-input` request. */
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error', examples: [{ error: { reason: 'invalid-input', message: 'invalid request: email: Invalid email address', issues: [{ path: 'email', message: 'Invalid email address' }] } }] });
