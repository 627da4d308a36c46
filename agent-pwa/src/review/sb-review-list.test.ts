import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { HeldReply, ReviewItem } from '../../../signaling/protocol/reply-review.js';
import type { SbHeldReplies } from './sb-held-replies.js';
import type { SbReviewList } from './sb-review-list.js';

const held = (extra: Partial<HeldReply> = {}): HeldReply => ({ id: 'r1', conversationId: 'c1', agent: { id: 'ana', name: 'Ana Lima' }, text: 'no sorry', attachments: [], status: 'pending', createdAt: 1, updatedAt: 1, ...extra });
const item: ReviewItem = { ...held(), conversation: { subject: 'Tent return', source: 'email', queueName: 'Support', customer: { name: 'Rosa Diaz', email: 'rosa@example.test' }, lastCustomerMessage: 'Can I return it?' } };
const buttonNamed = (root: ShadowRoot, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

describe('<sb-review-list>', () => {
  it('shows each reply with what the customer wrote, and approves it as written', async () => {
    const el = await fixture<SbReviewList>(html`<sb-review-list .items=${[item]}></sb-review-list>`);
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Ana Lima to Rosa Diaz').and.contain('Can I return it?').and.contain('no sorry').and.contain('Tent return');
    setTimeout(() => buttonNamed(el.shadowRoot!, 'Approve and send').click());
    const { detail } = await oneEvent(el, 'sb-review-approve');
    expect(detail).to.deep.equal({ id: 'r1' });
  });

  it('approves the reviewer’s edit, and returns a reply only with a comment', async () => {
    const el = await fixture<SbReviewList>(html`<sb-review-list .items=${[item]}></sb-review-list>`);
    buttonNamed(el.shadowRoot!, 'Edit and approve').click();
    await el.updateComplete;
    const editor = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[aria-label="Reply to send to Rosa Diaz"]')!;
    expect(editor.value).to.equal('no sorry');
    expect(el.shadowRoot!.activeElement).to.equal(editor);
    editor.value = 'Our window is 30 days, but we make an exception.';
    setTimeout(() => buttonNamed(el.shadowRoot!, 'Approve and send').click());
    expect((await oneEvent(el, 'sb-review-approve')).detail).to.deep.equal({ id: 'r1', text: 'Our window is 30 days, but we make an exception.' });

    buttonNamed(el.shadowRoot!, 'Return with comment').click();
    await el.updateComplete;
    const comment = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name=comment]')!;
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Comment for Ana Lima');
    let fired = false;
    el.addEventListener('sb-review-return', () => (fired = true));
    buttonNamed(el.shadowRoot!, 'Return to Ana Lima').click();
    expect(fired, 'an empty comment is refused by the form').to.equal(false);
    comment.value = 'Explain the policy kindly.';
    setTimeout(() => buttonNamed(el.shadowRoot!, 'Return to Ana Lima').click());
    expect((await oneEvent(el, 'sb-review-return')).detail).to.deep.equal({ id: 'r1', comment: 'Explain the policy kindly.' });
  });

  it('says when nothing waits', async () => {
    const el = await fixture<SbReviewList>(html`<sb-review-list .items=${[]}></sb-review-list>`);
    expect(el.shadowRoot!.textContent).to.contain('No replies are waiting for review.');
  });
});

describe('<sb-held-replies>', () => {
  it('marks a pending reply "Waiting for review", shows a returned one with the comment, and resubmits the rework', async () => {
    const replies = [held(), held({ id: 'r2', text: 'nope', status: 'returned', reviewer: { id: 'ben', name: 'Ben Okafor' }, comment: 'Be kinder.' }), held({ id: 'r3', text: 'sent already', status: 'approved', seq: 4 })];
    const el = await fixture<SbHeldReplies>(html`<sb-held-replies .replies=${replies}></sb-held-replies>`);
    const list = el.shadowRoot!.querySelector('ul')!;
    expect(list.getAttribute('aria-label')).to.equal('Your replies held for review');
    const text = list.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Waiting for review').and.contain('Returned by Ben Okafor').and.contain('Be kinder.');
    expect(text, 'an approved reply is a message of the timeline').not.to.contain('sent already');
    buttonNamed(el.shadowRoot!, 'Edit and resubmit').click();
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[aria-label="Reworked reply"]')!;
    expect(box.value).to.equal('nope');
    box.value = 'Sorry, here is how it works.';
    setTimeout(() => buttonNamed(el.shadowRoot!, 'Resubmit for review').click());
    expect((await oneEvent(el, 'sb-resubmit-reply')).detail).to.deep.equal({ id: 'r2', text: 'Sorry, here is how it works.' });
  });
});
