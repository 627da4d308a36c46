import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { SbAddPerson } from './sb-add-person.js';

const field = <T extends Element = HTMLInputElement>(el: SbAddPerson, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector)!;
const submit = (el: SbAddPerson) => field<HTMLButtonElement>(el, 'button[type=submit]').click();

describe('<sb-add-person>', () => {
  it('adds a person by invitation, with their role, languages and skills with levels', async () => {
    const el = await fixture<SbAddPerson>(html`<sb-add-person></sb-add-person>`);
    field(el, 'input[name=name]').value = 'Dana Reyes';
    field(el, 'input[name=email]').value = 'dana@example.com';
    field<HTMLSelectElement>(el, 'select[name=role]').value = 'supervisor';
    field(el, 'input[name=languages][value=fr]').checked = true;
    field(el, 'input[name=languages][value=en]').checked = true;
    field(el, 'sb-skills-picker[name=skills]').value = 'billing:3, returns:1';
    expect(field(el, 'input[name=password]'), 'no password for an invitation').to.equal(null);
    setTimeout(() => submit(el));
    const add = (await oneEvent(el, 'sb-person-add')) as CustomEvent;
    expect(add.detail.input).to.deep.equal({ name: 'Dana Reyes', email: 'dana@example.com', role: 'supervisor', languages: ['en', 'fr'], skills: { billing: 3, returns: 1 }, method: 'invite' });
    await expect(el).to.be.accessible();
  });

  it('asks for an initial password when the admin gives one, and shows the server’s refusals beside the fields', async () => {
    const el = await fixture<SbAddPerson>(html`<sb-add-person></sb-add-person>`);
    field(el, 'input[name=method][value=password]').click();
    await el.updateComplete;
    field(el, 'input[name=name]').value = 'Ivo';
    field(el, 'input[name=email]').value = 'ivo@example.com';
    field(el, 'input[name=password]').value = 'cedar-pixel-orbit-55';
    setTimeout(() => submit(el));
    const add = (await oneEvent(el, 'sb-person-add')) as CustomEvent;
    expect(add.detail.input).to.include({ method: 'password', password: 'cedar-pixel-orbit-55' });

    el.refusal = { message: 'ivo@example.com is already in the team.', fields: { email: 'Already in the team.' } };
    await el.updateComplete;
    const email = field(el, 'input[name=email]');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal('Already in the team.');
    expect(el.shadowRoot!.querySelectorAll('[role=alert]').length, 'said once, beside the field').to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('refuses skills it cannot read without sending anything, and clears itself after each person added', async () => {
    const el = await fixture<SbAddPerson>(html`<sb-add-person></sb-add-person>`);
    let sent = 0;
    el.addEventListener('sb-person-add', () => sent++);
    field(el, 'input[name=name]').value = 'Dana';
    field(el, 'input[name=email]').value = 'dana@example.com';
    field(el, 'sb-skills-picker[name=skills]').value = 'billing three';
    submit(el);
    await el.updateComplete;
    expect(sent).to.equal(0);
    expect(field(el, 'sb-skills-picker[name=skills]').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('should look like skill:level');

    field(el, 'input[name=method][value=password]').click();
    el.added = 1;
    await el.updateComplete;
    await el.updateComplete;
    expect(field(el, 'input[name=name]').value).to.equal('');
    expect(field(el, 'input[name=method][value=invite]').checked).to.equal(true);
  });
});
