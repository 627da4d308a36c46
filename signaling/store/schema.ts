/** Table types for Kysely. Times are milliseconds since the epoch; flags are 0/1 integers on both dialects. */
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AgentsTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  /** The presence the agent last chose; restored when they reconnect. */
  status: string;
  /** Superseded by `capacity` (migration 002); kept so older rows stay valid. */
  max_chats: Generated<number>;
  created_at: number;
  /** JSON Skills. */
  skills: string;
  /** JSON Capacity. */
  capacity: string;
  /** Why the agent is on a break (`away`), for example lunch or no-answer. */
  break_reason: string | null;
  /** 0 once deactivated: they cannot sign in, their history keeps their name. */
  active: Generated<number>;
  deactivated_at: number | null;
  /** JSON array of language codes they serve customers in. */
  languages: Generated<string>;
  /** The app's language they chose. */
  locale: string | null;
  /** JSON NotificationSettings; null: the defaults. */
  notifications: string | null;
  /** 1 after an initial or temporary password: they choose their own before anything else. */
  must_change_password: Generated<number>;
  /** 1: their e-mail and channel replies wait for a supervisor's review (migration 015). */
  replies_need_review: Generated<number>;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value, so a leaked database holds no usable session. */
  id_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
  /** What the owner's session list shows and ends sessions by; not the cookie value. */
  public_id: string | null;
  last_seen_at: number | null;
  address: string | null;
  user_agent: string | null;
}

export interface AccountLinksTable {
  /** SHA-256 of the token in the link. */
  token_hash: string;
  agent_id: string;
  purpose: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON. */
  detail: string;
}

export interface QueuesTable {
  id: string;
  slug: string;
  name: string;
  is_default: number;
  offer_timeout_ms: number;
  retry_delay_ms: number;
  created_at: number;
  strategy: string;
  wrap_up_ms: number;
  disposition_required: number;
  tier_wait_ms: number;
  priority: number;
  priority_weight_ms: number;
  sticky_ms: number;
  expected_handle_ms: number;
  required_skills: string;
  max_size: number | null;
  max_wait_ms: number | null;
  overflow: string | null;
  hours: string | null;
  closed_target: string | null;
  /** 1: agents' e-mail and channel replies in this queue wait for a supervisor's review (migration 015). */
  replies_need_review: Generated<number>;
  /** The widget offers a callback or a message instead of waiting longer than this; null: never. */
  offer_alternatives_after_ms: number | null;
  callback_retry_ms: Generated<number>;
  callback_max_attempts: Generated<number>;
  /** JSON PreChatForm; null: none (added by 016). */
  pre_chat_form: Generated<string | null>;
}

export interface QueueMembersTable {
  queue_id: string;
  agent_id: string;
  tier: number;
  position: number;
}

export interface VisitorsTable {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  created_at: number;
  last_seen_at: number;
  /** The customer this visitor is (set on first contact or identification). */
  customer_id: string | null;
  /** JSON VisitorContext: pages, referrer, browser, language, time zone. */
  context: string | null;
  /** 1: the visitor turned calls from agents (web calls) off. */
  web_calls_off: number;
}

export interface ConversationsTable {
  id: string;
  visitor_id: string;
  queue_id: string;
  agent_id: string | null;
  status: string;
  last_seq: number;
  visitor_read_seq: number;
  agent_read_seq: number;
  /** The client id of the `conversation.start` frame that opened it, for idempotent retries. */
  start_client_id: string | null;
  page_url: string | null;
  page_title: string | null;
  created_at: number;
  answered_at: number | null;
  ended_at: number | null;
  channel: string;
  priority: number;
  disposition: string | null;
  rating: number | null;
  language: string | null;
  /** Where it came from: null for the widget, else `callback`, `email` or `channel:<id>`. */
  source: string | null;
  /** E-mail conversations: the subject of the customer's first mail. */
  subject: string | null;
}

export interface ConversationEventsTable {
  conversation_id: string;
  seq: number;
  type: string;
  /** The client id of the frame that created it: a retried frame finds its earlier result. */
  client_id: string | null;
  /** The event body as JSON (ConversationEventBody). */
  body: string;
  created_at: number;
}

export interface CannedRepliesTable {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  created_at: number;
  /** The agent whose personal reply this is; null for the team's. */
  owner_id: string | null;
  /** BCP 47 language of this variant (`de`, `pt-BR`); null for the default. */
  language: string | null;
}

/** Voice replies: an uploaded recording (audio) or a text spoken by the server. */
export interface VoiceClipsTable {
  id: string;
  title: string;
  language: string;
  slot: number | null;
  /** recording | speech */
  kind: string;
  text: string | null;
  mime_type: string | null;
  audio: Uint8Array | null;
  created_at: number;
  updated_at: number;
}

/** One person across visitors, channels and devices. */
export interface CustomersTable {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** The site's own user id, verified by HMAC; never two customers with one. */
  external_id: string | null;
  /** JSON object of custom attributes the site set. */
  attributes: string;
  created_at: number;
  updated_at: number;
}

export interface CustomerAuditTable {
  id: Generated<number>;
  customer_id: string;
  /** merged | split | matched */
  action: string;
  /** `agent:<id>` or `system` */
  actor: string;
  detail: string;
  created_at: number;
}

/** An address a customer gave, and what confirmed it (null: only claimed). */
export interface CustomerAddressesTable {
  customer_id: string;
  /** email | phone */
  kind: string;
  /** Lower-case e-mail address, or a phone number's + and digits. */
  value: string;
  /** `identity` (verified identify), `channel` (a channel that proves it), `agent:<id>` (an agent linked it), or null. */
  confirmed_by: string | null;
  created_at: number;
}

/** An unconfirmed address that matches another customer's: shown to agents to link or dismiss. */
export interface CustomerMatchesTable {
  id: string;
  /** The claimant's customer. */
  customer_id: string;
  /** The existing customer the address belongs to. */
  match_id: string;
  kind: string;
  value: string;
  /** open | linked | dismissed */
  status: string;
  created_at: number;
  /** `agent:<id>` */
  decided_by: string | null;
  decided_at: number | null;
}

/** The visitor that inbound mail from an address belongs to (never a widget visitor who typed that address). */
export interface MailSendersTable {
  address: string;
  visitor_id: string;
}

export interface ConversationTagsTable {
  conversation_id: string;
  tag: string;
}

/** Knowledge-base articles: the bot's answers and agents' suggestions. */
export interface ArticlesTable {
  id: string;
  title: string;
  body: string;
  language: string;
  created_at: number;
  updated_at: number;
}

/** Append-only record of every routing and state change; KPIs are read from it. */
export interface EventLogTable {
  id: Generated<number>;
  at: number;
  type: string;
  conversation_id: string | null;
  agent_id: string | null;
  queue_id: string | null;
  data: string | null;
}

/** Notes that only agents and supervisors see; never part of the visitor's timeline. */
export interface ConversationNotesTable {
  id: Generated<number>;
  conversation_id: string;
  /** `whisper`: a supervisor's note to the agent. */
  kind: string;
  author_id: string;
  author_name: string;
  text: string;
  client_id: string | null;
  created_at: number;
}

/** Supervisors who barged in: they may write in the conversation, and hear it. */
export interface ConversationParticipantsTable {
  conversation_id: string;
  agent_id: string;
  joined_at: number;
}

/** A call's recording (made only with the visitor's consent). */
export interface RecordingsTable {
  id: string;
  conversation_id: string;
  agent_id: string;
  mime_type: string;
  duration_ms: number;
  audio: Uint8Array;
  created_at: number;
}

/** A file shared in a conversation; its bytes are in the file storage under `storage_key`. */
export interface AttachmentsTable {
  id: string;
  storage_key: string;
  uploader: string;
  conversation_id: string | null;
  message_seq: number | null;
  name: string;
  mime_type: string;
  size: number;
  created_at: number;
}

/** A proactive invitation the widget shows on matching pages (migration 019). */
export interface InvitationsTable {
  id: string;
  text: string;
  sender_agent_id: string | null;
  queue_id: string;
  path_pattern: string;
  delay_seconds: number;
  returning_only: number;
  enabled: number;
  shown_count: Generated<number>;
  opened_count: Generated<number>;
  created_at: number;
  updated_at: number;
}

/** Which invitation started a conversation. */
export interface InvitationConversationsTable {
  conversation_id: string;
  invitation_id: string;
  created_at: number;
}

/** A visitor asked to be called back: scheduled, then a voice contact when due. */
export interface CallbacksTable {
  id: string;
  visitor_id: string;
  queue_id: string;
  /** E.164. */
  phone: string;
  asap: number;
  due_at: number;
  /** scheduled | queued (a conversation is in the ACD) | done | cancelled | failed */
  status: string;
  attempts: number;
  /** The conversation of the current or last attempt. */
  conversation_id: string | null;
  client_id: string;
  /** JSON { locale?, page? } the visitor sent, shown to the agent. */
  context: string | null;
  created_at: number;
}

/** Mail to send (acknowledgements, agents' replies), kept until the SMTP server accepts it. */
export interface OutboundMailsTable {
  id: Generated<number>;
  conversation_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  message_id: string;
  in_reply_to: string | null;
  /** Space-separated Message-IDs, oldest first. */
  references_ids: string | null;
  /** pending | sent | failed */
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
  /** 1 for what we send on our own (acknowledgements): marked Auto-Submitted. */
  automatic: Generated<number>;
  /** Space-separated ids of the files it carries as attachments (read when it is sent), or null. */
  attachment_ids: string | null;
}

export interface MailThreadsTable {
  message_id: string;
  conversation_id: string;
  created_at: number;
}

/** An inbound messaging channel (an SMS gateway, a social-media bridge). */
export interface ChannelsTable {
  id: string;
  name: string;
  queue_id: string;
  /** Shared secret for HMAC signatures both ways. */
  secret: string;
  /** Where agents' replies are POSTed; null: replies stay in Switchboard. */
  outbound_url: string | null;
  created_at: number;
}

export interface ChannelContactsTable {
  channel_id: string;
  external_id: string;
  visitor_id: string;
}

export interface ChannelReceiptsTable {
  channel_id: string;
  message_id: string;
  received_at: number;
}

export interface WebhooksTable {
  id: string;
  url: string;
  secret: string;
  /** JSON array of event names. */
  events: string;
  created_at: number;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  /** webhook | channel */
  target_kind: string;
  target_id: string;
  event: string;
  payload: string;
  /** pending | delivered | failed */
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

/** A visitor asked to have one of their conversations deleted; `pending` waits for an admin. */
export interface DeletionRequestsTable {
  id: string;
  conversation_id: string;
  visitor_id: string;
  /** pending | approved (erased) | rejected | erased (done at once, automatic mode) */
  status: string;
  created_at: number;
  decided_at: number | null;
  /** The admin's agent id; null when it was automatic. */
  decided_by: string | null;
}

/** A quality scorecard: weighted criteria (JSON) that reviewers answer. */
export interface ScorecardsTable {
  id: string;
  name: string;
  criteria: string;
  active: number;
  created_at: number;
}

/** A supervisor's review of one finished conversation against one scorecard (criteria copied in). */
export interface QualityReviewsTable {
  id: string;
  conversation_id: string;
  agent_id: string;
  queue_id: string;
  channel: string;
  reviewer_id: string;
  scorecard_id: string;
  scorecard_name: string;
  criteria: string;
  answers: string;
  score: number;
  auto_failed: number;
  comment: string;
  created_at: number;
}

/** An agent's e-mail or channel reply waiting for review: the customer gets it only once approved. */
export interface HeldRepliesTable {
  id: string;
  conversation_id: string;
  agent_id: string;
  agent_name: string;
  client_id: string;
  text: string;
  /** JSON AttachmentRef[]. */
  attachments: string;
  /** pending | returned | approved */
  status: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  comment: string | null;
  message_seq: number | null;
  created_at: number;
  updated_at: number;
}

export interface Database {
  settings: SettingsTable;
  agents: AgentsTable;
  sessions: SessionsTable;
  account_links: AccountLinksTable;
  audit_log: AuditLogTable;
  queues: QueuesTable;
  queue_members: QueueMembersTable;
  visitors: VisitorsTable;
  conversations: ConversationsTable;
  conversation_events: ConversationEventsTable;
  canned_replies: CannedRepliesTable;
  event_log: EventLogTable;
  conversation_notes: ConversationNotesTable;
  conversation_participants: ConversationParticipantsTable;
  recordings: RecordingsTable;
  attachments: AttachmentsTable;
  invitations: InvitationsTable;
  invitation_conversations: InvitationConversationsTable;
  callbacks: CallbacksTable;
  outbound_mails: OutboundMailsTable;
  mail_threads: MailThreadsTable;
  channels: ChannelsTable;
  channel_contacts: ChannelContactsTable;
  channel_receipts: ChannelReceiptsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  customers: CustomersTable;
  customer_audit: CustomerAuditTable;
  customer_addresses: CustomerAddressesTable;
  customer_matches: CustomerMatchesTable;
  mail_senders: MailSendersTable;
  conversation_tags: ConversationTagsTable;
  articles: ArticlesTable;
  deletion_requests: DeletionRequestsTable;
  scorecards: ScorecardsTable;
  quality_reviews: QualityReviewsTable;
  held_replies: HeldRepliesTable;
  voice_clips: VoiceClipsTable;
}
