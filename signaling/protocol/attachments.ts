/** Files shared in a conversation: what a message carries about each, and the defaults a site may change. */

/** A file attached to a message: enough to show it; its bytes come through a signed link. */
export interface AttachmentRef {
  id: string;
  /** The name it was uploaded with (shown, and offered when saving; never trusted for its type). */
  name: string;
  /** The type read from its bytes. */
  mimeType: string;
  size: number;
}

/** A short-lived address of a file's bytes, for whoever asked for it. */
export interface FileLink {
  url: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** At most this many files in one message. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** 10 MB, unless the site sets ATTACHMENT_MAX_BYTES. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Raster images a browser may show inline from our origin: their formats cannot carry script.
 * SVG is deliberately absent: it is a document that can run script, so it is only ever a download.
 */
export const INLINE_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** What a site accepts unless it sets ATTACHMENT_TYPES: images, PDF, plain text and common office documents. */
export const DEFAULT_ATTACHMENT_TYPES: readonly string[] = [
  ...INLINE_IMAGE_TYPES,
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  // Word 97-2003, Excel and PowerPoint files: one container format, told apart by extension.
  'application/x-cfb',
];

/** Types never accepted, whatever a site's list says: documents a browser would run script in. */
export const NEVER_ACCEPTED_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml', 'image/svg+xml', 'application/xml', 'text/xml', 'application/javascript', 'text/javascript'];

/** Whether the browser may show this type inline (a thumbnail) rather than only download it. */
export const isInlineImage = (mimeType: string): boolean => INLINE_IMAGE_TYPES.includes(mimeType);
