/** The one file that knows every service: builds them over one store and bus, and hands routes and sockets the domain services (never the store or the bus). */
import type { Bus } from './bus/bus.js';
import type { Store } from './store/store.js';
import { AdminService } from './routing/admin-service.js';
import { AccountListeners } from './auth/account-events.js';
import { AuthService } from './auth/auth-service.js';
import { TeamService } from './auth/team-service.js';
import { AuditTrail } from './kernel/audit-trail.js';
import { CallService } from './voice/call-service.js';
import { WebCallService } from './voice/web-call-service.js';
import { CobrowseRooms } from './cobrowse/cobrowse-rooms.js';
import { CobrowseService } from './cobrowse/cobrowse-service.js';
import { DEFAULT_VOICE_SETTINGS, type VoiceSettings } from './voice/ice-config.js';
import { PeerCredentialIssuer } from './voice/peer-credentials.js';
import { PeerRelay } from './voice/peer-relay.js';
import { ConversationParties } from './conversations/conversation-parties.js';
import { ConversationListeners } from './conversations/conversation-events.js';
import { ConversationService } from './conversations/conversation-service.js';
import { QueuePlacement } from './conversations/queue-placement.js';
import { PreChatIntake } from './conversations/pre-chat-intake.js';
import { TopicMenuService } from './topics/topic-menu-service.js';
import { RecordingService } from './voice/recording-service.js';
import { SupervisionService } from './supervision/supervision-service.js';
import { EventLogWriter } from './kernel/event-log-writer.js';
import { QualityService } from './quality/quality-service.js';
import { ReportService } from './supervision/report-service.js';
import { PresenceListeners, PresenceService } from './routing/presence-service.js';
import { RoutingListeners, RoutingService } from './routing/routing-service.js';
import { StoreHealth } from './kernel/store-health.js';
import { VisitorService } from './conversations/visitor-service.js';
import { WallboardService } from './supervision/wallboard-service.js';
import { CallbackListeners, CallbackService } from './callbacks/callback-service.js';
import { InvitationService } from './invitations/invitation-service.js';
import { ChannelListeners, ChannelService } from './channels/channel-service.js';
import { ChannelMedia } from './channels/channel-media.js';
import { webhookEvents } from './channels/webhook-events.js';
import { WebhookService } from './channels/webhook-service.js';
import { EmailDesk } from './mail/email-desk.js';
import { ReplyReviewService } from './review/reply-review-service.js';
import { MailSender, type MailSettings } from './mail/mail-sender.js';
import type { Backoff } from './kernel/retry-backoff.js';
import { CustomerService } from './customers/customer-service.js';
import { CustomerViewersRegistry } from './customers/viewers.js';
import { KnowledgeService } from './knowledge/knowledge-service.js';
import { SpeechSynthesizer } from './voice-clips/speech-synthesizer.js';
import { VoiceClipService } from './voice-clips/voice-clip-service.js';
import { Metrics } from './kernel/metrics.js';
import { ContactMetrics } from './supervision/contact-metrics.js';
import { recordingFiles } from './privacy/conversation-files.js';
import { DataEraser } from './privacy/data-eraser.js';
import { DeletionRequests } from './privacy/deletion-requests.js';
import { PrivacyService } from './privacy/privacy-service.js';
import { RetentionJob, type RetentionJobOptions } from './privacy/retention-job.js';
import { AttachmentService, type AttachmentPolicy } from './files/attachment-service.js';
import { attachmentFiles } from './files/attachment-files.js';
import { FilePolicyService } from './files/file-policy-service.js';
import type { FileStorage } from './files/file-storage.js';
import { FilesystemStorage } from './files/filesystem-storage.js';
import { TRANSCRIPT_LINK_TTL_MS, TranscriptService } from './files/transcript-service.js';
import { DEFAULT_ATTACHMENT_TYPES, DEFAULT_MAX_ATTACHMENT_BYTES } from './protocol/attachments.js';

export interface Services {
  auth: AuthService;
  /** People in the team: invitations, roles, deactivation, password resets. */
  team: TeamService;
  /** The audit log of administrative actions. */
  audit: AuditTrail;
  /** Queues' and agents' routing settings. */
  admin: AdminService;
  visitors: VisitorService;
  routing: RoutingService;
  /** Which agents are signed in, and the state they are in. */
  presence: PresenceService;
  conversations: ConversationService;
  /** Where conversations wait and who has them: opening, transferring, returning to a queue. */
  placement: QueuePlacement;
  /** A queue's pre-chat form, checked and kept as a chat starts. */
  preChat: PreChatIntake;
  /** The topic menu the widget shows before a chat: admins keep it, a chat started from it records the topic. */
  topicMenu: TopicMenuService;
  calls: CallService;
  /** Agents calling a visitor's browser from their chat: ringing, answers, the visitor's opt-out. */
  webCalls: WebCallService;
  /** Supervisors' monitoring, whispers and barge-in. */
  supervision: SupervisionService;
  recordings: RecordingService;
  /** Voice replies: the team's clips, their audio per call (text spoken with eSpeak NG), and which played. */
  voiceClips: VoiceClipService;
  /** PeerJS signaling: issues peer credentials, relays between the two parties of a call. */
  peerCredentials: PeerCredentialIssuer;
  peerRelay: PeerRelay;
  /** Co-browsing: sessions and consent, and the Yjs rooms their pages travel through. */
  cobrowse: CobrowseService;
  cobrowseRooms: CobrowseRooms;
  /** Callbacks visitors booked, due as voice contacts. */
  callbacks: CallbackService;
  /** Proactive invitations: admins keep them, the widget asks for them and counts them. */
  invitations: InvitationService;
  /** E-mail conversations: offline messages, inbound mail, agents' replies; and the mail outbox. */
  email: EmailDesk;
  mailSender: MailSender;
  /** Review before sending: agents' e-mail and channel replies held for a supervisor. */
  replyReview: ReplyReviewService;
  /** Inbound messaging channels (SMS, social media) and outbound webhooks. */
  channels: ChannelService;
  webhooks: WebhookService;
  /** Customers across visitors and channels: identity, screen pop, history, notes, tags. */
  customers: CustomerService;
  customerViewers: CustomerViewersRegistry;
  /** Knowledge base and canned replies; the bot's answers and agents' suggestions. */
  knowledge: KnowledgeService;
  log: EventLogWriter;
  wallboard: WallboardService;
  reports: ReportService;
  /** Quality control: scorecards and supervisors' reviews of finished conversations. */
  quality: QualityService;
  /** Customers' data: export, erasure and retention settings (admins). */
  privacy: PrivacyService;
  /** Visitors' requests to delete a conversation, and admins' decisions. */
  deletionRequests: DeletionRequests;
  /** Erases what the retention settings age out, daily. */
  retention: RetentionJob;
  /** Files shared in conversations: uploads checked by their bytes, signed links for the parties. */
  attachments: AttachmentService;
  /** The site's size limit and types for shared files (admins). */
  filePolicy: FilePolicyService;
  /** Conversations' transcripts, downloaded or mailed to the visitor. */
  transcripts: TranscriptService;
  /** Whether the store answers, for /healthz. */
  health: StoreHealth;
  /** This server's Prometheus registry: counters and histograms, rendered at /metrics. */
  metrics: Metrics;
  /** Stops timers and waits for pending log writes; does not close the store or bus. */
  destroy(): Promise<void>;
}

export interface ServicesOptions {
  store: Store;
  bus: Bus;
  secret: string;
  clock?: () => number;
  /** The center's time zone and service-level thresholds, for the wallboard and reports. */
  timeZone?: string;
  serviceLevelSeconds?: number;
  shortAbandonSeconds?: number;
  /** ICE servers, TURN secret and relay-only mode for calls. */
  voice?: VoiceSettings;
  /** How long a shared page may be away (a page load) before co-browsing ends; 30 s by default. */
  cobrowseVisitorGraceMs?: number;
  /** How long an agent's call rings in the visitor's widget; 30 s by default. */
  webCallRingMs?: number;
  /** Outbound mail; without `smtpUrl` mail waits in the outbox. */
  mail?: MailSettings & { company?: string };
  /** Retry schedule of webhooks (tests shorten it). */
  webhookBackoff?: Backoff;
  /** Verifies `Switchboard.identify({ userId, userHash })`; without it user ids are refused. */
  identitySecret?: string;
  /** Sessions unused this long end. */
  sessionIdleMs?: number;
  /** How long an agent whose last connection went stays present (20 s by default). */
  presenceGraceMs?: number;
  /** Where shared files go (a folder; or a storage of its own, such as an S3-compatible one) and what the site accepts. */
  files?: { dir?: string; storage?: FileStorage; policy?: Partial<AttachmentPolicy> };
  /** Fetching channel messages' media: tests let loopback stand in for the internet, with a shorter deadline. */
  channelMedia?: { allowLoopback?: boolean; timeoutMs?: number };
  /** The address people reach the server at, for links in mailed transcripts and channel replies' files. */
  publicUrl?: string;
  /** The retention job's pacing (tests run it by hand). */
  retention?: RetentionJobOptions & { disabled?: boolean };
}

/**
 * Builds every service over one store and bus, and connects what each domain announces to
 * the domains that react to it: every cross-domain reaction is listed here, nowhere else.
 */
export async function createServices(options: ServicesOptions): Promise<Services> {
  const { store, bus, secret } = options;
  const clock = options.clock ?? Date.now;
  const log = new EventLogWriter(store);
  const metrics = new Metrics();
  const timeZone = options.timeZone ?? 'UTC';
  const kpi = { serviceLevelMs: (options.serviceLevelSeconds ?? 20) * 1000, shortAbandonMs: (options.shortAbandonSeconds ?? 5) * 1000 };

  // What domains announce; the reactions are added below, once every service exists.
  const presenceEvents = new PresenceListeners();
  const routingOutcomes = new RoutingListeners();
  const conversationEvents = new ConversationListeners();
  const callbackEvents = new CallbackListeners();
  const accountEvents = new AccountListeners();
  const channelEvents = new ChannelListeners();

  const presence = new PresenceService({ store, bus, log, events: presenceEvents, clock, ...(options.presenceGraceMs !== undefined ? { graceMs: options.presenceGraceMs } : {}) });
  // Routing asks voice what a ringing agent prepares for a call; voice asks routing who is ringing.
  const routing: RoutingService = new RoutingService({ store, bus, log, presence, outcomes: routingOutcomes, clock, metrics, callPreparation: (id, agentId) => calls.preparation(id, agentId) });
  const parties = new ConversationParties(store, bus, routing);
  const audit = new AuditTrail(store, clock);
  // Approving a held reply posts it through the conversation service, which holds replies through the review: each reaches the other once both exist.
  const replyReview: ReplyReviewService = new ReplyReviewService({ store, bus, audit, clock, postApproved: (...args) => conversations.postApproved(...args) });
  const conversations: ConversationService = new ConversationService({ store, bus, routing, log, parties, events: conversationEvents, replyGate: replyReview, hasWebCall: (id) => calls.hasWebCall(id), clock });
  const placement = new QueuePlacement({ store, bus, routing, presence, log, parties, events: conversationEvents, clock });
  const peerCredentials = new PeerCredentialIssuer(secret, clock);
  const calls: CallService = new CallService({ store, bus, conversations, placement, issuer: peerCredentials, settings: options.voice ?? DEFAULT_VOICE_SETTINGS, offers: routing, clock });
  const peerRelay = new PeerRelay(bus, calls, clock);
  const webCalls = new WebCallService({ store, bus, calls, parties, conversations, clock, ...(options.webCallRingMs ? { ringMs: options.webCallRingMs } : {}) });
  const cobrowse = new CobrowseService({ store, bus, conversations, secret, clock, ...(options.cobrowseVisitorGraceMs ? { visitorGraceMs: options.cobrowseVisitorGraceMs } : {}) });
  const cobrowseRooms = new CobrowseRooms(cobrowse, bus);
  const wallboard = new WallboardService(store, bus, routing, log, { timeZone, kpi, clock });
  const callbacks = new CallbackService({ store, conversations, placement, parties, routing, events: callbackEvents, audit, clock });
  const invitations = new InvitationService({ store, routing, audit, clock });
  const mailSettings = options.mail ?? { from: 'Switchboard <support@localhost>' };
  const fileStorage = options.files?.storage ?? new FilesystemStorage(options.files?.dir ?? './data/files');
  // The start-up settings apply until an admin saves a policy; every file reads the one in force.
  const filePolicy = new FilePolicyService({
    store,
    audit,
    defaults: { maxBytes: options.files?.policy?.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES, types: [...(options.files?.policy?.types ?? DEFAULT_ATTACHMENT_TYPES)] },
  });
  const attachments = new AttachmentService({ store, storage: fileStorage, parties, secret, clock, policy: () => filePolicy.read() });
  // An agent's files go out with their reply mail, read from the storage when it is sent.
  const mailSender = new MailSender(store, mailSettings, clock, metrics, async (ids) =>
    (await attachments.contents(ids)).map(({ record, bytes }) => ({ filename: record.name, content: bytes, contentType: record.mimeType })),
  );
  const fileLink = (fileId: string) => `${options.publicUrl ?? 'http://localhost:8787'}${attachments.link(fileId, TRANSCRIPT_LINK_TTL_MS).url}`;
  const email = new EmailDesk({
    store,
    conversations,
    placement,
    sender: mailSender,
    from: mailSettings.from,
    company: mailSettings.company ?? 'Switchboard',
    audit,
    clock,
    fileLink,
    // A customer's mailed files are theirs, as if uploaded in the widget.
    files: { keep: (visitorId, name, bytes) => attachments.receive({ kind: 'visitor', visitorId }, name, bytes), maxBytes: async () => (await filePolicy.read()).maxBytes },
  });
  const webhooks = new WebhookService(store, audit, { clock, metrics, ...(options.webhookBackoff ? { backoff: options.webhookBackoff } : {}) });
  // A channel's files: fetched in, kept as the sender's under the policy; replies' files go out as hour-long links.
  const channelMedia = new ChannelMedia({
    keep: (visitorId, name, bytes) => attachments.receive({ kind: 'visitor', visitorId }, name, bytes),
    maxBytes: async () => (await filePolicy.read()).maxBytes,
    link: (fileId, ttlMs) => {
      const link = attachments.link(fileId, ttlMs);
      return { ...link, url: `${options.publicUrl ?? 'http://localhost:8787'}${link.url}` };
    },
    ...(options.channelMedia ? { fetch: options.channelMedia } : {}),
  });
  const channels = new ChannelService(store, conversations, placement, webhooks, audit, clock, channelEvents, channelMedia);
  const customers = new CustomerService(store, parties, audit, options.identitySecret, clock);
  const integrations = webhookEvents(store, webhooks);
  const auth = new AuthService(store, clock, { events: accountEvents, ...(options.sessionIdleMs ? { idleTimeoutMs: options.sessionIdleMs } : {}) });
  const team = new TeamService({ store, audit, events: accountEvents, clock });
  const transcripts = new TranscriptService({
    store,
    parties,
    attachments,
    mailSender,
    publicUrl: options.publicUrl ?? 'http://localhost:8787',
    mailFrom: mailSettings.from,
    company: mailSettings.company ?? 'Switchboard',
    timeZone,
    clock,
  });
  // Files kept with conversations: export, erasure and retention treat them alike.
  const conversationFiles = [recordingFiles(store), attachmentFiles(store, fileStorage, clock)];
  const eraser = new DataEraser({ store, conversations, files: conversationFiles });
  const retention = new RetentionJob({ store, eraser, files: conversationFiles, audit, clock }, options.retention);

  presenceEvents.add({ changed: (agentId) => routing.reloadAgent(agentId) });
  accountEvents.add({
    signedOut: async (agentId, reason) => presence.sessionsEnded(agentId, reason),
    // Their contacts go back to the head of their queues first; then routing forgets them.
    deactivated: async (agentId) => {
      await placement.returnAllOf(agentId);
      await routing.reloadAgent(agentId);
    },
    changed: (agentId) => routing.reloadAgent(agentId),
  });
  routingOutcomes.add({
    // A call connects as soon as its assignment is stored, while the chat's 'joined' is written
    // (routing's outcome, not the conversation's 'assigned', which comes after those writes).
    assigned: (conversationId, agent) => {
      calls.callAnswered(conversationId, agent);
      return placement.announceAssignment(conversationId, agent);
    },
    refused: (conversationId, reason) => conversations.endBySystem(conversationId, reason),
    paused: (agentId) => presence.setStatus(agentId, 'away', 'no-answer'),
  });
  conversationEvents.add({
    // Every contact belongs to a customer from the start, so history and matching need no backfill.
    created: (c) => customers.ensure(c.visitorId),
  });
  // An SMS from a number a customer confirmed joins that customer; a typed number never does.
  channelEvents.add({ senderPhoneProven: (visitorId, phone) => customers.joinByProvenAddress(visitorId, 'phone', phone) });
  conversationEvents.add({
    moved: (c, fromAgentId) => calls.conversationMoved(c, fromAgentId),
    ended: (c) => calls.conversationEnded(c),
    held: (c, by) => calls.conversationHeld(c, by),
    consent: (c, given) => calls.recordingConsent(c, given),
  });
  conversationEvents.add({ ended: (c) => cobrowse.conversationEnded(c), moved: (c) => cobrowse.conversationMoved(c) });
  conversationEvents.add({ ended: (c) => callbacks.conversationEnded(c) });
  conversationEvents.add({ ended: (c) => webCalls.conversationEnded(c) });
  conversationEvents.add({ storing: (tx, c, e) => email.storingMessage(tx, c, e), posted: (c, e) => email.messagePosted(c, e) });
  conversationEvents.add({ storing: (tx, c, e) => channels.storingMessage(tx, c, e), posted: (c, e) => channels.messagePosted(c, e) });
  conversationEvents.add(integrations.conversations);
  callbackEvents.add({ due: integrations.callbackDue });
  // Metrics read what the domains announce; nothing waits on them.
  const contactMetrics = new ContactMetrics(metrics, (queueId) => routing.queueSlug(queueId));
  log.onAppend((entry) => contactMetrics.apply(entry));
  conversationEvents.add({ posted: (c, e) => metrics.messages.inc({ author: e.author.kind, channel: c.channel }) });

  await wallboard.start();
  await routing.start();
  await calls.load();
  await callbacks.start();
  mailSender.start();
  webhooks.start();
  if (!options.retention?.disabled) retention.start();
  return {
    customers,
    customerViewers: new CustomerViewersRegistry(bus),
    knowledge: new KnowledgeService(store, parties, clock),
    callbacks,
    invitations,
    email,
    replyReview,
    mailSender,
    channels,
    webhooks,
    wallboard,
    reports: new ReportService(store, { timeZone, kpi }),
    quality: new QualityService(store, audit, { timeZone, clock }),
    log,
    routing,
    presence,
    conversations,
    placement,
    preChat: new PreChatIntake({
      store,
      identify: async (visitorId, fields) => {
        await customers.identify(visitorId, fields);
        await conversations.identify(visitorId, fields);
      },
      setConversationAttributes: (visitorId, attributes) => customers.setConversationAttributes(visitorId, attributes),
    }),
    topicMenu: new TopicMenuService({ store, audit, setConversationAttributes: (visitorId, attributes) => customers.setConversationAttributes(visitorId, attributes) }),
    calls,
    webCalls,
    supervision: new SupervisionService({ store, bus, parties, presence, log, audit, clock }),
    recordings: new RecordingService(store, parties, clock),
    voiceClips: new VoiceClipService(store, parties, new SpeechSynthesizer(), clock),
    peerCredentials,
    peerRelay,
    cobrowse,
    cobrowseRooms,
    auth,
    team,
    audit,
    admin: new AdminService(store, routing, audit, clock),
    visitors: new VisitorService(store, secret, clock),
    privacy: new PrivacyService({ store, eraser, files: conversationFiles, audit, clock }),
    deletionRequests: new DeletionRequests({ store, eraser, audit, clock }),
    retention,
    attachments,
    filePolicy,
    transcripts,
    health: new StoreHealth(store),
    metrics,
    async destroy() {
      wallboard.destroy();
      presence.destroy();
      routing.destroy();
      calls.destroy();
      webCalls.destroy();
      peerRelay.close();
      cobrowse.destroy();
      cobrowseRooms.closeAll();
      callbacks.destroy();
      mailSender.stop();
      webhooks.stop();
      await Promise.all([mailSender.idle(), webhooks.idle(), callbacks.settled(), retention.destroy()]);
      await log.flushed();
    },
  };
}
