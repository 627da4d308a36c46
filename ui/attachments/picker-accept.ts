/**
 * A file picker's `accept` for the types a site takes: browsers match office documents by their
 * extensions rather than their long MIME types, so those go as extensions. The server still reads
 * each file's type from its bytes; this only spares a visitor choosing what would be refused.
 */

const BY_EXTENSION: Record<string, string> = {
  'text/plain': 'text/plain,.txt',
  'text/csv': 'text/csv,.csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'application/vnd.oasis.opendocument.text': '.odt',
  'application/vnd.oasis.opendocument.spreadsheet': '.ods',
  'application/vnd.oasis.opendocument.presentation': '.odp',
  'application/x-cfb': '.doc,.xls,.ppt',
  'application/zip': 'application/zip,.zip',
  'application/rtf': 'application/rtf,.rtf',
  'image/heic': 'image/heic,.heic',
};

/** @example pickerAccept(['image/png', 'application/x-cfb']) // → 'image/png,.doc,.xls,.ppt' */
export function pickerAccept(types: readonly string[]): string {
  return types.map((type) => BY_EXTENSION[type] ?? type).join(',');
}
