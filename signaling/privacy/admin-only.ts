/** The one check every privacy action for staff makes: admins only. */
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { AgentRecord } from '../store/agents-repo.js';

/** The admin behind `actor`. @throws AppError `forbidden` for anyone else. */
export function adminOf(actor: Actor): AgentRecord {
  if (actor.kind !== 'agent' || actor.agent.role !== 'admin') throw new AppError('forbidden', "only admins may handle customers' data");
  return actor.agent;
}
