import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Topic } from '../../signaling/protocol/topic-menu.js';
import de from '../i18n/de.js';
import './sb-topic-menu.js';
import type { SbTopicMenu } from './sb-topic-menu.js';
import type { TopicChoiceState } from './topic-choice.js';

const topics: Topic[] = [
  { label: 'Orders', labels: { de: 'Bestellungen' }, queue: 'support', articleSearch: 'shipping' },
  { label: 'Billing', queue: 'billing' },
];
const menu: TopicChoiceState = { phase: 'menu', articles: [], opened: {} };
const buttons = (el: SbTopicMenu) => [...el.shadowRoot!.querySelectorAll('button')];
const button = (el: SbTopicMenu, text: string) => buttons(el).find((b) => b.textContent!.trim() === text)!;

describe('<sb-topic-menu>', () => {
  it('asks what the visitor needs, one real button per topic in a labelled group', async () => {
    const el = await fixture<SbTopicMenu>(html`<sb-topic-menu .topics=${topics} .state=${menu}></sb-topic-menu>`);
    const group = el.shadowRoot!.querySelector('[role="group"]')!;
    const labelledBy = el.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!)!;
    expect(labelledBy.textContent).to.equal('What can we help you with?');
    expect(buttons(el).map((b) => b.textContent!.trim())).to.deep.equal(['Orders', 'Billing']);
    el.focusFirst();
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[0]);
    setTimeout(() => button(el, 'Billing').click());
    expect(((await oneEvent(el, 'sb-topic-choose')) as CustomEvent).detail).to.deep.equal({ index: 1 });
  });

  it('shows labels in the visitor’s language when the admin translated them', async () => {
    const el = await fixture<SbTopicMenu>(html`<sb-topic-menu .topics=${topics} .state=${menu} .messages=${de} .locale=${'de'}></sb-topic-menu>`);
    expect(buttons(el).map((b) => b.textContent!.trim())).to.deep.equal(['Bestellungen', 'Billing']);
    expect(el.shadowRoot!.textContent).to.contain('Wobei können wir Ihnen helfen?');
  });

  it('offers the topic’s articles, a person, and the way back', async () => {
    const state: TopicChoiceState = { phase: 'articles', topic: topics[0], articles: [{ id: 'a1', title: 'Shipping times and costs', excerpt: 'Orders ship…', score: 2 }], opened: {} };
    const el = await fixture<SbTopicMenu>(html`<sb-topic-menu .topics=${topics} .state=${state}></sb-topic-menu>`);
    expect(el.shadowRoot!.textContent).to.contain('These articles may help with Orders:');
    setTimeout(() => button(el, 'Shipping times and costs').click());
    expect(((await oneEvent(el, 'sb-topic-open')) as CustomEvent).detail).to.deep.equal({ id: 'a1' });
    setTimeout(() => button(el, 'Talk to a person').click());
    await oneEvent(el, 'sb-topic-talk');
    setTimeout(() => button(el, 'Back to topics').click());
    await oneEvent(el, 'sb-topic-back');
  });
});
