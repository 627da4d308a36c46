import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define.js';
import type { SbLoginLimits } from './sb-login-limits.js';

describe('<sb-login-limits>', () => {
  it('lists the sign-in limits in force and clears one', async () => {
    const limits = [
      { kind: 'pair' as const, email: 'ana@example.com', address: '203.0.113.9', failures: 5, blockedUntil: Date.now() + 900_000 },
      { kind: 'account' as const, email: 'ben@example.com', failures: 23 },
    ];
    const el = await fixture<SbLoginLimits>(html`<sb-login-limits .limits=${limits}></sb-login-limits>`);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(rows[0]).to.contain('Account from an address').and.contain('ana@example.com').and.contain('203.0.113.9');
    expect(rows[1]).to.contain('slowed down, not blocked').and.contain('23');
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Clear the limit for ana@example.com, 203.0.113.9"]')!.click());
    expect(((await oneEvent(el, 'sb-limit-clear')) as CustomEvent).detail).to.deep.equal({ email: 'ana@example.com', address: '203.0.113.9' });
    await expect(el).to.be.accessible();
  });

  it('says when there are none, and reads them again on Refresh', async () => {
    const el = await fixture<SbLoginLimits>(html`<sb-login-limits></sb-login-limits>`);
    expect(el.shadowRoot!.textContent).to.contain('No sign-in limits in force.');
    setTimeout(() => el.shadowRoot!.querySelector('button')!.click());
    await oneEvent(el, 'sb-limits-refresh');
    await expect(el).to.be.accessible();
  });
});
