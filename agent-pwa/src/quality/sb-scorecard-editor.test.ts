import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ScorecardView } from '../../../signaling/protocol/quality.js';
import './sb-scorecard-editor.js';
import './sb-review-form.js';
import type { SbReviewForm } from './sb-review-form.js';
import type { SbScorecardEditor } from './sb-scorecard-editor.js';

const card: ScorecardView = {
  id: 'card-1',
  name: 'Chat basics',
  active: true,
  createdAt: 0,
  criteria: [
    { label: 'Checked the identity', kind: 'yes-no', weight: 2, autoFail: true },
    { label: 'Tone', kind: 'scale', weight: 1, autoFail: false },
  ],
};

const input = (root: ShadowRoot, selector: string, value: string) => {
  const el = root.querySelector<HTMLInputElement>(selector)!;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('<sb-scorecard-editor>', () => {
  it('builds a new scorecard criterion by criterion; a scale cannot be a must-have', async () => {
    const el = await fixture<SbScorecardEditor>(html`<sb-scorecard-editor></sb-scorecard-editor>`);
    const root = el.shadowRoot!;
    expect(root.activeElement?.getAttribute('name'), 'focus starts on the name').to.equal('name');
    input(root, 'input[name=name]', 'Calls');
    input(root, 'input[data-label]', 'Greeted the caller');
    root.querySelector<HTMLButtonElement>('.actions button')!.click();
    await el.updateComplete;
    expect(root.activeElement, 'the new criterion takes the focus').to.equal(root.querySelectorAll('input[data-label]')[1]);
    input(root, 'fieldset:nth-of-type(2) input[data-label]', 'Tone');
    const kind = root.querySelectorAll('select')[1]!;
    kind.value = 'scale';
    kind.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(root.querySelectorAll('fieldset')[1]!.querySelector('input[type=checkbox]'), 'no must-have box on a scale').to.equal(null);
    setTimeout(() => root.querySelector('form')!.requestSubmit());
    const saved = (await oneEvent(el, 'sb-scorecard-save')) as CustomEvent;
    expect(saved.detail).to.deep.equal({
      input: {
        name: 'Calls',
        active: true,
        criteria: [
          { label: 'Greeted the caller', kind: 'yes-no', weight: 1, autoFail: false },
          { label: 'Tone', kind: 'scale', weight: 1, autoFail: false },
        ],
      },
    });
    await expect(el).to.be.accessible();
  });

  it('edits an existing scorecard with its id, and removes a criterion', async () => {
    const el = await fixture<SbScorecardEditor>(html`<sb-scorecard-editor .scorecard=${card}></sb-scorecard-editor>`);
    const root = el.shadowRoot!;
    const remove = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Remove criterion 2'))!;
    remove.click();
    await el.updateComplete;
    setTimeout(() => root.querySelector('form')!.requestSubmit());
    const saved = (await oneEvent(el, 'sb-scorecard-save')) as CustomEvent;
    expect(saved.detail.id).to.equal('card-1');
    expect(saved.detail.input.criteria).to.deep.equal([card.criteria[0]]);
  });
});

describe('<sb-review-form>', () => {
  it('asks every question, marks the must-have, and sends yes/no as true/false and the scale as a number', async () => {
    const el = await fixture<SbReviewForm>(html`<sb-review-form .scorecards=${[card]} .heading=${'Chat handled by Ana'}></sb-review-form>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('legend')!.textContent).to.contain('must-have');
    let sent = 0;
    el.addEventListener('sb-review-submit', () => sent++);
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect(sent, 'nothing is sent while a question is unanswered').to.equal(0);
    root.querySelector<HTMLInputElement>('input[name=c0][value=no]')!.checked = true;
    root.querySelector<HTMLInputElement>('input[name=c1][value="4"]')!.checked = true;
    root.querySelector('textarea')!.value = '  Ask for the order number first.  ';
    setTimeout(() => root.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const review = (await oneEvent(el, 'sb-review-submit')) as CustomEvent;
    expect(review.detail).to.deep.equal({ scorecardId: 'card-1', answers: [false, 4], comment: 'Ask for the order number first.' });
    await expect(el).to.be.accessible();
  });
});
