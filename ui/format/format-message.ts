/** Fills a message template's `{name}` placeholders, as both apps' catalogues write them. */

/**
 * Replaces each `{name}` in `template` with `params.name`; a placeholder without a value stays
 * as written, so a missing parameter shows on screen instead of vanishing.
 *
 * @example
 * formatMessage('On a call with {name}', { name: 'Ana' }); // 'On a call with Ana'
 */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
