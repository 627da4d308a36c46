/** Turns the queue and agent forms' text fields into API input and back (seconds ↔ ms, "skill:level" lists, hours). */
import type { QueueCreateInput, QueueView } from '../../../signaling/protocol/admin.js';
import { WEEKDAY_KEYS } from '../../../signaling/protocol/routing-constants.js';
import { readPreChatForm } from './pre-chat-form-input.js';

type Weekly = NonNullable<QueueView['hours']>['weekly'];

/** "billing:3, spanish:1" → { billing: 3, spanish: 1 }. Throws on a malformed entry. */
export function parseSkills(text: string): Record<string, number> {
  const skills: Record<string, number> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)\s*:\s*(\d+)$/.exec(part);
    if (!match) throw new Error(`"${part}" should look like skill:level`);
    skills[match[1]!] = Number(match[2]);
  }
  return skills;
}

export const formatSkills = (skills: Record<string, number>) =>
  Object.entries(skills)
    .map(([k, v]) => `${k}:${v}`)
    .join(', ');

/** "09:00-12:00, 13:00-17:00" → [["09:00","12:00"],["13:00","17:00"]]. */
export function parseIntervals(text: string): [string, string][] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(\d\d:\d\d)\s*-\s*(\d\d:\d\d)$/.exec(part);
      if (!match) throw new Error(`"${part}" should look like 09:00-17:00`);
      return [match[1]!, match[2]!];
    });
}

export const formatIntervals = (intervals: [string, string][] | undefined) => (intervals ?? []).map(([a, b]) => `${a}-${b}`).join(', ');

const seconds = (value: FormDataEntryValue | null) => Math.round(Number(value) * 1000);
const optionalSeconds = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === '' ? null : seconds(value));

/** Reads the queue editor's form into API input. Throws with a readable message on malformed text. */
export function queueFormToInput(form: FormData): QueueCreateInput {
  const zone = String(form.get('timeZone') ?? '').trim();
  const weekly: Weekly = {};
  for (const day of WEEKDAY_KEYS) {
    const intervals = parseIntervals(String(form.get(`hours-${day}`) ?? ''));
    if (intervals.length) weekly[day] = intervals;
  }
  const holidays = String(form.get('holidays') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const overflow = String(form.get('overflow') ?? '');
  const maxSize = String(form.get('maxSize') ?? '').trim();
  const preChatForm = readPreChatForm(form);
  return {
    slug: String(form.get('slug') ?? '').trim(),
    name: String(form.get('name') ?? '').trim(),
    strategy: String(form.get('strategy')) as QueueCreateInput['strategy'] & string,
    offerTimeoutMs: seconds(form.get('offerTimeout')),
    retryDelayMs: seconds(form.get('retryDelay')),
    wrapUpMs: seconds(form.get('wrapUp')),
    dispositionRequired: form.get('dispositionRequired') === 'on',
    requiredSkills: parseSkills(String(form.get('requiredSkills') ?? '')),
    tierWaitMs: seconds(form.get('tierWait')),
    priority: Number(form.get('priority') ?? 0),
    stickyMs: seconds(form.get('sticky')),
    maxSize: maxSize === '' ? null : Number(maxSize),
    maxWaitMs: optionalSeconds(form.get('maxWait')),
    overflow: overflow ? { type: 'queue', queueId: overflow } : null,
    hours: zone ? { timeZone: zone, weekly, ...(holidays.length ? { holidays } : {}) } : null,
    ...(preChatForm ? { preChatForm } : {}),
  };
}
