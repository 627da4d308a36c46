/** Erlang C: the chance a contact waits, the service level, and the agents needed for a target. */

/**
 * Probability that a contact has to wait, with `agents` agents and `erlangs` of traffic
 * (arrival rate × handle time). Computed through the Erlang B recursion, which stays stable
 * for hundreds of agents where factorials overflow. 1 when the agents cannot keep up.
 */
export function probabilityOfWaiting(agents: number, erlangs: number): number {
  if (erlangs <= 0) return 0;
  if (agents <= erlangs) return 1;
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (erlangs * b) / (k + erlangs * b);
  return b / (1 - (erlangs / agents) * (1 - b));
}

/** Share of contacts answered within `thresholdS` seconds. */
export function serviceLevel(agents: number, arrivalsPerHour: number, ahtS: number, thresholdS: number): number {
  const erlangs = (arrivalsPerHour * ahtS) / 3600;
  if (agents <= erlangs) return 0;
  return 1 - probabilityOfWaiting(agents, erlangs) * Math.exp((-(agents - erlangs) * thresholdS) / ahtS);
}

/** Mean wait of all contacts (answered or not), seconds. */
export function averageSpeedOfAnswer(agents: number, arrivalsPerHour: number, ahtS: number): number {
  const erlangs = (arrivalsPerHour * ahtS) / 3600;
  if (agents <= erlangs) return Infinity;
  return (probabilityOfWaiting(agents, erlangs) * ahtS) / (agents - erlangs);
}

export interface StaffingAnswer {
  agents: number;
  serviceLevel: number;
  asaS: number;
  occupancy: number;
}

/**
 * The fewest agents that answer `target` (for example 0.8) of contacts within `thresholdS`.
 * @example agentsNeeded(100, 180, 0.8, 20) // → { agents: 8, serviceLevel: 0.880…, asaS: 10.0…, occupancy: 0.625 }
 */
export function agentsNeeded(arrivalsPerHour: number, ahtS: number, target: number, thresholdS: number): StaffingAnswer {
  const erlangs = (arrivalsPerHour * ahtS) / 3600;
  if (arrivalsPerHour <= 0 || ahtS <= 0) return { agents: 0, serviceLevel: 1, asaS: 0, occupancy: 0 };
  for (let agents = Math.max(1, Math.floor(erlangs) + 1); ; agents++) {
    const sl = serviceLevel(agents, arrivalsPerHour, ahtS, thresholdS);
    if (sl >= target || agents > erlangs + 10_000) {
      return { agents, serviceLevel: sl, asaS: averageSpeedOfAnswer(agents, arrivalsPerHour, ahtS), occupancy: erlangs / agents };
    }
  }
}
