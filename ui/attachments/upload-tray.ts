/** The files being sent, under the composer: progress while uploading, and Retry or Remove when one failed. */
import { html, nothing } from 'lit';
import type { PendingUpload } from './uploads-controller.js';

export type TrayLabel = 'uploading' | 'failed' | 'retry' | 'remove';

export interface TrayContext {
  uploads: readonly PendingUpload[];
  /** The words: `uploading`/`retry`/`remove` take `{ name }`; `failed` takes `{ name, reason }` with the reason already in words. */
  label: (key: TrayLabel, params: Record<string, string>) => string;
  /** The reason's words (`file-too-large`, `file-type-not-allowed`, `rate-limited`, `network`). */
  reason: (reason: string) => string;
  retry: (key: number) => void;
  remove: (key: number) => void;
}

export function renderUploadTray({ uploads, label, reason, retry, remove }: TrayContext) {
  if (!uploads.length) return nothing;
  return html`<ul class="uploads" aria-live="polite">
    ${uploads.map((u) =>
      u.status === 'uploading'
        ? html`<li><span dir="auto">${label('uploading', { name: u.file.name })}</span> <progress max="1" .value=${u.progress} aria-label=${label('uploading', { name: u.file.name })}></progress></li>`
        : html`<li class="failed" role="alert"><span dir="auto">${label('failed', { name: u.file.name, reason: reason(u.reason ?? 'network') })}</span>
            <button type="button" class="secondary" title=${label('retry', { name: u.file.name })} aria-label=${label('retry', { name: u.file.name })} @click=${() => retry(u.key)}>↻</button>
            <button type="button" class="secondary" title=${label('remove', { name: u.file.name })} aria-label=${label('remove', { name: u.file.name })} @click=${() => remove(u.key)}>×</button></li>`,
    )}
  </ul>`;
}

/** What a file picker accepts, as the input's `accept` (the server checks the bytes anyway). */
export const PICKER_ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,text/csv,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';
