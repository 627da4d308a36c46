/** Routing rules for new e-mail: the first rule whose keyword appears in the subject or text names the queue. */
import { z } from 'zod';

export const mailRuleSchema = z.object({
  /** Matched case-insensitively as whole words or phrases. */
  keywords: z.array(z.string().trim().min(1).max(80)).min(1).max(50),
  /** Where to look: the subject only, or the subject and the text. */
  in: z.enum(['subject', 'subject-and-text']).default('subject-and-text'),
  /** Queue slug. */
  queue: z.string().min(1).max(64),
}).meta({ id: 'MailRule' });
export const mailRulesSchema = z.array(mailRuleSchema).max(100);
export type MailRule = z.infer<typeof mailRuleSchema>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The queue slug of the first matching rule, if any. */
export function matchMailRule(rules: MailRule[], mail: { subject: string; text: string }): string | undefined {
  for (const rule of rules) {
    const haystack = rule.in === 'subject' ? mail.subject : `${mail.subject}\n${mail.text}`;
    if (rule.keywords.some((k) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(k)}($|[^\\p{L}\\p{N}])`, 'iu').test(haystack))) return rule.queue;
  }
  return undefined;
}
