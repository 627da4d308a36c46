import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { ConversationSummary } from '../../../signaling/protocol/conversation.js';
import type { Offer } from '../../../signaling/protocol/server-frames.js';
import { OfferAlertsController } from './offer-alerts-controller.js';

class AlertsHost extends LitElement {
  readonly alerts = new OfferAlertsController(this);
  override render() {
    return html`<div aria-live="assertive">${this.alerts.announcement}</div>`;
  }
}
customElements.define('sb-test-alerts-host', AlertsHost);

const offer = (id: string, patch: Partial<Offer> = {}): Offer => ({ conversationId: id, queueId: 'q', queueName: 'Support', channel: 'chat', visitor: { id: `v-${id}`, name: 'Maya' }, expiresAt: Date.now() + 20_000, ...patch });
const active = (id: string, agentId: string): ConversationSummary => ({ id, status: 'active', agent: { id: agentId, name: 'Ana' }, visitor: { id: `v-${id}`, name: 'Noor' } }) as ConversationSummary;

describe('OfferAlertsController', () => {
  afterEach(() => localStorage.removeItem('switchboard.offerSounds'));

  it('counts offers in the title, announces each kind once, and clears when they go', async () => {
    const base = 'Switchboard — Agent';
    document.title = base;
    const el = await fixture<AlertsHost>(html`<sb-test-alerts-host></sb-test-alerts-host>`);
    el.alerts.update({ agentId: 'ana', offers: [offer('a', { channel: 'email', subject: 'Refund' })], conversations: [] });
    await el.updateComplete;
    expect(document.title).to.equal(`(1) ${base}`);
    expect(el.renderRoot.textContent).to.contain('New e-mail: Maya (Support)');
    el.alerts.update({ agentId: 'ana', offers: [offer('a', { channel: 'email', subject: 'Refund' }), offer('b', { source: 'callback', channel: 'voice' })], conversations: [] });
    await el.updateComplete;
    expect(document.title).to.equal(`(2) ${base}`);
    expect(el.renderRoot.textContent).to.contain('Callback to make: Maya (Support)');
    el.alerts.update({ agentId: 'ana', offers: [], conversations: [] });
    expect(document.title).to.equal(base);
  });

  it('tells the agent about a conversation transferred straight to them, not about one they accepted', async () => {
    const el = await fixture<AlertsHost>(html`<sb-test-alerts-host></sb-test-alerts-host>`);
    el.alerts.update({ agentId: 'ana', offers: [offer('mine')], conversations: [] });
    el.alerts.update({ agentId: 'ana', offers: [], conversations: [active('mine', 'ana')] });
    await el.updateComplete;
    expect(el.renderRoot.textContent).to.contain('New chat: Maya (Support)');
    el.alerts.update({ agentId: 'ana', offers: [], conversations: [active('mine', 'ana'), active('moved', 'ana')] });
    await el.updateComplete;
    expect(el.renderRoot.textContent).to.contain('Transferred to you: Noor');
  });

  it('keeps the agent’s volume and mute for this device', async () => {
    const el = await fixture<AlertsHost>(html`<sb-test-alerts-host></sb-test-alerts-host>`);
    el.alerts.setSound({ muted: true, volume: 0.3 });
    const again = await fixture<AlertsHost>(html`<sb-test-alerts-host></sb-test-alerts-host>`);
    expect(again.alerts.sound).to.deep.equal({ muted: true, volume: 0.3 });
  });
});
