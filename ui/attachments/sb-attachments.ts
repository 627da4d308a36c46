/**
 * The files of one message: pictures as thumbnails that open in a viewer (a modal dialog: Escape
 * or Close returns to the chat), other files as download buttons. Links are asked for when shown,
 * because they are signed and short-lived; an expired thumbnail asks again.
 */
import { css, html, LitElement, nothing } from 'lit';
import { isInlineImage, type AttachmentRef } from '../../signaling/protocol/attachments.js';
import { defineElement } from '../define-element.js';
import { formatFileSize } from './file-size.js';
import { paperclipIcon } from './paperclip-icon.js';

export type AttachmentLabel = 'open' | 'download' | 'close' | 'viewer' | 'unavailable';

/**
 * @csspart thumbnail - a picture's thumbnail button. @csspart file - a file's download button.
 */
export class SbAttachments extends LitElement {
  static override properties = {
    files: { attribute: false },
    linkFor: { attribute: false },
    label: { attribute: false },
    locale: { attribute: false },
    urls: { state: true },
    viewing: { state: true },
  };

  static override styles = css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
    button { font: inherit; cursor: pointer; border-radius: 0.5rem; }
    .thumb { padding: 0; border: 1px solid rgb(0 0 0 / 0.15); background: none; inline-size: 7.5rem; block-size: 5.5rem; overflow: hidden; }
    .thumb img { inline-size: 100%; block-size: 100%; object-fit: cover; display: block; }
    .file { border: 1px solid rgb(0 0 0 / 0.2); background: rgb(255 255 255 / 0.85); color: #1a1a1a; padding-block: 0.35rem; padding-inline: 0.6rem; text-align: start; overflow-wrap: anywhere; }
    button:focus-visible { outline: 3px solid var(--sb-accent, #2563eb); outline-offset: 2px; }
    dialog { max-inline-size: min(92vw, 60rem); max-block-size: 92vh; padding: 0.5rem; border: none; border-radius: 0.75rem; }
    dialog::backdrop { background: rgb(0 0 0 / 0.7); }
    dialog img { display: block; max-inline-size: 100%; max-block-size: calc(92vh - 4rem); margin-inline: auto; }
    .bar { display: flex; justify-content: space-between; align-items: center; gap: 1rem; margin-block-end: 0.4rem; }
    .bar span { overflow-wrap: anywhere; }
  `;

  declare files: readonly AttachmentRef[];
  /** A fresh signed link (absolute URL) to a file. */
  declare linkFor: ((fileId: string) => Promise<string>) | undefined;
  /** The words, from the app's catalogue: `open`/`download` take `{ name, size }`. */
  declare label: (key: AttachmentLabel, params?: Record<string, string>) => string;
  declare locale: string;
  declare urls: Record<string, string | null>;
  declare viewing: AttachmentRef | undefined;

  constructor() {
    super();
    this.files = [];
    this.label = (key) => key;
    this.locale = 'en';
    this.urls = {};
  }

  protected override willUpdate(): void {
    for (const f of this.files) if (isInlineImage(f.mimeType) && !(f.id in this.urls)) void this.load(f.id);
  }

  private async load(fileId: string): Promise<void> {
    this.urls = { ...this.urls, [fileId]: null };
    try {
      const url = await this.linkFor?.(fileId);
      if (url) this.urls = { ...this.urls, [fileId]: url };
    } catch {
      // no link: the thumbnail stays a named button, and opening it asks again
    }
  }

  override render() {
    if (!this.files.length) return nothing;
    return html`<ul>
        ${this.files.map((f) => {
          const params = { name: f.name, size: formatFileSize(f.size, this.locale) };
          if (isInlineImage(f.mimeType)) {
            const url = this.urls[f.id];
            return html`<li><button type="button" class="thumb" part="thumbnail" aria-label=${this.label('open', params)} @click=${() => this.openViewer(f)}>
              ${url ? html`<img src=${url} alt="" @error=${() => this.expired(f.id)} />` : html`<span>${f.name}</span>`}
            </button></li>`;
          }
          return html`<li><button type="button" class="file" part="file" @click=${() => this.download(f)}>${paperclipIcon} ${this.label('download', params)}</button></li>`;
        })}
      </ul>
      <dialog aria-label=${this.label('viewer')} @close=${() => (this.viewing = undefined)}>
        ${this.viewing
          ? html`<div class="bar"><span dir="auto">${this.viewing.name}</span><button type="button" @click=${this.closeViewer}>${this.label('close')}</button></div>
              ${this.urls[this.viewing.id] ? html`<img src=${this.urls[this.viewing.id]!} alt=${this.viewing.name} />` : html`<p>${this.label('unavailable')}</p>`}`
          : nothing}
      </dialog>`;
  }

  private async openViewer(f: AttachmentRef): Promise<void> {
    if (!this.urls[f.id]) await this.load(f.id);
    this.viewing = f;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector('button')?.focus();
  }

  private closeViewer(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  /** A thumbnail whose link lapsed: ask for a new one (once per failure). */
  private expired(fileId: string): void {
    const { [fileId]: _, ...rest } = this.urls;
    this.urls = rest;
  }

  private async download(f: AttachmentRef): Promise<void> {
    const url = await this.linkFor?.(f.id).catch(() => undefined);
    if (!url) return;
    // The server answers with Content-Disposition: attachment, so this saves rather than navigates.
    const a = document.createElement('a');
    a.href = url;
    a.download = f.name;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  }
}

defineElement('sb-attachments', SbAttachments);

declare global {
  interface HTMLElementTagNameMap {
    'sb-attachments': SbAttachments;
  }
}
