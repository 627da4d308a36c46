/** Dates and times as the account and team screens show them, in the browser's own conventions. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment (ms since the epoch) as a date and time, e.g. "3 Mar 2026, 14:05". */
export const formatDateTime = (at: number) => dateTime.format(new Date(at));
