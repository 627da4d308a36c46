import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AgentView, QueueView } from '../../../signaling/protocol/admin.js';
import '../define.js';
import type { SbAdminQueues } from './sb-admin-queues.js';
import type { SbAgentRouting } from './sb-agent-routing.js';

const agents: AgentView[] = [
  { id: 'a1', email: 'ana@x.io', name: 'Ana', role: 'agent', status: 'available', skills: { billing: 2 }, capacity: { chat: 3, voice: 1, email: 5, message: 5 } },
  { id: 'b1', email: 'ben@x.io', name: 'Ben', role: 'agent', status: 'offline', skills: {}, capacity: { chat: 2, voice: 1, email: 5, message: 5 } },
];
const support: QueueView = {
  id: 'q1', slug: 'support', name: 'Support', isDefault: true, strategy: 'longest-idle', offerTimeoutMs: 30_000, retryDelayMs: 15_000, wrapUpMs: 0,
  dispositionRequired: false, requiredSkills: {}, tierWaitMs: 0, priority: 0, priorityWeightMs: 60_000, stickyMs: 0, expectedHandleMs: 300_000,
  maxSize: null, maxWaitMs: null, overflow: null, hours: null, members: [{ agentId: 'a1', tier: 1, position: 0 }],
  preChatForm: { enabled: false, fields: { name: 'off', email: 'off', phone: 'off' }, consent: null, custom: [] },
};

describe('<sb-admin-queues>', () => {
  it('shows the selected queue’s settings and members, and saves the edited form', async () => {
    const el = await fixture<SbAdminQueues>(html`<sb-admin-queues .queues=${[support]} .agents=${agents} .selectedId=${'q1'}></sb-admin-queues>`);
    const editor = el.shadowRoot!.querySelector('sb-queue-editor')!;
    await editor.updateComplete;
    const root = editor.shadowRoot!;
    const field = (name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    expect(field('name').value).to.equal('Support');
    expect(field('offerTimeout').value).to.equal('30');
    const memberBoxes = [...root.querySelectorAll<HTMLInputElement>('input[name="member"]')];
    expect(memberBoxes.map((b) => b.checked)).to.deep.equal([true, false]);
    memberBoxes[1]!.checked = true;
    field('tier-b1').value = '2';
    field('requiredSkills').value = 'billing:1';
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const saved = (await oneEvent(el, 'sb-queue-save')) as CustomEvent<{ id: string; input: { requiredSkills: object }; members: object[] }>;
    expect(saved.detail.id).to.equal('q1');
    expect(saved.detail.input.requiredSkills).to.deep.equal({ billing: 1 });
    expect(saved.detail.members).to.deep.equal([{ agentId: 'a1', tier: 1, position: 0 }, { agentId: 'b1', tier: 2, position: 1 }]);
  });

  it('turns the pre-chat form on with the chosen fields and consent text', async () => {
    const el = await fixture<SbAdminQueues>(html`<sb-admin-queues .queues=${[support]} .agents=${agents} .selectedId=${'q1'}></sb-admin-queues>`);
    const editor = el.shadowRoot!.querySelector('sb-queue-editor')!;
    await editor.updateComplete;
    const root = editor.shadowRoot!;
    expect(root.querySelector('fieldset.pre-chat legend')!.textContent).to.equal('Pre-chat form');
    root.querySelector<HTMLInputElement>('[name="preChatEnabled"]')!.checked = true;
    root.querySelector<HTMLSelectElement>('[name="preChatEmail"]')!.value = 'required';
    root.querySelector<HTMLTextAreaElement>('[name="preChatConsentText"]')!.value = 'I agree.';
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const saved = (await oneEvent(el, 'sb-queue-save')) as CustomEvent<{ input: { preChatForm: object } }>;
    expect(saved.detail.input.preChatForm).to.deep.equal({ enabled: true, fields: { name: 'off', email: 'required', phone: 'off' }, consent: { text: 'I agree.', required: true }, custom: [] });
  });

  it('reports a skill list it cannot read instead of saving', async () => {
    const el = await fixture<SbAdminQueues>(html`<sb-admin-queues .queues=${[support]} .agents=${agents} .selectedId=${'q1'}></sb-admin-queues>`);
    const editor = el.shadowRoot!.querySelector('sb-queue-editor')!;
    await editor.updateComplete;
    editor.shadowRoot!.querySelector<HTMLInputElement>('[name="requiredSkills"]')!.value = 'billing';
    setTimeout(() => editor.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const invalid = (await oneEvent(el, 'sb-queue-invalid')) as CustomEvent<{ message: string }>;
    expect(invalid.detail.message).to.contain('skill:level');
  });

  it('passes an accessibility audit', async () => {
    const el = await fixture<SbAdminQueues>(html`<sb-admin-queues .queues=${[support]} .agents=${agents} .selectedId=${'q1'}></sb-admin-queues>`);
    await expect(el).to.be.accessible();
  });
});

describe('<sb-agent-routing>', () => {
  it('saves one agent’s skills and capacities from its row', async () => {
    const el = await fixture<SbAgentRouting>(html`<sb-agent-routing .agents=${agents}></sb-agent-routing>`);
    const row = el.shadowRoot!.querySelector('tr[data-agent="b1"]')!;
    row.querySelector<HTMLInputElement>('sb-skills-picker[name="skills"]')!.value = 'spanish:4';
    row.querySelector<HTMLInputElement>('input[name="chat"]')!.value = '5';
    setTimeout(() => row.querySelector<HTMLButtonElement>('button')!.click());
    const saved = (await oneEvent(el, 'sb-agent-save')) as CustomEvent<{ id: string; input: unknown }>;
    expect(saved.detail).to.deep.equal({ id: 'b1', input: { skills: { spanish: 4 }, capacity: { chat: 5, voice: 1, email: 5, message: 5 } } });
    await expect(el).to.be.accessible();
  });
});
