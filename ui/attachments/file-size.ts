/** A file's size in the reader's language: "12 kB", "3.4 MB". */
export function formatFileSize(bytes: number, locale: string): string {
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(mega ? bytes / 1_000_000 : Math.max(0.1, bytes / 1000));
}
