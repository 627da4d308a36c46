/**
 * Shapes of the team API: admins add people (by invitation link or with an initial password),
 * change roles, deactivate and reactivate accounts, reset passwords; everyone edits their own
 * profile, password and sessions. The server validates with these; the apps import the types.
 */
import { z } from 'zod';
import { skillsSchema } from './admin.js';
import { emailAddressSchema } from './email-address.js';
import { AGENT_ROLES } from './presence.js';

/** Passwords: long enough to resist guessing; the server also refuses common and guessable ones. */
export const MIN_PASSWORD_LENGTH = 10;
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(256, 'at most 256 characters');

const personName = z.string().trim().min(1, 'a name').max(80);
/** Languages an agent serves customers in: base codes such as en, fr, zh. */
export const agentLanguagesSchema = z.array(z.string().regex(/^[a-z]{2,3}$/, 'a language code such as en or fr')).max(20);
/** The app's language for this agent (`en`, `zh-CN`…). */
const appLocale = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language such as en or zh-CN');

export const notificationSettingsSchema = z.object({
  /** Ring and chime for offers. */
  sound: z.boolean(),
  /** 0 to 1. */
  volume: z.number().min(0).max(1),
  /** System notifications while the app is hidden. */
  desktop: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
export const DEFAULT_NOTIFICATIONS: NotificationSettings = { sound: true, volume: 0.8, desktop: true };

export const teamMemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(AGENT_ROLES),
  languages: agentLanguagesSchema,
  skills: skillsSchema,
  /** Deactivated people keep their name in history but cannot sign in. */
  active: z.boolean(),
  /** Invited and not yet accepted: no password set. */
  invited: z.boolean(),
  /** Signed in with an initial or temporary password: they must choose their own first. */
  mustChangePassword: z.boolean(),
  createdAt: z.number(),
  deactivatedAt: z.number().optional(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamMemberCreateSchema = z
  .object({
    name: personName,
    email: emailAddressSchema,
    role: z.enum(AGENT_ROLES),
    languages: agentLanguagesSchema.default([]),
    skills: skillsSchema.default({}),
    /** `invite`: a one-time link the person opens to choose a password; `password`: an initial one they must change. */
    method: z.enum(['invite', 'password']),
    password: passwordSchema.optional(),
  })
  .refine((m) => m.method !== 'password' || m.password !== undefined, { path: ['password'], message: 'an initial password is required' });
export type TeamMemberCreate = z.infer<typeof teamMemberCreateSchema>;

export const teamMemberUpdateSchema = z.object({
  name: personName.optional(),
  role: z.enum(AGENT_ROLES).optional(),
  languages: agentLanguagesSchema.optional(),
  skills: skillsSchema.optional(),
});
export type TeamMemberUpdate = z.infer<typeof teamMemberUpdateSchema>;

/** A one-time link: shown once to the admin who made it; only its hash is stored. */
export const accountLinkSchema = z.object({ url: z.string(), token: z.string(), expiresAt: z.number() });
export type AccountLink = z.infer<typeof accountLinkSchema>;

export const teamMemberCreatedSchema = z.object({ member: teamMemberSchema, invitation: accountLinkSchema.optional() });
export type TeamMemberCreated = z.infer<typeof teamMemberCreatedSchema>;

export const passwordResetRequestSchema = z.object({ method: z.enum(['link', 'temporary']) });
export const passwordResetSchema = z.object({ link: accountLinkSchema.optional(), temporaryPassword: z.string().optional() });
export type PasswordReset = z.infer<typeof passwordResetSchema>;

/** What a person sends to accept an invitation or a reset link. */
export const linkAcceptSchema = z.object({ token: z.string().min(16).max(128), password: passwordSchema, name: personName.optional() });
export type LinkAccept = z.infer<typeof linkAcceptSchema>;
export const linkInfoSchema = z.object({ purpose: z.enum(['invite', 'reset']), email: z.string(), name: z.string(), expiresAt: z.number() });
export type LinkInfo = z.infer<typeof linkInfoSchema>;

export const profileUpdateSchema = z.object({
  name: personName.optional(),
  locale: appLocale.nullable().optional(),
  notifications: notificationSettingsSchema.optional(),
});
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema });
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const sessionViewSchema = z.object({
  id: z.string(),
  /** The session of the request that listed them. */
  current: z.boolean(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
  address: z.string().optional(),
  userAgent: z.string().optional(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** A login limit in force: failed attempts for an account from an address, from an address, or for an account. */
export const loginLimitSchema = z.object({
  kind: z.enum(['pair', 'address', 'account']),
  email: z.string().optional(),
  address: z.string().optional(),
  failures: z.number(),
  /** Refused until then (pair and address); an account is only ever slowed down. */
  blockedUntil: z.number().optional(),
});
export type LoginLimit = z.infer<typeof loginLimitSchema>;
export const loginLimitClearSchema = z.object({ email: emailAddressSchema.optional(), address: z.string().max(64).optional() }).refine((v) => v.email || v.address, 'name an e-mail, an address or both');
