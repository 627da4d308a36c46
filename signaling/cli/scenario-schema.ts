/** Validates a simulation scenario file, so a typo gets a message naming the field instead of odd figures. */
import { z } from 'zod';
import { STRATEGY_NAMES } from '../acd/strategies/strategy.js';
import type { Scenario } from '../acd/simulation/scenario.js';

const seconds = z.number().min(0).max(86_400);
const skills = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.number().int().min(1).max(10));
const channel = z.enum(['chat', 'voice', 'email', 'message']);
const capacity = z.object({ chat: z.number().int().min(0), voice: z.number().int().min(0), email: z.number().int().min(0), message: z.number().int().min(0) }).partial();

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    durationMinutes: z.number().positive().max(60 * 24 * 31),
    seed: z.number().int().optional(),
    serviceLevelSeconds: seconds.optional(),
    shortAbandonSeconds: seconds.optional(),
    startsAt: z.iso.datetime().optional(),
    pauseMinutes: z.number().min(0).optional(),
    queues: z
      .array(
        z.object({
          id: z.string().min(1),
          strategy: z.enum(STRATEGY_NAMES).optional(),
          offerTimeoutSeconds: seconds.optional(),
          retryDelaySeconds: seconds.optional(),
          wrapUpSeconds: seconds.optional(),
          requiredSkills: skills.optional(),
          tierWaitSeconds: seconds.optional(),
          priority: z.number().int().optional(),
          maxSize: z.number().int().positive().optional(),
          maxWaitSeconds: seconds.optional(),
          overflowTo: z.string().optional(),
          hours: z
            .object({ timeZone: z.string(), weekly: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))), holidays: z.array(z.string()).optional() })
            .optional(),
        }),
      )
      .min(1),
    agents: z
      .array(
        z.object({
          id: z.string().min(1),
          queues: z.record(z.string(), z.number().int().min(1)),
          skills: skills.optional(),
          capacity: capacity.optional(),
          answerSeconds: seconds.optional(),
          missRate: z.number().min(0).max(1).optional(),
          shift: z.tuple([z.number().min(0), z.number().min(0)]).optional(),
          count: z.number().int().min(1).max(10_000).optional(),
        }),
      )
      .min(1),
    arrivals: z
      .array(
        z.object({
          queue: z.string(),
          channel: channel.optional(),
          perHour: z.number().positive(),
          handleSeconds: z.number().positive(),
          patienceSeconds: z.number().positive().optional(),
          priority: z.number().int().optional(),
          requiredSkills: skills.optional(),
        }),
      )
      .optional(),
    log: z
      .array(z.object({ atSeconds: z.number().min(0), queue: z.string(), channel: channel.optional(), handleSeconds: z.number().positive(), patienceSeconds: z.number().positive().optional(), priority: z.number().int().optional() }))
      .optional(),
  });

type Problem = { path: string; message: string };

/** Cross-references a schema cannot express (queue ids used elsewhere), checked even when the shape has errors. */
function referenceProblems(raw: unknown): Problem[] {
  const s = (raw ?? {}) as { queues?: { id?: unknown; overflowTo?: unknown }[]; agents?: { queues?: unknown }[]; arrivals?: { queue?: unknown }[]; log?: { queue?: unknown }[] };
  const list = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
  const ids = new Set(list(s.queues).map((q) => q?.id));
  const problems: Problem[] = [];
  const check = (path: string, id: unknown) => {
    if (typeof id === 'string' && !ids.has(id)) problems.push({ path, message: `no queue "${id}"` });
  };
  list(s.queues).forEach((q, i) => check(`queues.${i}.overflowTo`, q?.overflowTo));
  list(s.agents).forEach((a, i) => Object.keys((a?.queues as object) ?? {}).forEach((id) => check(`agents.${i}.queues.${id}`, id)));
  list(s.arrivals).forEach((a, i) => check(`arrivals.${i}.queue`, a?.queue));
  list(s.log).forEach((a, i) => check(`log.${i}.queue`, a?.queue));
  if (!list(s.arrivals).length && !list(s.log).length) problems.push({ path: 'arrivals', message: 'give arrivals (Poisson rates) or a log of recorded arrivals' });
  return problems;
}

/** @throws Error listing every problem, one per line, with its path. */
export function parseScenario(json: unknown): Scenario {
  const result = scenarioSchema.safeParse(json);
  const problems: Problem[] = [
    ...(result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.') || '(scenario)', message: i.message }))),
    ...referenceProblems(json),
  ];
  if (problems.length) throw new Error(problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'));
  return result.data as Scenario;
}
