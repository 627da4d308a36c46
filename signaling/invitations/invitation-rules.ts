/**
 * Which invitation a page gets: pure rules, no I/O. The service gathers the facts (the queue's
 * hours, whether an agent can answer) and this decides; the seconds on page are the widget's to
 * wait, since the server cannot see how long a page has been open.
 */
import type { InvitationRecord } from '../store/invitations-repo.js';

/**
 * Whether a page path matches a pattern: `*` is any run of characters (slashes too), the rest is
 * literal. A trailing slash is not significant (`/pricing` matches `/pricing/`).
 * @example pathMatches('/demo/*.html', '/demo/shipping.html') // true
 */
export function pathMatches(pattern: string, path: string): boolean {
  const trim = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
  const source = trim(pattern).split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(trim(path));
}

/** What the service knows about a visitor's page and the queues, at the moment they ask. */
export interface InvitationFacts {
  path: string;
  returning: boolean;
  /** Whether the queue is within its business hours now. */
  queueOpen(queueId: string): boolean;
  /** Whether an agent who can take a chat in this queue is available now (or will answer soon). */
  agentCanAnswer(queueId: string): boolean;
}

/**
 * The first enabled invitation (in the order given) whose rules all hold, or undefined.
 * @example pickInvitation(await repo.listEnabled(), { path: '/pricing', returning: false, queueOpen: () => true, agentCanAnswer: () => true })
 */
export function pickInvitation(invitations: readonly InvitationRecord[], facts: InvitationFacts): InvitationRecord | undefined {
  return invitations.find(
    (i) => i.enabled && (!i.returningOnly || facts.returning) && pathMatches(i.pathPattern, facts.path) && facts.queueOpen(i.queueId) && facts.agentCanAnswer(i.queueId),
  );
}
