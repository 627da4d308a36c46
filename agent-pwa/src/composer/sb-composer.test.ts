import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ConversationSummary } from '../../../signaling/protocol/conversation.js';
import '../define.js';
import type { SbComposer } from './sb-composer.js';

const conversation: ConversationSummary = { id: 'c1', status: 'active', channel: 'chat', queueId: 'q', visitor: { id: 'v1', name: 'Maria' }, lastSeq: 0, visitorReadSeq: 0, agentReadSeq: 0, createdAt: 1 };
const replies = [
  { id: 'r1', shortcut: 'hello', title: 'Greeting', body: 'Hi {{customer.first_name}}!' },
  { id: 'r2', shortcut: 'help', title: 'Anything else?', body: 'Anything else I can do?' },
];

describe('<sb-composer>', () => {
  it('reports typing, steps through /shortcut matches with the arrow keys, and closes them on Escape', async () => {
    const el = await fixture<SbComposer>(html`<sb-composer .conversation=${conversation} .visitorName=${'Maria'} .cannedReplies=${replies}></sb-composer>`);
    const field = el.querySelector('textarea')!;
    expect(field.getAttribute('aria-label')).to.equal('Reply to Maria');
    field.value = '/he';
    setTimeout(() => field.dispatchEvent(new InputEvent('input')));
    expect(((await oneEvent(el, 'sb-typing')) as CustomEvent).detail).to.deep.equal({ isTyping: true });
    await el.updateComplete;
    const selected = () => el.querySelector('[role=option][aria-selected=true]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(selected()).to.equal('/hello Greeting');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(selected()).to.equal('/help Anything else?');
    expect(field.getAttribute('aria-activedescendant')).to.equal('shortcut-r2');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(el.querySelector('[role=listbox]')).to.equal(null);
    expect(field.value, 'Escape keeps what was typed').to.equal('/he');
  });
});
