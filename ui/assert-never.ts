/**
 * The exhaustiveness check that ends every switch over a union: the compiler refuses the call
 * while a member is left unhandled, and at run time a value outside the union throws instead of
 * being silently ignored.
 *
 * @example
 * switch (frame.type) {
 *   case 'welcome': return welcomed(frame);
 *   // ...one case per member...
 *   default: return assertNever(frame);
 * }
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
