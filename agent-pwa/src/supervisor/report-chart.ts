/** Draws a report's offered / answered / abandoned series with uPlot, loaded only when a chart is shown. */
import type { ReportRow } from '../../../signaling/protocol/reports.js';
import { chartCss } from './chart-styles.js';

/** Sums rows per interval (several groups can share one), in interval order. */
export function seriesOf(rows: ReportRow[]): { labels: string[]; offered: number[]; answered: number[]; abandoned: number[] } {
  const byBucket = new Map<string, { offered: number; answered: number; abandoned: number }>();
  for (const r of rows) {
    const key = r.bucket ?? r.label;
    const sum = byBucket.get(key) ?? { offered: 0, answered: 0, abandoned: 0 };
    sum.offered += r.offered;
    sum.answered += r.answered;
    sum.abandoned += r.abandoned;
    byBucket.set(key, sum);
  }
  const labels = [...byBucket.keys()].sort();
  return { labels, offered: labels.map((l) => byBucket.get(l)!.offered), answered: labels.map((l) => byBucket.get(l)!.answered), abandoned: labels.map((l) => byBucket.get(l)!.abandoned) };
}

/** The chart's width inside its box (less the box's 8 px padding each side). */
function chartWidth(target: HTMLElement): number {
  return Math.max(240, (target.clientWidth || 736) - 16);
}

/** Renders into `target` (replacing what was there); returns a function that releases the chart. */
export async function drawReportChart(target: HTMLElement, rows: ReportRow[], names: { interval?: string; offered: string; answered: string; abandoned: string }): Promise<() => void> {
  const { default: uPlot } = await import('uplot');
  const { labels, offered, answered, abandoned } = seriesOf(rows);
  target.replaceChildren();
  const style = document.createElement('style');
  style.textContent = chartCss;
  target.append(style);
  const chart = new uPlot(
    {
      width: chartWidth(target),
      height: 240,
      // Half an interval of room each side and a tick only on each interval: with one interval the
      // range used to collapse to a point, its label was clipped at the edge and ticks repeated it.
      scales: { x: { time: false, range: () => [-0.5, Math.max(labels.length, 1) - 0.5] } },
      axes: [{ splits: () => labels.map((_, i) => i), values: (_u: unknown, ticks: number[]) => ticks.map((t) => labels[t] ?? '') }, {}],
      series: [
        // The interval's own name in the legend: uPlot's default is an English "Value".
        { label: names.interval ?? '' },
        // Points of different sizes: with one interval there is no line, and equal counts would hide each other.
        { label: names.offered, stroke: '#4338ca', width: 2, points: { show: true, size: 14 } },
        { label: names.answered, stroke: '#16a34a', width: 2, points: { show: true, size: 9 } },
        { label: names.abandoned, stroke: '#dc2626', width: 2, points: { show: true, size: 5, fill: '#dc2626' } },
      ],
    },
    [labels.map((_, i) => i), offered, answered, abandoned],
    target,
  );
  // The chart follows its box: drawn at the width the tab opened with, it was cut on a narrower window.
  const fit = new ResizeObserver(() => {
    const width = chartWidth(target);
    if (Math.abs(width - chart.width) > 1) chart.setSize({ width, height: 240 });
  });
  fit.observe(target);
  return () => {
    fit.disconnect();
    chart.destroy();
  };
}
