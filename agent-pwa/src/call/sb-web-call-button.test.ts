import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './sb-web-call-button.js';
import type { SbWebCallButton } from './sb-web-call-button.js';

/** Answers the availability route as the server would, for this test only. */
function serve(answer: unknown, status = 200): () => void {
  const real = window.fetch;
  window.fetch = async () => new Response(JSON.stringify(answer), { status, headers: { 'Content-Type': 'application/json' } });
  return () => (window.fetch = real);
}

describe('<sb-web-call-button>', () => {
  it('is disabled with the reason when the visitor is not on the site', async () => {
    const restore = serve({ available: false, reason: 'not-connected' });
    try {
      const el = await fixture<SbWebCallButton>(html`<sb-web-call-button .conversationId=${'c1'}></sb-web-call-button>`);
      await waitUntil(() => el.availability !== undefined);
      await el.updateComplete;
      const button = el.shadowRoot!.querySelector('button')!;
      expect(button.textContent).to.equal('Call in browser');
      expect(button.disabled).to.equal(true);
      expect(el.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!.textContent).to.equal('The visitor is not on the site right now.');
    } finally {
      restore();
    }
  });

  it('is enabled when the visitor can be called, and hides while a call is on', async () => {
    const restore = serve({ available: true });
    try {
      const el = await fixture<SbWebCallButton>(html`<sb-web-call-button .conversationId=${'c1'}></sb-web-call-button>`);
      await waitUntil(() => el.availability !== undefined);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button')!.disabled).to.equal(false);
      el.inCall = true;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    } finally {
      restore();
    }
  });
});
