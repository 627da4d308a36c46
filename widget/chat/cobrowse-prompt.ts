/** The panel's co-browse line: the agent's request to see the page, the sharing line with Stop, or the offer to share. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/en.js';
import type { ChatState } from './chat-session.js';

export interface CobrowsePromptContext {
  t: Translate;
  /** The conversation's agent, or the fallback name. */
  agentName: string;
  /** Whether the visitor may offer to share (co-browsing is on for this site). */
  canOffer: boolean;
  /** Fires one of the panel's events: sb-cobrowse-accept, sb-cobrowse-decline, sb-cobrowse-stop. */
  fire: (name: 'sb-cobrowse-accept' | 'sb-cobrowse-decline' | 'sb-cobrowse-stop') => void;
}

/** Only in an active conversation with the connection open: sharing needs an agent on the other end. */
export function renderCobrowsePrompt({ conversation, cobrowse, connection }: ChatState, { t, agentName, canOffer, fire }: CobrowsePromptContext): TemplateResult | typeof nothing {
  if (!conversation || conversation.status !== 'active' || connection !== 'open') return nothing;
  const session = cobrowse?.conversationId === conversation.id && cobrowse.phase !== 'ended' ? cobrowse : undefined;
  const name = session?.agent.name ?? agentName;
  if (session?.phase === 'requested') {
    return html`<div class="cobrowse ask" part="cobrowse" role="group" aria-labelledby="sb-cobrowse-q">
      <p id="sb-cobrowse-q">${t('cobrowseAsk', { name })}</p>
      <div class="cobrowse-actions">
        <button class="primary" type="button" @click=${() => fire('sb-cobrowse-accept')}>${t('cobrowseAccept')}</button>
        <button class="secondary" type="button" @click=${() => fire('sb-cobrowse-decline')}>${t('cobrowseDecline')}</button>
      </div>
    </div>`;
  }
  if (session?.phase === 'active') {
    return html`<div class="cobrowse" part="cobrowse">
      <span>${t('cobrowseSharingShort')}</span>
      <button class="secondary" type="button" @click=${() => fire('sb-cobrowse-stop')}>${t('cobrowseStop')}</button>
    </div>`;
  }
  return canOffer ? html`<div class="cobrowse" part="cobrowse"><button class="secondary" type="button" @click=${() => fire('sb-cobrowse-accept')}>${t('cobrowseOffer', { name })}</button></div>` : nothing;
}
