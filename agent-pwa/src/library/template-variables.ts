/** The variables a canned reply's or a spoken voice reply's text may use, as the hints show them. */

const VARIABLES = ['{{customer.name}}', '{{customer.first_name}}', '{{customer.email}}', '{{agent.name}}', '{{agent.first_name}}'];

/** An example with a fallback, for when the customer's first name is not known. */
export const FALLBACK_EXAMPLE = ltr('{{customer.first_name | there}}');

/**
 * Keeps a variable left to right inside a sentence of either direction (Unicode isolates): in
 * an Arabic hint, `{{customer.name}}` would otherwise show its braces and dots mirrored about.
 */
export function ltr(code: string): string {
  return `\u2066${code}\u2069`;
}

/** The variables listed the way the app's language lists things ("a, b and c"; "a وb وc"; "a、b和c"). */
export function variableList(locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(VARIABLES.map(ltr));
}
