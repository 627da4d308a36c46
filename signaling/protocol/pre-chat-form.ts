/**
 * A queue's pre-chat form: which details a visitor gives before a chat starts (name, e-mail,
 * phone, consent to the admin's text, a few short custom fields), and the answers the widget
 * sends with `conversation.start`. Zod shapes for the server; the widget imports the types only,
 * and checks answers with `checkPreChatAnswers` (pre-chat-answers.ts), as the server does.
 */
import { z } from 'zod';

export const PRE_CHAT_FIELD_USES = ['off', 'optional', 'required'] as const;
export const MAX_CUSTOM_FIELDS = 5;
export const MAX_CONSENT_TEXT = 1000;
export const MAX_FIELD_LABEL = 80;
/** Longest answer to a custom field: what an agent's attribute list shows. */
export const MAX_CUSTOM_ANSWER = 256;

const use = z.enum(PRE_CHAT_FIELD_USES);
/** Custom keys become attribute names the agent sees, so they follow the attribute rules (and never clash with the built-in ones). */
const customKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'lowercase letters, digits, _ and -, up to 32, starting with a letter')
  .refine((k) => !['name', 'email', 'phone', 'consent'].includes(k), 'name, email, phone and consent are built in');

export const preChatFormSchema = z
  .object({
    enabled: z.boolean(),
    fields: z.object({ name: use, email: use, phone: use }).strict(),
    /** A checkbox with the admin's text; null: none. */
    consent: z.object({ text: z.string().trim().min(1).max(MAX_CONSENT_TEXT), required: z.boolean() }).strict().nullable(),
    custom: z
      .array(z.object({ key: customKey, label: z.string().trim().min(1).max(MAX_FIELD_LABEL), required: z.boolean() }).strict())
      .max(MAX_CUSTOM_FIELDS, `at most ${MAX_CUSTOM_FIELDS} custom fields`)
      .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, 'each custom field needs its own key'),
  })
  .strict()
  .meta({ id: 'PreChatForm', description: 'What a visitor fills in before a chat in this queue starts (when enabled).' });
export type PreChatForm = z.infer<typeof preChatFormSchema>;
export type PreChatFieldUse = (typeof PRE_CHAT_FIELD_USES)[number];

/** A queue without a form of its own. */
export const NO_PRE_CHAT_FORM: PreChatForm = { enabled: false, fields: { name: 'off', email: 'off', phone: 'off' }, consent: null, custom: [] };

/** The visitor's answers, bounded here; whether they satisfy the queue's form is `checkPreChatAnswers`. */
export const preChatAnswersSchema = z
  .object({
    name: z.string().trim().max(120),
    email: z.string().trim().max(254),
    phone: z.string().trim().max(32),
    consent: z.boolean(),
    custom: z.record(z.string().max(32), z.string().trim().max(MAX_CUSTOM_ANSWER)).refine((c) => Object.keys(c).length <= MAX_CUSTOM_FIELDS, `at most ${MAX_CUSTOM_FIELDS} answers`),
  })
  .partial()
  .strict();
export type PreChatAnswers = z.infer<typeof preChatAnswersSchema>;
