/** What the visitor's chat shows: the state a ChatSession keeps and the panel renders. */
import type { CallView } from '../../signaling/protocol/call.js';
import type { CobrowseView } from '../../signaling/protocol/cobrowse.js';
import type { ConversationEvent, ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { ErrorReason } from '../../signaling/protocol/errors.js';
import type { ConnectionStatus } from '../../signaling/protocol/protocol-client.js';
import type { OutboxItem } from './outbox.js';

export interface ChatState {
  connection: ConnectionStatus;
  /** Why the chat stopped for good, when it did. */
  fatal?: ErrorReason;
  conversation?: ConversationSummary;
  /** The conversation's timeline, by seq, without duplicates. */
  events: ConversationEvent[];
  /** Messages typed but not acknowledged yet. */
  outbox: readonly OutboxItem[];
  queue?: { position: number; agentsAvailable: number; estimatedWaitMs?: number };
  agentTyping?: { name?: string };
  /** The last error to show the visitor, cleared by the next successful send. */
  error?: ErrorReason;
  /** The visitor's call, as the server last described it (with their peer credentials). */
  call?: CallView;
  /** An agent calling the visitor in the browser, while it rings. */
  ring?: { conversationId: string; agentName: string; expiresAt: number };
  /** The visitor turned calls from agents off. */
  webCallsOff?: boolean;
  /** Co-browsing in the current conversation: asked, shared, or just ended (with why). */
  cobrowse?: CobrowseView;
  /** The visitor has chatted before (any conversation the server knows): a pre-chat form is not shown again. */
  returning?: boolean;
  /** What the server and the page (`identify()`) told about the visitor: a pre-chat form starts from it. */
  known?: { name?: string; email?: string; phone?: string };
}
