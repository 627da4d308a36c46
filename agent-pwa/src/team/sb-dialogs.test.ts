import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { SbConfirmDialog } from './sb-confirm-dialog.js';
import type { SbSecretDialog } from './sb-secret-dialog.js';

describe('<sb-confirm-dialog>', () => {
  it('is a modal dialog that Escape cancels, giving focus back to what opened it', async () => {
    const host = await fixture<HTMLDivElement>(html`<div>
      <button>Open</button>
      <sb-confirm-dialog heading="Deactivate Ana?" confirmLabel="Deactivate" danger><p>She is signed out at once.</p></sb-confirm-dialog>
    </div>`);
    const opener = host.querySelector('button')!;
    const el = host.querySelector<SbConfirmDialog>('sb-confirm-dialog')!;
    opener.focus();
    el.open = true;
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.activeElement!.textContent, 'Cancel has focus first').to.equal('Cancel');
    await expect(el).to.be.accessible();
    setTimeout(() => dialog.dispatchEvent(new Event('cancel')) && dialog.close());
    expect(((await oneEvent(el, 'sb-dialog-close')) as CustomEvent).detail).to.deep.equal({ confirmed: false });
    expect(document.activeElement).to.equal(opener);
  });

  it('reports a confirmation', async () => {
    const el = await fixture<SbConfirmDialog>(html`<sb-confirm-dialog open heading="Reset?" confirmLabel="Reset password"></sb-confirm-dialog>`);
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button[value=confirm]')!.click());
    expect(((await oneEvent(el, 'sb-dialog-close')) as CustomEvent).detail).to.deep.equal({ confirmed: true });
    expect(el.open).to.equal(false);
  });
});

describe('<sb-secret-dialog>', () => {
  const secret = { kind: 'invitation' as const, name: 'Dana', value: 'http://localhost/agent/#/invite/abcdefghijklmnopqrstuvwxyz', expiresAt: Date.now() + 7 * 86_400_000 };

  it('shows an invitation link once, selected for copying, saying it will not be shown again', async () => {
    const el = await fixture<SbSecretDialog>(html`<sb-secret-dialog .secret=${secret}></sb-secret-dialog>`);
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Invitation link for Dana');
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.value).to.equal(secret.value);
    expect(input.readOnly).to.equal(true);
    expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, secret.value.length]);
    expect(el.shadowRoot!.getElementById('secret-warning')!.textContent).to.contain('It will not be shown again.');
    await expect(el).to.be.accessible();
  });

  // The test browser grants no clipboard permission, so Copy takes its fallback here; the team
  // end-to-end test grants it and pastes the copied invitation link into another browser.
  it('leaves the secret selected for Ctrl+C where the browser does not allow copying', async () => {
    const el = await fixture<SbSecretDialog>(html`<sb-secret-dialog .secret=${{ kind: 'temporary-password', name: 'Ivo', value: 'abcd-efgh-jkmn-pqrs' }}></sb-secret-dialog>`);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Temporary password for Ivo');
    const input = el.shadowRoot!.querySelector('input')!;
    input.setSelectionRange(0, 0);
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    const said = new Promise<void>((resolve) => new MutationObserver((_, observer) => (observer.disconnect(), resolve())).observe(status, { childList: true, subtree: true, characterData: true }));
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Copy')!.click();
    await said;
    expect(status.textContent).to.contain('press Ctrl+C');
    expect(input.value.slice(input.selectionStart!, input.selectionEnd!)).to.equal('abcd-efgh-jkmn-pqrs');
  });

  it('forgets the secret when closed', async () => {
    const el = await fixture<SbSecretDialog>(html`<sb-secret-dialog .secret=${secret}></sb-secret-dialog>`);
    setTimeout(() => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Done')!.click());
    await oneEvent(el, 'sb-secret-close');
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
  });
});
