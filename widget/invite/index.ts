/**
 * The invitation chunk, loaded by the loader from /widget/invite.js only on sites that set
 * `data-invitations="true"`: proactive invitations beside the launcher (issue 19).
 */
export { watchInvitations as default } from './watch-invitations.js';
