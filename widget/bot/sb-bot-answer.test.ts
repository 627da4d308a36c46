import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { BotState } from './bot-session.js';
import './sb-bot-answer.js';
import type { SbBotAnswer } from './sb-bot-answer.js';

const answered: BotState = {
  phase: 'answered',
  question: 'Can I return the tent?',
  articles: [
    { id: 'a1', title: 'Returns and refunds', excerpt: 'You can return any item within 30 days…', score: 3 },
    { id: 'a2', title: 'Choosing a tent size', excerpt: 'Our tents are rated by sleeping places…', score: 2 },
  ],
  opened: {},
};
const button = (el: SbBotAnswer, text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

describe('<sb-bot-answer>', () => {
  it('says it is a bot, offers articles to open, and a person at any moment', async () => {
    const el = await fixture<SbBotAnswer>(html`<sb-bot-answer .state=${answered}></sb-bot-answer>`);
    const root = el.shadowRoot!;
    expect(root.textContent).to.contain('Help bot (automated)');
    expect(root.textContent).to.contain('I am a bot.');
    setTimeout(() => button(el, 'Returns and refunds').click());
    expect(((await oneEvent(el, 'sb-bot-open')) as CustomEvent).detail).to.deep.equal({ id: 'a1' });
    el.state = { ...answered, opened: { a1: 'You can return any item within 30 days of delivery.' } };
    await el.updateComplete;
    expect(button(el, 'Returns and refunds').getAttribute('aria-expanded')).to.equal('true');
    expect(root.querySelector('.article')!.textContent).to.equal('You can return any item within 30 days of delivery.');
    setTimeout(() => button(el, 'Talk to a person').click());
    await oneEvent(el, 'sb-bot-person');
    setTimeout(() => button(el, 'That answered my question').click());
    await oneEvent(el, 'sb-bot-resolved');
    await expect(el).to.be.accessible();
  });

  it('offers a person while it is still looking, and says when it hands over', async () => {
    const el = await fixture<SbBotAnswer>(html`<sb-bot-answer .state=${{ phase: 'searching', question: 'x', articles: [], opened: {} }}></sb-bot-answer>`);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Looking for an answer…');
    expect(button(el, 'Talk to a person'), 'a person is offered while it looks').to.not.equal(undefined);
    el.state = { phase: 'handing-off', question: 'x', articles: [], opened: {} };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Connecting you to a person…');
  });
});
