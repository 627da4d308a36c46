/** Under an ended conversation: ask to delete it (with a confirmation), then what became of the request. */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, Translate } from '../i18n/en.js';
import type { DeletionOutcome } from './deletion-request.js';

const DELETION_TEXT: Record<DeletionOutcome['status'], MessageKey> = {
  pending: 'deletionPending',
  approved: 'deletionDone',
  erased: 'deletionDone',
  rejected: 'deletionRejected',
  failed: 'deletionFailed',
};

export interface DeletionFooterContext {
  t: Translate;
  /** The answer to a request about this conversation, if the visitor asked. */
  outcome: DeletionOutcome | undefined;
  confirming: boolean;
  setConfirming(confirming: boolean): void;
  /** The visitor confirmed: fire sb-delete-conversation. */
  confirm(): void;
}

/** Once erased (or approved), the conversation's messages leave the screen too. */
export const isErased = (outcome: DeletionOutcome | undefined): boolean => outcome?.status === 'erased' || outcome?.status === 'approved';

export function renderDeletionFooter({ t, outcome, confirming, setConfirming, confirm }: DeletionFooterContext): TemplateResult {
  if (outcome && outcome.status !== 'failed') return html`<span class="deletion" role="status">${t(DELETION_TEXT[outcome.status])}</span>`;
  return html`<div class="footer deletion">
    ${outcome ? html`<span role="alert">${t('deletionFailed')}</span>` : nothing}
    ${confirming
      ? html`<span id="sb-delete-q">${t('deleteConfirm')}</span>
          <button class="secondary" type="button" aria-describedby="sb-delete-q" @click=${() => {
            setConfirming(false);
            confirm();
          }}>${t('deleteConfirmYes')}</button>
          <button class="secondary" type="button" @click=${() => setConfirming(false)}>${t('deleteConfirmNo')}</button>`
      : html`<button class="secondary" type="button" @click=${() => setConfirming(true)}>${t('deleteConversation')}</button>`}
  </div>`;
}
