/** A person-readable browser and system from a user-agent string ("Firefox on Windows"); undefined when unknown. */
export function browserSummary(userAgent: string | undefined): { browser?: string; os?: string } {
  if (!userAgent) return {};
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : undefined;
  const os = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : undefined;
  return { ...(browser ? { browser } : {}), ...(os ? { os } : {}) };
}

/** The customer's wall-clock time now, in their time zone ("14:05, Tue"), written for `locale` (the app's language). */
export function localTimeIn(timeZone: string | undefined, now = Date.now(), locale?: string): string | undefined {
  if (!timeZone) return undefined;
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(now);
  } catch {
    return undefined;
  }
}
