import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { SbAuditLog } from './sb-audit-log.js';

const entries = [
  { id: 3, at: Date.now(), actor: { id: 'root', name: 'Rosa Admin' }, action: 'team.deactivated', target: { type: 'agent', id: 'ana-id' }, detail: { email: 'ana@example.com' } },
  { id: 2, at: Date.now() - 1000, actor: { id: 'root', name: 'Rosa Admin' }, action: 'queue.updated', target: { type: 'queue', id: 'q1-0000-1111' }, detail: { offerTimeoutMs: 5000 } },
];

describe('<sb-audit-log>', () => {
  it('shows who did what to whom, offers the CSV export, and asks for older entries', async () => {
    const el = await fixture<SbAuditLog>(html`<sb-audit-log .entries=${entries} .names=${{ 'ana-id': 'Ana Lima' }}></sb-audit-log>`);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(rows[0]).to.contain('Rosa Admin').and.contain('Deactivated').and.contain('Ana Lima').and.contain('email: ana@example.com');
    expect(rows[1], 'an action without words keeps its code').to.contain('queue.updated').and.contain('queue q1-0000-').and.contain('offerTimeoutMs: 5000');
    const csv = el.shadowRoot!.querySelector('a')!;
    expect(csv.textContent).to.equal('Export CSV');
    expect(csv.getAttribute('href')).to.equal('/api/audit/export.csv');
    setTimeout(() => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Load more')!.click());
    await oneEvent(el, 'sb-audit-more');
    await expect(el).to.be.accessible();
  });

  it('has no Load more once every entry is shown', async () => {
    const el = await fixture<SbAuditLog>(html`<sb-audit-log .entries=${entries} complete></sb-audit-log>`);
    expect([...el.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent === 'Load more')).to.equal(false);
  });
});
