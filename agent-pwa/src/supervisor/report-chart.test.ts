import { expect } from '@open-wc/testing';
import type { ReportRow } from '../../../signaling/protocol/reports.js';
import { drawReportChart, seriesOf } from './report-chart.js';

const row = (bucket: string, key: string, offered: number, answered: number, abandoned: number): ReportRow => ({
  bucket, key, label: key, offered, answered, abandoned, shortAbandoned: 0, transfers: 0, escalations: 0, serviceLevel: null, serviceLevel2: null, abandonmentRate: null, asaSeconds: null, ahtSeconds: null, csat: null,
});

describe('report chart', () => {
  it('sums the groups of each interval, in interval order', () => {
    const rows = [row('2026-11-23 10:00', 'q2', 1, 1, 0), row('2026-11-23 09:00', 'q1', 3, 2, 1), row('2026-11-23 10:00', 'q1', 4, 4, 0)];
    expect(seriesOf(rows)).to.deep.equal({ labels: ['2026-11-23 09:00', '2026-11-23 10:00'], offered: [3, 5], answered: [2, 5], abandoned: [1, 0] });
  });

  it('draws the series with uPlot, with a legend naming them, and releases it', async () => {
    const target = document.createElement('div');
    target.style.width = '600px';
    document.body.append(target);
    const release = await drawReportChart(target, [row('09:00', 'q', 3, 2, 1), row('10:00', 'q', 4, 4, 0)], { offered: 'Offered', answered: 'Answered', abandoned: 'Abandoned' });
    expect(target.querySelector('canvas')).to.not.equal(null);
    expect([...target.querySelectorAll('.u-legend .u-label')].map((l) => l.textContent)).to.include.members(['Offered', 'Answered', 'Abandoned']);
    release();
    expect(target.querySelector('canvas')).to.equal(null);
    target.remove();
  });
});
