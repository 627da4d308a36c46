/**
 * The call chunk: PeerJS and the call client, loaded only when a visitor presses Call (or
 * comes back to a page with a call in progress). A visitor who never calls downloads none of it.
 */
export { CallClient } from '../../ui/call/call-client.js';
