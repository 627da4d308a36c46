import { expect, fixture, html } from '@open-wc/testing';
import type { CallView } from '../../../signaling/protocol/call.js';
import '../../../ui/call/define.js';
import type { SbCallControls } from '../../../ui/call/sb-call-controls.js';
import { agentCallMessages } from './call-controls-messages.js';

describe('the agent app’s words for the call controls', () => {
  it('come from the agent app’s catalogue, in the agent’s voice', async () => {
    const call: CallView = { conversationId: 'c1', phase: 'active', agent: { id: 'a1', name: 'Ana' }, answeredAt: Date.now(), heldBy: 'agent' };
    const el = await fixture<SbCallControls>(html`<sb-call-controls side="agent" .messages=${agentCallMessages()} .call=${call} .peer=${'Maria'}></sb-call-controls>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal('Call with Maria');
    expect(root.querySelector('[role=status]')!.textContent).to.equal('On hold');
    expect(root.textContent).to.contain('Recording not allowed by the caller');
    expect([...root.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Mute', 'Resume', 'Hang up']);
  });
});
