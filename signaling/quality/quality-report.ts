/**
 * The quality report: per week and agent (or queue), the reviews made and their mean score, beside
 * the same week's handle time and satisfaction from the KPI report, so a supervisor sees whether
 * faster calls cost quality. A week with KPIs but no review shows its figures with no score.
 */
import type { QualityRow } from '../protocol/quality.js';

export interface ScoredContact {
  week: string;
  key: string;
  score: number;
}

export interface WeekFigures {
  week: string;
  key: string;
  label: string;
  ahtSeconds: number | null;
  csat: number | null;
}

export function qualityRows(scores: readonly ScoredContact[], figures: readonly WeekFigures[], labelOf: (key: string) => string): QualityRow[] {
  const rows = new Map<string, QualityRow & { sum: number }>();
  const at = (week: string, key: string, label: string) => {
    const id = `${week}\u0000${key}`;
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { week, key, label, reviews: 0, score: null, ahtSeconds: null, csat: null, sum: 0 }));
    return row;
  };
  for (const f of figures) Object.assign(at(f.week, f.key, f.label), { ahtSeconds: f.ahtSeconds, csat: f.csat });
  for (const s of scores) {
    const row = at(s.week, s.key, labelOf(s.key));
    row.reviews += 1;
    row.sum += s.score;
    row.score = Math.round((row.sum / row.reviews) * 10) / 10;
  }
  return [...rows.values()].map(({ sum: _sum, ...row }) => row).sort((a, b) => a.week.localeCompare(b.week) || a.label.localeCompare(b.label));
}
