/** At the end of a conversation: download its transcript, or have it e-mailed (files as links). */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/en.js';

/** Where the visitor is with the transcript: nothing asked yet, typing an address, mailed, or refused. */
export type TranscriptStep = { step: 'idle' } | { step: 'asking' } | { step: 'sent'; email: string } | { step: 'failed' };

export interface TranscriptFooterContext {
  t: Translate;
  state: TranscriptStep;
  /** The address the visitor gave before (identify, or the chat's form), to start from. */
  knownEmail: string | undefined;
  setState: (state: TranscriptStep) => void;
  download: () => void;
  mail: (email: string) => void;
}

export function renderTranscriptFooter({ t, state, knownEmail, setState, download, mail }: TranscriptFooterContext): TemplateResult {
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('transcript-email') as HTMLInputElement;
    if (input.reportValidity()) mail(input.value.trim());
  };
  return html`<div class="transcript" role="group" aria-label=${t('transcriptGroup')}>
    <button class="secondary" type="button" @click=${download}>${t('transcriptDownload')}</button>
    ${state.step === 'asking' || state.step === 'failed'
      ? html`<form class="transcript-form" @submit=${onSubmit}>
          <label for="sb-transcript-email">${t('transcriptEmailLabel')}</label>
          <input id="sb-transcript-email" name="transcript-email" type="email" required autocomplete="email" .value=${knownEmail ?? ''} />
          <button class="secondary" type="submit">${t('transcriptSend')}</button>
        </form>`
      : state.step === 'sent'
        ? nothing
        : html`<button class="secondary" type="button" @click=${() => setState({ step: 'asking' })}>${t('transcriptEmail')}</button>`}
    ${state.step === 'sent' ? html`<span role="status">${t('transcriptSent', { email: state.email })}</span>` : nothing}
    ${state.step === 'failed' ? html`<span role="alert" class="error">${t('transcriptFailed')}</span>` : nothing}
  </div>`;
}
