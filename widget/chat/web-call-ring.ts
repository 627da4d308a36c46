/**
 * An agent calling the visitor in the browser: the ring dialog ("Ana from Northwind is calling",
 * Accept / Decline) and the visitor's setting that turns such calls off.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/en.js';
import type { ChatState } from './chat-state.js';

export interface WebCallRingContext {
  t: Translate;
  /** The site's company name: `data-company` on the script tag, or the site's own name. */
  company: string;
  /** Fires sb-web-call-answer with `{ conversationId, accept }`. */
  answer: (conversationId: string, accept: boolean) => void;
}

/**
 * An alert dialog inside the panel: it takes the focus when it appears (see the panel's
 * `updated`), Escape declines, and Tab stays between its two buttons.
 */
export function renderWebCallRing({ ring }: ChatState, { t, company, answer }: WebCallRingContext): TemplateResult | typeof nothing {
  if (!ring) return nothing;
  const decline = () => answer(ring.conversationId, false);
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      decline();
    }
  };
  return html`<div class="web-call-ring" part="web-call-ring" role="alertdialog" aria-modal="false" aria-labelledby="sb-ring-title" aria-describedby="sb-ring-hint" @keydown=${keys}>
    <p id="sb-ring-title" class="ring-title">${t('webCallRinging', { name: ring.agentName, company })}</p>
    <p id="sb-ring-hint" class="ring-hint">${t('webCallRingingHint')}</p>
    <div class="cobrowse-actions">
      <button class="primary" type="button" data-ring-accept @click=${() => answer(ring.conversationId, true)}>${t('webCallAccept')}</button>
      <button class="secondary" type="button" @click=${decline}>${t('webCallDecline')}</button>
    </div>
  </div>`;
}

/** The visitor's setting: may agents call them here? Shown while a conversation is open. */
export function renderWebCallSetting({ conversation, webCallsOff, connection }: ChatState, t: Translate, change: (off: boolean) => void): TemplateResult | typeof nothing {
  if (!conversation || conversation.status === 'ended' || connection !== 'open') return nothing;
  return html`<label class="web-call-setting" part="web-call-setting">
    <input type="checkbox" .checked=${!webCallsOff} @change=${(e: Event) => change(!(e.target as HTMLInputElement).checked)} />
    ${t('webCallAllow')}
  </label>`;
}
