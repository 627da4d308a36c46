/**
 * Canned replies as the composer uses them: the variant for the conversation's language, and
 * variables filled in. Pure, shared by the agent app and the server's suggestions.
 */
import type { CannedReply } from './api.js';

export interface ReplyVariables {
  customer: { name?: string; email?: string };
  agent: { name: string };
}

const firstName = (name: string | undefined) => name?.trim().split(/\s+/)[0];

/**
 * Replaces `{{customer.name}}`, `{{customer.first_name}}`, `{{customer.email}}`,
 * `{{agent.name}}` and `{{agent.first_name}}`; `{{customer.first_name | there}}` uses "there"
 * when the value is unknown. Unknown variables are left as written, so a typo shows.
 */
export function fillReply(body: string, vars: ReplyVariables): string {
  const values: Record<string, string | undefined> = {
    'customer.name': vars.customer.name,
    'customer.first_name': firstName(vars.customer.name),
    'customer.email': vars.customer.email,
    'agent.name': vars.agent.name,
    'agent.first_name': firstName(vars.agent.name),
  };
  return body.replace(/\{\{\s*([a-z_.]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g, (whole, name: string, fallback: string | undefined) => {
    if (!(name in values)) return whole;
    return values[name] ?? fallback ?? '';
  });
}

/**
 * The replies an agent can pick, one per shortcut: the variant in the conversation's language
 * (exact, then its base language), else the default; personal replies before the team's.
 */
export function repliesFor(all: CannedReply[], language: string | undefined): CannedReply[] {
  const wanted = language?.toLowerCase();
  const base = wanted?.split('-')[0];
  const rank = (r: CannedReply) => {
    const lang = r.language?.toLowerCase();
    const langRank = lang === undefined ? 2 : lang === wanted ? 0 : lang === base ? 1 : 9;
    return langRank * 2 + (r.ownerId ? 0 : 1);
  };
  const best = new Map<string, CannedReply>();
  for (const r of all) {
    if (rank(r) >= 18) continue; // another language's variant
    const held = best.get(r.shortcut);
    if (!held || rank(r) < rank(held)) best.set(r.shortcut, r);
  }
  return [...best.values()].sort((a, b) => a.shortcut.localeCompare(b.shortcut));
}
