import { expect, fixture, html } from '@open-wc/testing';
import { showBubble, type BubbleWords } from './invitation-bubble.js';

const words: BubbleWords = { from: 'Ana Lima', label: 'Message from Ana Lima', reply: 'Reply', dismiss: 'Dismiss this message' };
const offer = { id: 'i1', text: '<b>Hi</b> — need help?', sender: 'Ana Lima', delaySeconds: 0 };

async function host(attrs: { left?: boolean; dir?: string } = {}) {
  const el = await fixture<HTMLElement>(html`<div></div>`);
  el.attachShadow({ mode: 'open' }).innerHTML = '<button class=launcher type=button aria-label="Open chat"></button>';
  if (attrs.left) el.setAttribute('data-left', '');
  if (attrs.dir) el.dir = attrs.dir;
  return el;
}

describe('invitation bubble', () => {
  it('is a labelled dialog with the sender, the text as text (never markup), a Reply and a labelled close button', async () => {
    const el = await host();
    let replied = 0;
    showBubble(el.shadowRoot!, offer, words, { reply: () => replied++, dismiss: () => {} });
    const bubble = el.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(bubble.getAttribute('aria-label')).to.equal('Message from Ana Lima');
    expect(bubble.querySelector('.invite-text')!.textContent).to.equal('<b>Hi</b> — need help?');
    expect(bubble.querySelector('b')).to.equal(null);
    expect(bubble.querySelector('.invite-close')!.getAttribute('aria-label')).to.equal('Dismiss this message');
    bubble.querySelector<HTMLButtonElement>('.invite-reply')!.click();
    expect(replied).to.equal(1);
  });

  it('is dismissed with Escape from inside it, and its remover takes it away', async () => {
    const el = await host();
    let dismissed = 0;
    const remove = showBubble(el.shadowRoot!, offer, words, { reply: () => {}, dismiss: () => dismissed++ });
    const close = el.shadowRoot!.querySelector<HTMLButtonElement>('.invite-close')!;
    close.focus();
    close.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(dismissed).to.equal(1);
    remove();
    expect(el.shadowRoot!.querySelector('.invite')).to.equal(null);
  });

  it('sits on the launcher’s side and fits a 360 px phone', async () => {
    const right = await host();
    showBubble(right.shadowRoot!, offer, words, { reply: () => {}, dismiss: () => {} });
    const left = await host({ left: true, dir: 'rtl' });
    showBubble(left.shadowRoot!, offer, words, { reply: () => {}, dismiss: () => {} });
    const boxOf = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('.invite')!.getBoundingClientRect();
    expect(boxOf(right).right).to.be.closeTo(innerWidth - 20, 2);
    expect(boxOf(left).left).to.be.closeTo(20, 2);
    expect(boxOf(right).width).to.be.at.most(Math.min(300, innerWidth - 40) + 0.5);
  });
});
