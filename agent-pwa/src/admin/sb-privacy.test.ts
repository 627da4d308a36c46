import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { DeletionRequestView, RetentionSettings } from '../../../signaling/protocol/privacy.js';
import './sb-privacy.js';
import type { SbPrivacy } from './sb-privacy.js';

const retention: RetentionSettings = { conversationsDays: 365, recordingsDays: null, attachmentsDays: null, visitorDeletion: 'review' };
const requests: DeletionRequestView[] = [
  { id: 'd1', conversationId: 'c1', status: 'pending', createdAt: Date.UTC(2026, 0, 2), conversation: { channel: 'chat', status: 'ended', createdAt: Date.UTC(2026, 0, 1), endedAt: Date.UTC(2026, 0, 1) } },
  { id: 'd2', conversationId: 'c2', status: 'approved', createdAt: Date.UTC(2026, 0, 3), decidedAt: Date.UTC(2026, 0, 3), decidedBy: { id: 'a', name: 'Admin' } },
];

describe('<sb-privacy>', () => {
  it('shows the stored settings and saves the whole form, an empty field keeping forever', async () => {
    const el = await fixture<SbPrivacy>(html`<sb-privacy .retention=${retention}></sb-privacy>`);
    const root = el.shadowRoot!;
    const field = (name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    expect(field('conversationsDays').value).to.equal('365');
    expect(field('recordingsDays').value).to.equal('');
    field('recordingsDays').value = '30';
    field('conversationsDays').value = '';
    root.querySelector<HTMLSelectElement>('select')!.value = 'automatic';
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    const saved = (await oneEvent(el, 'sb-retention-save')) as CustomEvent<{ settings: RetentionSettings }>;
    expect(saved.detail.settings).to.deep.equal({ conversationsDays: null, recordingsDays: 30, attachmentsDays: null, visitorDeletion: 'automatic' });
  });

  it('lists requests with their state, and offers Erase and Keep only for those waiting', async () => {
    const el = await fixture<SbPrivacy>(html`<sb-privacy .retention=${retention} .requests=${requests}></sb-privacy>`);
    const items = [...el.shadowRoot!.querySelectorAll('li')];
    expect(items[0]!.textContent).to.contain('chat conversation').and.contain('waiting');
    expect(items[1]!.textContent).to.contain('erased (approved)');
    expect(items[1]!.querySelectorAll('button').length).to.equal(0);
    const erase = [...items[0]!.querySelectorAll('button')].find((b) => b.textContent === 'Erase')!;
    setTimeout(() => erase.click());
    const decided = (await oneEvent(el, 'sb-deletion-decide')) as CustomEvent<{ id: string; decision: string }>;
    expect(decided.detail).to.deep.equal({ id: 'd1', decision: 'approve' });
  });
});
