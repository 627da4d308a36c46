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
  max_chats: number;
  created_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value, so a leaked database holds no usable session. */
  id_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
}

export interface QueuesTable {
  id: string;
  slug: string;
  name: string;
  is_default: number;
  offer_timeout_ms: number;
  retry_delay_ms: number;
  created_at: number;
}

export interface QueueMembersTable {
  queue_id: string;
  agent_id: string;
}

export interface VisitorsTable {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  created_at: number;
  last_seen_at: number;
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

export interface Database {
  settings: SettingsTable;
  agents: AgentsTable;
  sessions: SessionsTable;
  queues: QueuesTable;
  queue_members: QueueMembersTable;
  visitors: VisitorsTable;
  conversations: ConversationsTable;
  conversation_events: ConversationEventsTable;
  canned_replies: CannedRepliesTable;
  event_log: EventLogTable;
}
