import { expect, fixture, html } from '@open-wc/testing';
import type { CallView } from '../../signaling/protocol/call.js';
import '../../ui/call/define.js';
import type { SbCallControls } from '../../ui/call/sb-call-controls.js';
import { en } from '../i18n/en.js';
import { visitorCallMessages } from './call-controls-messages.js';

describe('the widget’s words for the call controls', () => {
  it('come from the widget’s catalogue, in the visitor’s voice', async () => {
    const call: CallView = { conversationId: 'c1', phase: 'active', agent: { id: 'a1', name: 'Ana' }, answeredAt: Date.now() };
    const el = await fixture<SbCallControls>(html`<sb-call-controls side="visitor" .messages=${visitorCallMessages(en)} .call=${call} .media=${{ status: 'connecting', muted: false, level: 0 }}></sb-call-controls>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal('Call');
    expect(root.querySelector('[role=status]')!.textContent).to.equal('Connecting you to Ana…');
    expect([...root.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Mute', 'Hold', 'Allow recording', 'Hang up']);
  });
});
