/** The exhaustiveness check every switch over a union ends with: adding a member the switch forgets fails to compile. */

/**
 * @example
 * switch (frame.type) {
 *   case 'a': return 1;
 *   case 'b': return 2;
 *   default: return assertNever(frame);
 * }
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
