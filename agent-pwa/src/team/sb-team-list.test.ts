import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { TeamMember } from '../../../signaling/protocol/team.js';
import type { SbTeamList } from './sb-team-list.js';

const person = (id: string, name: string, extra: Partial<TeamMember> = {}): TeamMember => ({
  id,
  email: `${id}@example.com`,
  name,
  role: 'agent',
  languages: [],
  skills: {},
  active: true,
  invited: false,
  mustChangePassword: false,
  createdAt: 1,
  ...extra,
});

const members = [
  person('root', 'Rosa Admin', { role: 'admin' }),
  person('ana', 'Ana Lima', { languages: ['en', 'pt'], skills: { billing: 3 } }),
  person('dana', 'Dana Reyes', { invited: true }),
  person('ivo', 'Ivo Petrov', { mustChangePassword: true }),
  person('hana', 'Hana Sato', { active: false, deactivatedAt: 2 }),
];

const button = (el: SbTeamList, label: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
const dialog = (el: SbTeamList) => el.shadowRoot!.querySelector('sb-confirm-dialog')!.shadowRoot!.querySelector('dialog')!;

describe('<sb-team-list>', () => {
  it('shows each person’s role, languages, skills and status, and what can be done to them', async () => {
    const el = await fixture<SbTeamList>(html`<sb-team-list .members=${members} selfId="root"></sb-team-list>`);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[1]).to.contain('English, Portuguese').and.contain('billing:3').and.contain('Active');
    expect(rows[2]).to.contain('Invited');
    expect(rows[3]).to.contain('Must change password');
    expect(rows[4]).to.contain('Deactivated');
    expect(rows[0]).to.contain('(you)');
    expect(button(el, 'Deactivate Rosa Admin'), 'nobody deactivates themselves').to.equal(null);
    expect(button(el, 'New invitation link for Dana Reyes')).to.be.instanceOf(HTMLButtonElement);
    expect(button(el, 'Reactivate Hana Sato')).to.be.instanceOf(HTMLButtonElement);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="Role of Rosa Admin"]')!.value).to.equal('admin');
    await expect(el).to.be.accessible();
  });

  it('changes a role, and shows a refusal under that person’s row', async () => {
    const el = await fixture<SbTeamList>(html`<sb-team-list .members=${members} selfId="root"></sb-team-list>`);
    const role = el.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="Role of Rosa Admin"]')!;
    role.value = 'agent';
    setTimeout(() => role.dispatchEvent(new Event('change')));
    expect(((await oneEvent(el, 'sb-team-role')) as CustomEvent).detail).to.deep.equal({ id: 'root', role: 'agent' });
    el.rowError = { id: 'root', message: 'The last active admin cannot be given another role.' };
    el.members = [...members];
    await el.updateComplete;
    expect(role.value, 'the refused role is not shown as if it were taken').to.equal('admin');
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.equal('The last active admin cannot be given another role.');
    expect(alert.closest('tr')!.previousElementSibling!.textContent).to.contain('Rosa Admin');
    await expect(el).to.be.accessible();
  });

  it('deactivates only after a confirmation that names the consequences; Cancel changes nothing', async () => {
    const el = await fixture<SbTeamList>(html`<sb-team-list .members=${members} selfId="root"></sb-team-list>`);
    let deactivated = 0;
    el.addEventListener('sb-team-deactivate', () => deactivated++);
    const opener = button(el, 'Deactivate Ana Lima');
    opener.focus();
    opener.click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    const confirm = el.shadowRoot!.querySelector('sb-confirm-dialog')!;
    await confirm.updateComplete;
    expect(dialog(el).textContent).to.contain('Deactivate Ana Lima?');
    expect(confirm.textContent).to.contain('signed out everywhere at once').and.contain('go back to the head of their queues').and.contain('History keeps their name');
    await expect(el).to.be.accessible();
    dialog(el).querySelector<HTMLButtonElement>('button[value=cancel]')!.click();
    await oneEvent(confirm, 'sb-dialog-close');
    expect(deactivated).to.equal(0);
    expect(el.shadowRoot!.activeElement, 'focus goes back to the button that opened the dialog').to.equal(opener);

    button(el, 'Deactivate Ana Lima').click();
    await el.updateComplete;
    await confirm.updateComplete;
    setTimeout(() => dialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click());
    expect(((await oneEvent(el, 'sb-team-deactivate')) as CustomEvent).detail).to.deep.equal({ id: 'ana' });
  });

  it('resets a password by a link, or by a temporary password when the admin chooses it', async () => {
    const el = await fixture<SbTeamList>(html`<sb-team-list .members=${members} selfId="root"></sb-team-list>`);
    button(el, 'Reset password of Ivo Petrov').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name=reset-method][value=temporary]')!.click();
    setTimeout(() => dialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click());
    expect(((await oneEvent(el, 'sb-team-reset')) as CustomEvent).detail).to.deep.equal({ id: 'ivo', method: 'temporary' });

    button(el, 'Reset password of Ana Lima').click();
    await el.updateComplete;
    setTimeout(() => dialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click());
    expect(((await oneEvent(el, 'sb-team-reset')) as CustomEvent).detail).to.deep.equal({ id: 'ana', method: 'link' });
  });
});
