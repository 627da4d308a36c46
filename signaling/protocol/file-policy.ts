/**
 * A site's policy for shared files: the largest file and the types (read from the bytes) it
 * accepts, chosen by admins from a known list. REST shape, validated by the server; the apps
 * import the types and the bounds only.
 */
import { z } from 'zod';
import { DEFAULT_ATTACHMENT_TYPES } from './attachments.js';

/** A limit below 1 KB refuses every real file; above 100 MB, one upload fills memory and the mail relay. */
export const MIN_FILE_LIMIT_BYTES = 1024;
export const MAX_FILE_LIMIT_BYTES = 100 * 1024 * 1024;

/**
 * Every type an admin may allow: the defaults and a few more that file-type recognises from the
 * bytes. Markup and script (HTML, SVG, XML, JavaScript) are absent: no site can allow them.
 */
export const KNOWN_ATTACHMENT_TYPES = [
  ...DEFAULT_ATTACHMENT_TYPES,
  'image/avif',
  'image/heic',
  'image/bmp',
  'image/tiff',
  'application/zip',
  'application/rtf',
  'audio/mpeg',
  'audio/ogg',
  'audio/wav',
  'video/mp4',
  'video/webm',
] as const;

export const filePolicySchema = z
  .object({
    /** The largest file a visitor, an agent, a mail or a channel may share, in bytes. */
    maxBytes: z
      .number()
      .int('a whole number of bytes')
      .min(MIN_FILE_LIMIT_BYTES, `the limit is at least ${MIN_FILE_LIMIT_BYTES} bytes (1 KB)`)
      .max(MAX_FILE_LIMIT_BYTES, `the limit is at most ${MAX_FILE_LIMIT_BYTES} bytes (100 MB)`),
    /** The types accepted, read from each file's bytes; at least one. */
    types: z
      .array(z.string().refine((type) => (KNOWN_ATTACHMENT_TYPES as readonly string[]).includes(type), { message: 'not a type Switchboard can check from the bytes' }))
      .min(1, 'allow at least one type')
      .max(KNOWN_ATTACHMENT_TYPES.length)
      .refine((types) => new Set(types).size === types.length, 'each type once'),
  })
  .meta({ id: 'FilePolicy', examples: [{ maxBytes: 10485760, types: ['image/png', 'image/jpeg', 'application/pdf'] }] });
export type FilePolicy = z.infer<typeof filePolicySchema>;

/** How an admin recognises each known type: its format's own name or extensions, the same in every language. */
export const ATTACHMENT_TYPE_NAMES: Record<(typeof KNOWN_ATTACHMENT_TYPES)[number], string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'application/vnd.oasis.opendocument.text': '.odt',
  'application/vnd.oasis.opendocument.spreadsheet': '.ods',
  'application/vnd.oasis.opendocument.presentation': '.odp',
  'application/x-cfb': '.doc .xls .ppt',
  'image/avif': 'AVIF',
  'image/heic': 'HEIC',
  'image/bmp': 'BMP',
  'image/tiff': 'TIFF',
  'application/zip': '.zip',
  'application/rtf': '.rtf',
  'audio/mpeg': 'MP3',
  'audio/ogg': 'Ogg',
  'audio/wav': 'WAV',
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
};
