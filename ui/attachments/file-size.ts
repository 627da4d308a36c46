/** A file's size in the reader's language: "12 kB", "3.4 MB". */
export function formatFileSize(bytes: number, locale: string): string {
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(mega ? bytes / 1_000_000 : Math.max(0.1, bytes / 1000));
}

/**
 * A size limit in the reader's language, in the binary units admins set it in: 10 MiB reads
 * "10 MB" (not the 10.5 that decimal units would show), 512 KiB "512 kB".
 */
export function formatFileLimit(bytes: number, locale: string): string {
  const mega = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(mega ? bytes / (1024 * 1024) : bytes / 1024);
}
