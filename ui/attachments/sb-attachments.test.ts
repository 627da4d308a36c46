import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AttachmentRef } from '../../signaling/protocol/attachments.js';
import './sb-attachments.js';
import type { SbAttachments } from './sb-attachments.js';

// A 1×1 PNG, as the signed link would serve it.
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const picture: AttachmentRef = { id: 'p1', name: 'pole.png', mimeType: 'image/png', size: 2048 };
const pdf: AttachmentRef = { id: 'd1', name: 'receipt.pdf', mimeType: 'application/pdf', size: 1_500_000 };
const words: Record<string, string> = { open: 'Open picture {name} ({size})', download: 'Download {name} ({size})', close: 'Close', viewer: 'Picture', unavailable: 'Gone' };
const label = (key: string, params: Record<string, string> = {}) => words[key]!.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? '');

describe('sb-attachments', () => {
  it('shows a picture as a thumbnail that opens a viewer with focus on Close, and closes', async () => {
    const el = await fixture<SbAttachments>(html`<sb-attachments .files=${[picture, pdf]} .linkFor=${async () => PIXEL} .label=${label} .locale=${'en'}></sb-attachments>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.thumb img'));
    const thumb = el.shadowRoot!.querySelector<HTMLButtonElement>('.thumb')!;
    expect(thumb.getAttribute('aria-label')).to.equal('Open picture pole.png (2 kB)');
    // A file that is not a picture is a download, named with its size.
    expect(el.shadowRoot!.querySelector('.file')!.textContent).to.contain('Download receipt.pdf (1.5 MB)');

    thumb.focus();
    thumb.click();
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog.open);
    expect(dialog.getAttribute('aria-label')).to.equal('Picture');
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Close');
    // Escape is the browser's own for a modal dialog (the end-to-end test presses it); Close does the same.
    (el.shadowRoot!.activeElement as HTMLButtonElement).click();
    await waitUntil(() => !dialog.open);
  });
});
