import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Wallboard } from '../../../signaling/protocol/wallboard.js';
import '../define.js';
import type { SbWallboard } from './sb-wallboard.js';
import { duration, percent } from './format.js';

const now = Date.now();
const board: Wallboard = {
  at: now,
  since: now - 3600_000,
  serviceLevelSeconds: 20,
  queues: [
    { queueId: 'q1', name: 'Support', waiting: 2, longestWaitMs: 95_000, estimatedWaitMs: 120_000, agentsAvailable: 0, offered: 10, answered: 7, abandoned: 1, serviceLevel: 0.7, asaMs: 12_000, ahtMs: 305_000, csat: 4.25 },
  ],
  channels: [{ channel: 'chat', offered: 10, answered: 7, abandoned: 1, serviceLevel: 0.7, asaMs: 12_000, ahtMs: 305_000, csat: 4.25 }],
  agents: [
    { agentId: 'a', name: 'Ana Lima', state: 'on-contact', stateSince: now - 65_000, contacts: 2, conversationIds: ['c1', 'c2'], handledToday: 5, occupancy: 0.82 },
    { agentId: 'b', name: 'Ben Okafor', state: 'away', stateSince: now - 10_000, breakReason: 'lunch', contacts: 0, conversationIds: [], handledToday: 2, occupancy: null },
    { agentId: 'c', name: 'Chen Wei', state: 'logged-out', contacts: 0, conversationIds: [], handledToday: 0, occupancy: null },
  ],
};

const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());

describe('<sb-wallboard>', () => {
  it('shows each queue’s live and today’s figures, flagging contacts nobody can answer', async () => {
    const el = await fixture<SbWallboard>(html`<sb-wallboard .wallboard=${board}></sb-wallboard>`);
    const row = el.shadowRoot!.querySelector('tr[data-queue="q1"]')!;
    expect(cells(row)).to.deep.equal(['Support', '2', '1:35', '2:00', '10', '7', '1', '70%', '0:12', '5:05', '4.3']);
    expect(row.querySelector('td')!.classList.contains('alert')).to.equal(true);
  });

  it('shows agents’ states with break reasons and time in state', async () => {
    const el = await fixture<SbWallboard>(html`<sb-wallboard .wallboard=${board}></sb-wallboard>`);
    const [ana, ben] = [...el.shadowRoot!.querySelectorAll('tr[data-agent]')].map(cells);
    expect(ana!.slice(0, 2)).to.deep.equal(['Ana Lima', 'On contact']);
    expect(ana![2]).to.match(/^1:0[5-7]$/);
    expect(ben![1]).to.equal('Away: lunch');
    expect(ben![2]).to.match(/^0:1[0-2]$/);
    expect(ben![5]).to.equal('–', 'no occupancy without available time');
    await expect(el).to.be.accessible();
  });

  it('lets a supervisor set an agent’s state from their row', async () => {
    const el = await fixture<SbWallboard>(html`<sb-wallboard .wallboard=${board}></sb-wallboard>`);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('tr[data-agent="a"] select')!;
    expect(select.getAttribute('aria-label')).to.equal('Set the state of Ana Lima');
    select.value = 'offline';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const forced = (await oneEvent(el, 'sb-force-presence')) as CustomEvent<{ agentId: string; status: string }>;
    expect(forced.detail).to.deep.equal({ agentId: 'a', status: 'offline' });
    expect(select.value).to.equal('', 'the control goes back to "Change…"');
    expect(el.shadowRoot!.querySelector('tr[data-agent="c"] select'), 'nobody to set for a team member who is not signed in').to.equal(null);
    expect(cells(el.shadowRoot!.querySelector('tr[data-agent="c"]')!).slice(1, 3)).to.deep.equal(['Logged out', '–'], 'not seen today: no time in state to show');
  });

  it('offers to monitor each of an agent’s open chats', async () => {
    const el = await fixture<SbWallboard>(html`<sb-wallboard .wallboard=${board}></sb-wallboard>`);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tr[data-agent="a"] button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Monitor chat 1 of Ana Lima', 'Monitor chat 2 of Ana Lima']);
    setTimeout(() => buttons[1]!.click());
    expect(((await oneEvent(el, 'sb-monitor')) as CustomEvent<{ conversationId: string }>).detail.conversationId).to.equal('c2');
  });

  it('formats durations and ratios', () => {
    expect([duration(59_400), duration(3_725_000), duration(null), percent(0.806), percent(null)]).to.deep.equal(['0:59', '1:02:05', undefined, '81%', undefined]);
  });
});
