/**
 * Proactive invitations (issue 19): what admins define, what the widget asks and is told, and
 * the counts reports show. The server validates with these; the widget and the agent app import
 * the types only.
 */
import { z } from 'zod';

/** Longest invitation text: a bubble beside a launcher, not a letter. */
export const MAX_INVITATION_TEXT = 500;
/** Longest wait before an invitation shows: an hour on one page is already a long stay. */
export const MAX_INVITATION_DELAY_SECONDS = 3600;

/**
 * A page path pattern: starts with `/`; `*` stands for any run of characters (slashes too), the
 * rest must match exactly. `/demo/*.html`, `/pricing`, `/*` (every page). No query or fragment.
 */
export const pathPatternSchema = z
  .string()
  .trim()
  .min(1, 'a path pattern is required')
  .max(200, 'a path pattern is at most 200 characters')
  .regex(/^\/[A-Za-z0-9\-._~/%*!$&'()+,;=:@]*$/, 'a path pattern starts with / and holds only path characters and * (no spaces, ? or #), e.g. /pricing/*');

const senderAgentId = z.string().min(1).max(64);

export const invitationInputSchema = z
  .object({
    text: z.string().trim().min(1, 'the invitation needs a text').max(MAX_INVITATION_TEXT, `an invitation is at most ${MAX_INVITATION_TEXT} characters`),
    /** The agent whose name signs the invitation; absent or null: the team. */
    senderAgentId: senderAgentId.nullable().optional(),
    /** The queue whose hours and agents it waits for, by slug; the default queue when absent. */
    queue: z.string().min(1).max(64).optional(),
    pathPattern: pathPatternSchema,
    delaySeconds: z.number().int().min(0).max(MAX_INVITATION_DELAY_SECONDS, `at most ${MAX_INVITATION_DELAY_SECONDS} seconds`),
    /** Only visitors who came before, in an earlier visit. */
    returningOnly: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'InvitationInput', description: 'A proactive invitation: its text, who signs it, and when the widget shows it.' });
export type InvitationInput = z.input<typeof invitationInputSchema>;

export const invitationCountsSchema = z.object({ shown: z.number().int(), opened: z.number().int(), conversations: z.number().int() }).meta({ id: 'InvitationCounts' });
export type InvitationCounts = z.infer<typeof invitationCountsSchema>;

export const invitationViewSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    senderAgentId: z.string().nullable(),
    /** The signing agent's name, or null for the team. */
    senderName: z.string().nullable(),
    queue: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    pathPattern: z.string(),
    delaySeconds: z.number().int(),
    returningOnly: z.boolean(),
    enabled: z.boolean(),
    counts: invitationCountsSchema,
  })
  .meta({ id: 'Invitation' });
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const invitationMatchQuerySchema = z.object({
  path: z.string().min(1).max(2048).meta({ description: 'The page’s path (location.pathname)', examples: ['/pricing'] }),
  returning: z.enum(['true', 'false']).default('false').meta({ description: 'Whether the visitor came before, in an earlier visit' }),
});

/**
 * What the widget shows: the text, and who signs it (null: the team, in the visitor's language).
 * Only ever nullable where it is used, so it gets no component name (see admin.ts).
 */
export const invitationOfferSchema = z.object({ id: z.string(), text: z.string(), sender: z.string().nullable(), delaySeconds: z.number().int() });
export type InvitationOffer = z.infer<typeof invitationOfferSchema>;

export const invitationMatchSchema = z
  .object({ invitation: invitationOfferSchema.nullable() })
  .meta({ id: 'InvitationMatch', description: 'The invitation to show on this page now (after its delay), or null.' });
export type InvitationMatch = z.infer<typeof invitationMatchSchema>;

/** The widget counts a showing or an opening; `viewer` is its own random id, so a reload counts once. */
export const invitationCountSchema = z.object({ viewer: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8 to 64 letters, digits, - or _') }).meta({ id: 'InvitationCountInput' });
