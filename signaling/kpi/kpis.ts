/**
 * Call-center KPIs from contact facts, exactly as defined in DOMAIN.md and the README:
 * offered, answered, abandoned, ASA, AHT, SL, SL2, abandonment rate, transfers, CSAT.
 */
import type { ContactFacts } from './contact-facts.js';

export interface KpiOptions {
  /** T of the service level: answered within this wait. */
  serviceLevelMs: number;
  /** Abandons within this wait leave SL2's denominator. */
  shortAbandonMs: number;
}

export const DEFAULT_KPI_OPTIONS: KpiOptions = { serviceLevelMs: 20_000, shortAbandonMs: 5_000 };

export interface Kpis {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  /** Refused after entering (waited too long with nowhere to go). */
  refused: number;
  /** Answered, ended and out of wrap-up: the contacts AHT is over. */
  handled: number;
  transfers: number;
  /** Escalations to a higher tier by agents (see KpiLedger.rows for the agent grouping). */
  escalations: number;
  answeredWithinT: number;
  /** Mean wait of answered contacts, ms (null when none). */
  asaMs: number | null;
  /** Mean of talk + hold + wrap-up over handled contacts, ms (null when none). */
  ahtMs: number | null;
  /** Answered within T ÷ offered. */
  serviceLevel: number | null;
  /** Answered within T ÷ (offered − short abandons). */
  serviceLevel2: number | null;
  /** Abandoned ÷ offered. */
  abandonmentRate: number | null;
  /** Mean visitor rating (1-5) and how many rated. */
  csat: number | null;
  ratings: number;
}

/** Whether the contact entered a queue (contacts refused at the door never did). */
export const wasOffered = (c: ContactFacts) => c.refusedReason === undefined || c.refusedReason === 'max-wait';

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

export function computeKpis(contacts: Iterable<ContactFacts>, options: KpiOptions = DEFAULT_KPI_OPTIONS): Kpis {
  let offered = 0, answered = 0, abandoned = 0, shortAbandoned = 0, refused = 0, handled = 0, transfers = 0, escalations = 0, answeredWithinT = 0, ratings = 0;
  let waitSum = 0, handleSum = 0, ratingSum = 0;
  for (const c of contacts) {
    if (!wasOffered(c)) continue;
    offered++;
    transfers += c.transfers;
    escalations += c.escalatedBy.length;
    if (c.refusedReason === 'max-wait') refused++;
    if (c.answeredAt !== undefined) {
      answered++;
      waitSum += c.waitedMs ?? 0;
      if ((c.waitedMs ?? 0) <= options.serviceLevelMs) answeredWithinT++;
      const wrapped = c.wrapUpStartedAt === undefined || c.wrapUpEndedAt !== undefined;
      if (c.endedAt !== undefined && wrapped) {
        handled++;
        const wrapUp = c.wrapUpStartedAt !== undefined ? c.wrapUpEndedAt! - c.wrapUpStartedAt : 0;
        // Answer to end is talk plus hold (holds happen inside it); then after-contact work.
        handleSum += c.endedAt - c.answeredAt + wrapUp;
      }
    } else if (c.abandonedAt !== undefined) {
      abandoned++;
      if ((c.waitedMs ?? 0) <= options.shortAbandonMs) shortAbandoned++;
    }
    if (c.rating !== undefined) {
      ratings++;
      ratingSum += c.rating;
    }
  }
  return {
    offered,
    answered,
    abandoned,
    shortAbandoned,
    refused,
    handled,
    transfers,
    escalations,
    answeredWithinT,
    asaMs: ratio(waitSum, answered),
    ahtMs: ratio(handleSum, handled),
    serviceLevel: ratio(answeredWithinT, offered),
    serviceLevel2: ratio(answeredWithinT, offered - shortAbandoned),
    abandonmentRate: ratio(abandoned, offered),
    csat: ratio(ratingSum, ratings),
    ratings,
  };
}
