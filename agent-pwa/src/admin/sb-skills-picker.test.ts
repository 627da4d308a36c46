import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { SbSkillsPicker } from './sb-skills-picker.js';

describe('<sb-skills-picker>', () => {
  it('adds skills with levels, removes them, and gives its form the skill:level text', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><sb-skills-picker name="skills" label="Skills" .known=${['billing', 'returns']} .value=${'billing:3'}></sb-skills-picker></form>`);
    const picker = form.querySelector<SbSkillsPicker>('sb-skills-picker')!;
    await picker.updateComplete;
    const root = picker.shadowRoot!;
    expect(root.querySelector('legend')!.textContent).to.equal('Skills');
    expect(root.querySelector<HTMLSelectElement>('select')!.value).to.equal('3');

    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Add skill')!.click();
    await picker.updateComplete;
    const name = [...root.querySelectorAll<HTMLInputElement>('.row input')].at(-1)!;
    expect(picker.shadowRoot!.activeElement, 'the new row takes the focus').to.equal(name);
    name.value = 'Lang ES';
    name.dispatchEvent(new Event('change'));
    const level = [...root.querySelectorAll<HTMLSelectElement>('select')].at(-1)!;
    level.value = '5';
    level.dispatchEvent(new Event('change'));
    await picker.updateComplete;
    expect(new FormData(form).get('skills')).to.equal('billing:3, lang-es:5');

    root.querySelector<HTMLButtonElement>('button[aria-label="Remove skill billing"]')!.click();
    await picker.updateComplete;
    expect(picker.value).to.equal('lang-es:5');
    form.reset();
    expect(new FormData(form).get('skills')).to.equal('');
  });
});
