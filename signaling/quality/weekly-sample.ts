/**
 * The conversations proposed for review this week: for each agent, a few of their finished
 * conversations, chosen at random but the same all week (seeded by the week and the agent), so
 * supervisors sharing the work see one list and an agent cannot guess which contacts are picked.
 * Conversations already reviewed are left out and replaced.
 */

export interface Candidate {
  conversationId: string;
  agentId: string;
  endedAt: number;
}

/** FNV-1a: a small, stable hash of a string, to seed the order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Up to `perAgent` candidates per agent, in a pseudo-random order fixed by `week` (e.g. `2026-W48`):
 * the same input gives the same sample; reviewed conversations are skipped.
 */
export function weeklySample(candidates: readonly Candidate[], reviewed: ReadonlySet<string>, week: string, perAgent: number): Candidate[] {
  const byAgent = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (reviewed.has(c.conversationId)) continue;
    const list = byAgent.get(c.agentId) ?? [];
    list.push(c);
    byAgent.set(c.agentId, list);
  }
  const picked: Candidate[] = [];
  for (const [agentId, list] of [...byAgent].sort(([a], [b]) => a.localeCompare(b))) {
    const rank = (c: Candidate) => hash(`${week}\u0000${agentId}\u0000${c.conversationId}`);
    picked.push(...list.sort((x, y) => rank(x) - rank(y) || x.conversationId.localeCompare(y.conversationId)).slice(0, perAgent));
  }
  return picked;
}
