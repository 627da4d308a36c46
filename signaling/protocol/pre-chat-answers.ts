/**
 * Whether a visitor's answers satisfy a queue's pre-chat form. Pure and free of zod, so the
 * widget checks exactly what the server checks, before anything is sent.
 */
import type { PreChatAnswers, PreChatForm } from './pre-chat-form.js';

/** What is wrong with one answer; `path` is `name`, `email`, `phone`, `consent` or `custom.<key>`. */
export interface PreChatIssue {
  path: string;
  problem: 'required' | 'email' | 'phone';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** As `visitor.identify` accepts it. */
const PHONE = /^[+0-9 ().-]{3,32}$/;

/** Every problem with `answers`, in the form's order; none means the chat may start. */
export function checkPreChatAnswers(form: PreChatForm, answers: PreChatAnswers): PreChatIssue[] {
  const issues: PreChatIssue[] = [];
  const text = (value: string | undefined) => value?.trim() ?? '';
  for (const key of ['name', 'email', 'phone'] as const) {
    const value = text(answers[key]);
    if (form.fields[key] === 'off') continue;
    if (!value) {
      if (form.fields[key] === 'required') issues.push({ path: key, problem: 'required' });
    } else if (key === 'email' && !EMAIL.test(value)) issues.push({ path: key, problem: 'email' });
    else if (key === 'phone' && !PHONE.test(value)) issues.push({ path: key, problem: 'phone' });
  }
  if (form.consent?.required && answers.consent !== true) issues.push({ path: 'consent', problem: 'required' });
  for (const field of form.custom) {
    if (field.required && !text(answers.custom?.[field.key])) issues.push({ path: `custom.${field.key}`, problem: 'required' });
  }
  return issues;
}

/** Only what the form asks for, trimmed, without empty answers: what the server keeps. */
export function keptPreChatAnswers(form: PreChatForm, answers: PreChatAnswers): PreChatAnswers {
  const kept: PreChatAnswers = {};
  for (const key of ['name', 'email', 'phone'] as const) {
    const value = answers[key]?.trim();
    if (form.fields[key] !== 'off' && value) kept[key] = key === 'email' ? value.toLowerCase() : value;
  }
  if (form.consent) kept.consent = answers.consent === true;
  const custom = Object.fromEntries(form.custom.flatMap((f) => (answers.custom?.[f.key]?.trim() ? [[f.key, answers.custom[f.key]!.trim()]] : [])));
  if (Object.keys(custom).length) kept.custom = custom;
  return kept;
}
