/**
 * The exhaustiveness check that ends every switch over a union, shared with the server: see
 * signaling/protocol/assert-never.ts. The compiler refuses the call while a member is left
 * unhandled, and at run time a value outside the union throws instead of being ignored.
 */
export { assertNever } from '../signaling/protocol/assert-never.js';
