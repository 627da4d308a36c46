/** What a page reported with a tracked event, as one line for agents. */

/** A tracked event's properties on one line, in the order the page gave them: `plan: pro, seats: 3`. */
export function describeProperties(properties: Record<string, string | number | boolean>): string {
  return Object.entries(properties)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}
