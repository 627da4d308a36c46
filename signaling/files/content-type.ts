/**
 * What a shared file really is, read from its bytes with file-type (magic numbers), never from
 * its name or the type the browser claimed: a page renamed `photo.png` is still a page, and is refused.
 */
import { fileTypeFromBuffer } from 'file-type';
import { NEVER_ACCEPTED_TYPES } from '../protocol/attachments.js';

/** Markup a browser could treat as a document (HTML, SVG, XML) near the start of "text". */
const MARKUP = /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|link|style|img|a\s)/i;

/**
 * The type read from the bytes, or undefined when they are none we can name. Plain text is text
 * only when it decodes as UTF-8 without control bytes and carries no markup; `name` only tells
 * CSV from plain text among texts, never makes anything text.
 */
export async function sniffContentType(bytes: Uint8Array, name: string): Promise<string | undefined> {
  if (bytes.byteLength === 0) return undefined;
  const found = await fileTypeFromBuffer(bytes);
  if (found) return found.mime;
  const text = decodeText(bytes);
  if (text === undefined || MARKUP.test(text.slice(0, 4096))) return undefined;
  return /\.csv$/i.test(name) ? 'text/csv' : 'text/plain';
}

/** Whether a site's list admits a type; markup and script never pass, whatever the list says. */
export function typeAllowed(mimeType: string | undefined, allowed: readonly string[]): mimeType is string {
  return mimeType !== undefined && !NEVER_ACCEPTED_TYPES.includes(mimeType) && allowed.includes(mimeType);
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Tabs, line breaks and form feeds are text; other control bytes mean a binary format.
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}
