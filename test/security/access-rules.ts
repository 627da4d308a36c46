/**
 * Who may use each route, declared once per route (method and pattern, as `app.routes` lists
 * them): for every role, `ok` or the refusal it gets. The access matrix fails for a route that
 * is not declared here, so a new route is one line: its pattern, who may use it, and what to send.
 * Objects named in a target belong to someone (see access-world.ts): "visitor" owns them, "party"
 * is the agent they are assigned to (or who owns them), the other roles are strangers to them.
 */
import type { AgentFrame, VisitorFrame } from '../../signaling/protocol/client-frames.js';
import type { Outcome, Target } from './access-probes.js';
import { tryAgentSocket, tryCobrowseRoom, tryPeerId, tryVisitorSocket } from './access-probes.js';
import { MATRIX_PNG, type Role, type World } from './access-world.js';

export type Expect = Record<Role, Outcome>;

export interface RouteRule {
  /** Who gets what; `same` for a public route that answers everyone alike. */
  expect: Expect | 'same';
  /** What to send; called once per route, or once per try with `fresh` (for requests that use an object up). */
  target?: (w: World) => Target | Promise<Target>;
  fresh?: boolean;
  /** The request ends the session it carries: agents send it with a session of its own. */
  ownSession?: boolean;
  /** For WebSocket routes: how a role tries it. */
  probe?: (w: World, role: Role) => Promise<Outcome>;
}

const everyone = (outcome: Outcome): Expect => ({ nobody: outcome, visitor: outcome, otherVisitor: outcome, party: outcome, outsider: outcome, supervisor: outcome, admin: outcome });
const visitors = { nobody: 401, visitor: 'ok', otherVisitor: 'ok', party: 401, outsider: 401, supervisor: 401, admin: 401 } as const;
/** Visitors acting on their own things (by their token). */
const VISITOR_SELF: Expect = visitors;
/** A visitor's object: another visitor is told it does not exist. */
const VISITOR_OWNER: Expect = { ...visitors, otherVisitor: 404 };
/** Any signed-in agent. */
const SIGNED_IN: Expect = { nobody: 401, visitor: 401, otherVisitor: 401, party: 'ok', outsider: 'ok', supervisor: 'ok', admin: 'ok' };
/** Read by the party, supervisors and admins; an outsider is told it does not exist. */
const PARTY_READS: Expect = { ...SIGNED_IN, outsider: 404 };
/** Changed only by the party (their own conversation, reply or session). */
const PARTY_ONLY: Expect = { ...SIGNED_IN, outsider: 404, supervisor: 404, admin: 404 };
/** Needs read access to a stranger's customer too: supervisors and admins only. */
const STRANGER_TOO: Expect = { ...SIGNED_IN, party: 404, outsider: 404 };
const SUPERVISORS: Expect = { ...SIGNED_IN, party: 403, outsider: 403 };
const ADMINS: Expect = { ...SUPERVISORS, supervisor: 403 };

const id = (value: string) => ({ params: { id: value } });
const slot = async (w: World) => (await w.server.services.callbacks.queueStatus('quiet')).callbackSlots[0]!;
const strangerChannelMessage = { id: 'matrix-sms-1', from: { id: '+12025550190', phone: '+12025550190' }, text: 'hello' };

export const routeRules: Record<string, RouteRule> = {
  // The widget: visitor identities, the bot, contact options.
  'POST /api/visitors': { expect: everyone('ok'), target: () => ({ body: {} }) },
  'GET /api/visitors/queue-status': { expect: 'same', target: () => ({ query: { queue: 'support' } }) },
  'GET /api/visitors/articles': { expect: 'same', target: () => ({ query: { q: 'returns' } }) },
  'GET /api/visitors/invitations/match': { expect: 'same', target: () => ({ query: { path: '/pricing' } }) },
  'POST /api/visitors/invitations/:id/shown': { expect: 'same', target: () => ({ ...id('no-such-invitation'), body: { viewer: 'matrix-viewer' } }) },
  'POST /api/visitors/invitations/:id/opened': { expect: 'same', target: () => ({ ...id('no-such-invitation'), body: { viewer: 'matrix-viewer' } }) },
  'GET /api/visitors/articles/:id': { expect: 'same', target: (w) => id(w.article) },
  'POST /api/visitors/callbacks': { expect: VISITOR_SELF, target: async (w) => ({ body: { id: 'matrix-callback', phone: '+1 202 555 0103', when: await slot(w), queue: 'quiet' } }) },
  'GET /api/visitors/callbacks': { expect: VISITOR_SELF },
  'DELETE /api/visitors/callbacks/:id': { expect: VISITOR_OWNER, fresh: true, target: async (w) => id(await w.fresh.callback()) },
  'POST /api/visitors/messages': { expect: VISITOR_SELF, target: () => ({ body: { id: 'matrix-message', name: 'Matrix', email: 'matrix@example.test', message: 'hello', queue: 'quiet' } }) },

  // Signed machine intake: nobody's credentials are a channel's or the mail server's secret.
  'POST /api/channels/:id/messages': { expect: everyone(401), target: (w) => ({ ...id(w.channel), body: strangerChannelMessage }) },
  'POST /api/inbound/email': { expect: everyone(401), target: () => ({ raw: { contentType: 'message/rfc822', bytes: new TextEncoder().encode('From: a@example.test\r\nSubject: hi\r\n\r\nhello\r\n') } }) },

  // A conversation and its customer: the party, and supervisors and admins to monitor.
  'GET /api/conversations': { expect: SIGNED_IN },
  'GET /api/conversations/:id': { expect: PARTY_READS, target: (w) => id(w.chat) },
  'GET /api/conversations/:id/events': { expect: PARTY_READS, target: (w) => id(w.chat) },
  'GET /api/conversations/:id/suggestions': { expect: PARTY_READS, target: (w) => id(w.chat) },
  'GET /api/conversations/:id/customer': { expect: PARTY_READS, target: (w) => id(w.chat) },
  'GET /api/conversations/:id/customer/timeline': { expect: PARTY_READS, target: (w) => id(w.chat) },
  'POST /api/conversations/:id/customer/merge': { expect: STRANGER_TOO, fresh: true, target: async (w) => ({ ...id(w.chat), body: { customerId: await w.fresh.strangerCustomer() } }) },
  'POST /api/conversations/:id/customer/split': { expect: PARTY_READS, fresh: true, target: async (w) => ({ ...id(w.chat), body: { visitorId: await w.fresh.chatVisitor() } }) },
  'POST /api/conversations/:id/customer/matches/:matchId/link': { expect: PARTY_READS, fresh: true, target: async (w) => ({ params: { id: w.chat, matchId: await w.fresh.match() } }) },
  'POST /api/conversations/:id/customer/matches/:matchId/dismiss': { expect: PARTY_READS, fresh: true, target: async (w) => ({ params: { id: w.chat, matchId: await w.fresh.match() } }) },
  'PUT /api/conversations/:id/tags': { expect: PARTY_ONLY, target: (w) => ({ ...id(w.chat), body: { tags: ['matrix'] } }) },
  'POST /api/conversations/:id/escalate': { expect: PARTY_ONLY, fresh: true, target: async (w) => ({ ...id(await w.fresh.anaChat()), body: { reason: 'Needs a specialist' } }) },
  'GET /api/conversations/:id/web-call': { expect: PARTY_READS, target: (w) => id(w.chat) },
  // A fresh chat of Ana's whose visitor has no widget open: whoever may call gets as far as "not connected" (a ring would change things).
  'POST /api/conversations/:id/web-call': { expect: { ...PARTY_READS, party: 409, supervisor: 409, admin: 409 }, fresh: true, target: async (w) => id(await w.fresh.anaChat()) },
  'POST /api/conversations/:id/callback-outcome': { expect: PARTY_ONLY, target: (w) => ({ ...id(w.callbackCall), body: { outcome: 'reached' } }) },
  'POST /api/conversations/:id/recordings': { expect: PARTY_ONLY, target: (w) => ({ ...id(w.call), query: { durationMs: 1000 }, raw: { contentType: 'audio/webm', bytes: new Uint8Array([26, 69, 223, 163]) } }) },
  'GET /api/conversations/:id/recordings/:recordingId': { expect: PARTY_READS, target: (w) => ({ params: { id: w.call, recordingId: w.recording } }) },
  'GET /api/customers': { expect: SIGNED_IN, target: () => ({ query: { q: 'Stella' } }) },
  'GET /api/transfer-targets': { expect: SIGNED_IN },

  // Knowledge: everyone reads; supervisors and admins write the team's; personal replies are their owner's.
  'GET /api/articles': { expect: SIGNED_IN },
  'POST /api/articles': { expect: SUPERVISORS, target: () => ({ body: { title: 'Matrix', body: 'Declared once.', language: 'en' } }) },
  'PUT /api/articles/:id': { expect: SUPERVISORS, target: (w) => ({ ...id(w.article), body: { title: 'Returns', body: 'Send it back within 30 days.', language: 'en' } }) },
  'DELETE /api/articles/:id': { expect: SUPERVISORS, fresh: true, target: async (w) => id(await w.fresh.article()) },
  'GET /api/canned-replies': { expect: SIGNED_IN },
  'POST /api/canned-replies': { expect: SIGNED_IN, target: () => ({ body: { shortcut: 'matrix', title: 'Matrix', body: 'Mine.', personal: true } }) },
  'PUT /api/canned-replies/:id': { expect: PARTY_ONLY, target: (w) => ({ ...id(w.anaReply), body: { shortcut: 'mine-kept', title: 'Mine', body: 'Still mine.', personal: true } }) },
  'DELETE /api/canned-replies/:id': { expect: PARTY_ONLY, fresh: true, target: async (w) => id(await w.fresh.anaReply()) },
  // Voice replies: every agent lists them, supervisors and admins keep them; in a call, the party and supervisors fetch the audio, the party records a play.
  'GET /api/voice-clips': { expect: SIGNED_IN },
  'POST /api/voice-clips': { expect: SUPERVISORS, target: () => ({ body: { title: 'Matrix', language: 'en', text: 'Our address is on the website.' } }) },
  'PUT /api/voice-clips/:id': { expect: SUPERVISORS, fresh: true, target: async (w) => ({ ...id(await w.fresh.voiceClip()), body: { title: 'Matrix', language: 'de', text: 'Unsere Adresse steht auf der Website.' } }) },
  'DELETE /api/voice-clips/:id': { expect: SUPERVISORS, fresh: true, target: async (w) => id(await w.fresh.voiceClip()) },
  'GET /api/conversations/:id/voice-clips/:clipId/audio': { expect: PARTY_READS, target: (w) => ({ params: { id: w.call, clipId: w.voiceClip } }) },
  'POST /api/conversations/:id/voice-clips/:clipId/plays': { expect: PARTY_ONLY, target: (w) => ({ params: { id: w.call, clipId: w.voiceClip } }) },

  // Signing in, and one's own profile and sessions.
  // A wrong password: each try on an account of its own (five failures block an account and address), hashed at a tiny cost.
  'POST /api/auth/login': { expect: everyone(401), ownSession: true, fresh: true, target: async (w) => ({ body: { email: await w.fresh.signInAccount(), password: 'not-the-password' } }) },
  'POST /api/auth/logout': { expect: everyone('ok'), ownSession: true },
  'POST /api/auth/links/inspect': { expect: everyone(404), target: () => ({ body: { token: 'matrix-token-that-was-never-issued' } }) },
  'POST /api/auth/links/accept': { expect: everyone(404), target: () => ({ body: { token: 'matrix-token-that-was-never-issued', password: 'plum-orbit-lantern-42' } }) },
  'GET /api/auth/session': { expect: everyone('ok') },
  'GET /api/auth/me': { expect: SIGNED_IN },
  'PATCH /api/auth/me': { expect: SIGNED_IN, target: () => ({ body: {} }) },
  // A too-short new password: this checks who reaches the password check, without changing one.
  'POST /api/auth/password': { expect: { ...SIGNED_IN, party: 400, outsider: 400, supervisor: 400, admin: 400 }, target: () => ({ body: { currentPassword: 'whatever', newPassword: 'short' } }) },
  'GET /api/auth/sessions': { expect: SIGNED_IN },
  'DELETE /api/auth/sessions/:id': { expect: PARTY_ONLY, fresh: true, target: async (w) => id(await w.fresh.anaSession()) },
  'POST /api/auth/sessions/end-others': { expect: SIGNED_IN },

  // The team, the audit log, routing, integrations: admins (supervisors read routing).
  'GET /api/team': { expect: ADMINS },
  'POST /api/team': { expect: ADMINS, target: () => ({ body: { name: 'New Person', email: 'new-person@matrix.test', role: 'agent', method: 'invite' } }) },
  'PATCH /api/team/:id': { expect: ADMINS, target: (w) => ({ ...id(w.teamMember), body: { name: 'Tess Tester' } }) },
  'POST /api/team/:id/deactivate': { expect: ADMINS, fresh: true, target: async (w) => id(await w.fresh.member()) },
  'POST /api/team/:id/reactivate': { expect: ADMINS, fresh: true, target: async (w) => id(await w.fresh.member(true)) },
  'POST /api/team/:id/password-reset': { expect: ADMINS, target: (w) => ({ ...id(w.teamMember), body: { method: 'link' } }) },
  'GET /api/team/login-limits': { expect: ADMINS },
  'POST /api/team/login-limits/clear': { expect: ADMINS, target: () => ({ body: { email: 'nobody@matrix.test' } }) },
  'GET /api/audit': { expect: ADMINS },
  'GET /api/audit/export.csv': { expect: ADMINS },

  // Customers' data: admins export and erase; visitors ask to delete their own conversation.
  'GET /api/customers/:id/export': { expect: ADMINS, target: (w) => id(w.strangerCustomer) },
  'POST /api/customers/:id/erase': { expect: ADMINS, fresh: true, target: async (w) => {
    const customer = await w.fresh.strangerCustomer();
    return { ...id(customer), body: { confirm: customer } };
  } },
  'GET /api/privacy/retention': { expect: ADMINS },
  'PUT /api/privacy/retention': { expect: ADMINS, target: () => ({ body: { visitorDeletion: 'review' } }) },
  'GET /api/privacy/deletion-requests': { expect: ADMINS },
  // Refusals come before the lookup; approving and rejecting real requests is privacy's own test.
  'POST /api/privacy/deletion-requests/:id/approve': { expect: { ...ADMINS, admin: 404 }, target: () => id('no-such-request') },
  'POST /api/privacy/deletion-requests/:id/reject': { expect: { ...ADMINS, admin: 404 }, target: () => id('no-such-request') },
  'POST /api/visitors/conversations/:id/deletion-request': { expect: VISITOR_OWNER, target: (w) => id(w.chat) },

  // Shared files and transcripts: uploads by anyone in a conversation's apps; links and transcripts for the
  // conversation's parties and supervisors; the download for whoever holds a valid signed link.
  'POST /api/visitors/files': { expect: VISITOR_SELF, target: () => ({ query: { name: 'matrix.png' }, raw: { contentType: 'application/octet-stream', bytes: new Uint8Array(MATRIX_PNG) } }) },
  'GET /api/visitors/files/:id/link': { expect: VISITOR_OWNER, target: (w) => id(w.file) },
  'POST /api/files': { expect: SIGNED_IN, target: () => ({ query: { name: 'matrix.png' }, raw: { contentType: 'application/octet-stream', bytes: new Uint8Array(MATRIX_PNG) } }) },
  'GET /api/files/:id/link': { expect: PARTY_READS, target: (w) => id(w.file) },
  'GET /api/files/:id': { expect: everyone('ok'), target: (w) => ({ ...id(w.file), query: w.fileLink }) },
  'GET /api/conversations/:id/transcript': { expect: PARTY_READS, target: (w) => id(w.chat) },
  'GET /api/visitors/conversations/:id/transcript': { expect: VISITOR_OWNER, target: (w) => id(w.chat) },
  'POST /api/visitors/conversations/:id/transcript/email': { expect: VISITOR_OWNER, target: (w) => ({ ...id(w.chat), body: { email: 'vera@example.test' } }) },
  'GET /api/admin/invitations': { expect: SUPERVISORS },
  'GET /api/admin/topic-menu': { expect: SUPERVISORS },
  'PUT /api/admin/topic-menu': { expect: ADMINS, target: () => ({ body: { topics: [] } }) },
  'GET /api/admin/file-policy': { expect: ADMINS },
  'PUT /api/admin/file-policy': { expect: ADMINS, target: () => ({ body: { maxBytes: 10485760, types: ['image/png', 'application/pdf'] } }) },
  'POST /api/admin/invitations': { expect: ADMINS, fresh: true, target: () => ({ body: { text: 'Matrix invitation', pathPattern: '/matrix', delaySeconds: 0 } }) },
  'PUT /api/admin/invitations/:id': { expect: { ...ADMINS, admin: 404 }, target: () => ({ ...id('no-such-invitation'), body: { text: 'Matrix', pathPattern: '/matrix', delaySeconds: 0 } }) },
  'DELETE /api/admin/invitations/:id': { expect: { ...ADMINS, admin: 404 }, target: () => id('no-such-invitation') },
  'GET /api/admin/queues': { expect: SUPERVISORS },
  'POST /api/admin/queues': { expect: ADMINS, fresh: true, target: () => ({ body: { slug: `matrix-${Math.random().toString(36).slice(2, 8)}`, name: 'Matrix' } }) },
  'PATCH /api/admin/queues/:id': { expect: ADMINS, target: (w) => ({ ...id(w.quietQueue), body: { name: 'Quiet' } }) },
  'PUT /api/admin/queues/:id/members': { expect: ADMINS, target: (w) => ({ ...id(w.quietQueue), body: [] }) },
  'GET /api/admin/agents': { expect: SUPERVISORS },
  'PATCH /api/admin/agents/:id/routing': { expect: ADMINS, target: (w) => ({ ...id(w.agents.cleo.id), body: { skills: {} } }) },
  'GET /api/integrations/channels': { expect: ADMINS },
  'POST /api/integrations/channels': { expect: ADMINS, target: () => ({ body: { name: 'Matrix SMS', queue: 'quiet' } }) },
  'DELETE /api/integrations/channels/:id': { expect: ADMINS, fresh: true, target: async (w) => id(await w.fresh.channel()) },
  'GET /api/integrations/webhooks': { expect: ADMINS },
  'POST /api/integrations/webhooks': { expect: ADMINS, target: () => ({ body: { url: 'http://127.0.0.1:9/matrix', events: ['callback.due'] } }) },
  'DELETE /api/integrations/webhooks/:id': { expect: ADMINS, fresh: true, target: async (w) => id(await w.fresh.webhook()) },
  'GET /api/integrations/mail-rules': { expect: ADMINS },
  'PUT /api/integrations/mail-rules': { expect: ADMINS, target: () => ({ body: [] }) },
  'GET /api/integrations/queues/:id/contact-options': { expect: ADMINS, target: (w) => id(w.quietQueue) },
  'PUT /api/integrations/queues/:id/contact-options': { expect: ADMINS, target: (w) => ({ ...id(w.quietQueue), body: { callbackRetryMs: 900_000, callbackMaxAttempts: 3 } }) },

  // Supervision and reports.
  'GET /api/reports': { expect: SUPERVISORS, target: () => ({ query: { from: '2026-01-05', to: '2026-01-06' } }) },
  'GET /api/reports/agent-activity': { expect: SUPERVISORS, target: () => ({ query: { from: '2026-01-05', to: '2026-01-06' } }) },
  'GET /api/reports/quality': { expect: SUPERVISORS, target: () => ({ query: { from: '2026-01-05', to: '2026-01-12' } }) },

  // Quality control: admins keep the scorecards, supervisors score, everyone reads their own reviews.
  'GET /api/quality/scorecards': { expect: SUPERVISORS },
  'POST /api/quality/scorecards': { expect: ADMINS, target: () => ({ body: { name: 'Matrix', criteria: [{ label: 'Polite', kind: 'scale', weight: 2 }] } }) },
  'PUT /api/quality/scorecards/:id': { expect: ADMINS, target: async (w) => ({ ...id(await w.fresh.scorecard()), body: { name: 'Renamed', criteria: [{ label: 'Polite', kind: 'yes-no' }] } }) },
  'GET /api/quality/sample': { expect: SUPERVISORS },
  'POST /api/quality/reviews': { expect: SUPERVISORS, fresh: true, target: async (w) => ({ body: { conversationId: await w.fresh.endedAnaChat(), scorecardId: await w.fresh.scorecard(), answers: [true] } }) },
  'GET /api/quality/reviews': { expect: SIGNED_IN },
  'GET /api/reports/staffing': { expect: SUPERVISORS, target: (w) => ({ query: { queueId: w.quietQueue, date: '2026-01-05' } }) },
  'PUT /api/supervisor/agents/:id/presence': { expect: SUPERVISORS, target: (w) => ({ ...id(w.agents.cleo.id), body: { status: 'available' } }) },
  'GET /metrics': { expect: SUPERVISORS },

  // Review before sending: supervisors and admins decide others' held replies; an agent resubmits only their own; admins mark who is reviewed.
  'GET /api/reviews': { expect: SUPERVISORS },
  'POST /api/reviews/:id/approve': { expect: SUPERVISORS, fresh: true, target: async (w) => ({ ...id(await w.fresh.heldReply()), body: { text: 'Approved words.' } }) },
  'POST /api/reviews/:id/return': { expect: SUPERVISORS, fresh: true, target: async (w) => ({ ...id(await w.fresh.heldReply()), body: { comment: 'Kinder, please.' } }) },
  'POST /api/reviews/:id/resubmit': { expect: PARTY_ONLY, fresh: true, target: async (w) => ({ ...id(await w.fresh.heldReply(true)), body: { text: 'Reworked words.' } }) },
  'GET /api/reviews/settings': { expect: ADMINS },
  'PUT /api/reviews/settings/agents/:id': { expect: ADMINS, target: (w) => ({ ...id(w.agents.cleo.id), body: { repliesNeedReview: false } }) },
  'PUT /api/reviews/settings/queues/:id': { expect: ADMINS, target: (w) => ({ ...id(w.quietQueue), body: { repliesNeedReview: false } }) },

  // Public documents and files.
  'GET /api/openapi.json': { expect: 'same' },
  'GET /healthz': { expect: 'same' },
  'GET /livez': { expect: 'same' },
  'GET /readyz': { expect: 'same' },
  'GET /api/docs': { expect: 'same' },
  'GET /api/docs/boot.js': { expect: 'same' },
  'GET /api/docs/redoc.standalone.js': { expect: 'same' },
  'GET /': { expect: 'same' },
  'GET /agent': { expect: 'same' },
  'GET /agent/*': { expect: 'same' },
  // The installable app's files: public, the same for everyone (the app behind them asks for a session).
  'GET /agent/manifest.webmanifest': { expect: 'same' },
  'GET /agent/sw.js': { expect: 'same' },
  'GET /agent/icons/:file{[a-z0-9-]+\\.png}': { expect: 'same', target: () => ({ params: { file: 'icon-192.png' } }) },
  'GET /assets/*': { expect: 'same' },
  'GET /demo/*': { expect: 'same' },
  'GET /widget.js': { expect: 'same' },
  'GET /widget/chat.js': { expect: 'same' },
  'GET /widget/invite.js': { expect: 'same' },

  // Sockets, tried the way their clients open them.
  'GET /ws/visitor': { expect: VISITOR_SELF, probe: tryVisitorSocket },
  'GET /ws/agent': { expect: SIGNED_IN, probe: tryAgentSocket },
  'GET /voice/:key/id': { expect: everyone(403), target: () => ({ params: { key: 'switchboard' } }) },
  'GET /voice/peerjs': { expect: { ...everyone(403), nobody: 401, visitor: 'ok' }, probe: tryPeerId },
  'GET /cobrowse/:sessionId': { expect: { ...everyone(403), visitor: 'ok', party: 'ok' }, probe: tryCobrowseRoom },
};

/**
 * Socket frames, declared once per type: the fields that aim a frame at someone else's
 * conversation, or `none` (with why) for a frame that names no conversation. An outsider's
 * frame must be answered `not-found` or `forbidden` (or one of `answers`), exactly as for a
 * conversation that does not exist, and change nothing.
 */
export type FrameRule = { fields: (w: World) => Record<string, unknown>; answers?: string[] } | { none: string };

const onChat = (extra: Record<string, unknown> = {}) => ({ fields: (w: World) => ({ conversationId: w.chat, ...extra }) });
const onCall = (extra: Record<string, unknown> = {}) => ({ fields: (w: World) => ({ conversationId: w.call, ...extra }) });

export const visitorFrameRules: Record<VisitorFrame['type'], FrameRule> = {
  hello: { none: 'opens the socket' },
  'conversation.start': { none: 'starts one of their own' },
  'call.start': { none: 'starts one of their own' },
  'visitor.identify': { none: 'about themselves' },
  'visitor.context': { none: 'about themselves' },
  'visitor.event': { none: 'about themselves' },
  'visitor.conversation-attributes': { none: 'about themselves' },
  'message.send': onChat({ text: 'not my conversation' }),
  sync: onChat({ afterSeq: 0 }),
  read: onChat({ seq: 1 }),
  typing: onChat({ isTyping: true }),
  'conversation.end': onChat(),
  'conversation.rate': onChat({ rating: 1 }),
  'call.hold': onCall({ held: true }),
  'call.consent': onCall({ recording: false }),
  'cobrowse.accept': onChat(),
  'cobrowse.decline': onChat(),
  'cobrowse.control': onChat({ allowed: true }),
  'cobrowse.stop': onChat(),
  'call.hangup': onChat(),
  'web-call.answer': onChat({ accept: true }),
  'web-call.settings': { none: 'about themselves' },
};

export const agentFrameRules: Record<AgentFrame['type'], FrameRule> = {
  hello: { none: 'opens the socket' },
  'presence.set': { none: 'about themselves' },
  'wrap-up.done': { none: 'about themselves' },
  'message.send': onChat({ text: 'not my conversation' }),
  sync: onChat({ afterSeq: 0 }),
  read: onChat({ seq: 1 }),
  typing: onChat({ isTyping: true }),
  'conversation.end': onChat(),
  'call.hold': onCall({ held: true }),
  // "No longer available" is what the app shows for any offer that is not (or no longer) yours.
  'offer.accept': { ...onChat(), answers: ['offer-unavailable'] },
  'offer.decline': { ...onChat(), answers: ['offer-unavailable'] },
  'conversation.transfer': { fields: (w) => ({ conversationId: w.chat, to: { queueId: w.quietQueue } }) },
  'monitor.start': onChat(),
  'monitor.stop': onChat(),
  whisper: onChat({ text: 'psst' }),
  barge: onChat(),
  'cobrowse.request': onChat(),
  'cobrowse.control-request': onChat(),
  'cobrowse.stop': onChat(),
  'customer.view': onChat({ viewing: true }),
  'note.add': onChat({ text: 'not my customer' }),
  'call.hangup': onChat(),
};
