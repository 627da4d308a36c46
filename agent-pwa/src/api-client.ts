/** The agent app's REST calls. Errors come back as ProtocolError with the server's reason. */
import type { AgentRoutingInput, AgentView, QueueCreateInput, QueueMemberInput, QueueUpdateInput, QueueView } from '../../signaling/protocol/admin.js';
import type { CannedReply, LoginRequest, TransferTargets } from '../../signaling/protocol/api.js';
import type { CallbackView } from '../../signaling/protocol/contact-options.js';
import type { CallbackOutcome, ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { ReportQuery, ReportRow, StaffingQuery, StaffingRow } from '../../signaling/protocol/reports.js';
import type { ErrorBody } from '../../signaling/protocol/errors.js';
import { ProtocolError } from '../../signaling/protocol/protocol-client.js';
import type { AgentProfile } from '../../signaling/protocol/server-frames.js';

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`/api${path}`, {
    ...init,
    credentials: 'same-origin',
    headers: { ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as T | ErrorBody | undefined;
  if (!response.ok) {
    const error = (body as ErrorBody | undefined)?.error;
    throw new ProtocolError(error?.reason ?? 'internal', error?.message ?? `HTTP ${response.status}`);
  }
  return body as T;
}

/** The query string of a report; the CSV link uses the same with format=csv. */
export function reportParams(q: Omit<ReportQuery, 'format'> & { format?: 'json' | 'csv' }): string {
  return new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();
}

export const api = {
  login: (request: LoginRequest) => call<AgentProfile>('/auth/login', { method: 'POST', body: JSON.stringify(request) }),
  me: () => call<AgentProfile>('/auth/me'),
  logout: () => call<void>('/auth/logout', { method: 'POST' }),
  cannedReplies: () => call<CannedReply[]>('/canned-replies'),
  transferTargets: () => call<TransferTargets>('/transfer-targets'),
  conversation: (id: string) => call<ConversationSummary>(`/conversations/${encodeURIComponent(id)}`),
  callbackOutcome: (id: string, outcome: CallbackOutcome, retryAt?: number) =>
    call<CallbackView>(`/conversations/${encodeURIComponent(id)}/callback-outcome`, { method: 'POST', body: JSON.stringify({ outcome, ...(retryAt ? { retryAt } : {}) }) }),
  queues: () => call<QueueView[]>('/admin/queues'),
  createQueue: (input: QueueCreateInput) => call<QueueView>('/admin/queues', { method: 'POST', body: JSON.stringify(input) }),
  updateQueue: (id: string, input: QueueUpdateInput) => call<QueueView>(`/admin/queues/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(input) }),
  setMembers: (id: string, members: QueueMemberInput[]) => call<QueueView>(`/admin/queues/${encodeURIComponent(id)}/members`, { method: 'PUT', body: JSON.stringify(members) }),
  agents: () => call<AgentView[]>('/admin/agents'),
  forcePresence: (agentId: string, status: string, reason?: string) =>
    call<void>(`/supervisor/agents/${encodeURIComponent(agentId)}/presence`, { method: 'PUT', body: JSON.stringify({ status, ...(reason ? { reason } : {}) }) }),
  report: (q: Omit<ReportQuery, 'format'>) => call<ReportRow[]>(`/reports?${reportParams(q)}`),
  staffing: (q: StaffingQuery) => call<StaffingRow[]>(`/reports/staffing?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`),
  updateAgentRouting: (id: string, input: AgentRoutingInput) => call<AgentView>(`/admin/agents/${encodeURIComponent(id)}/routing`, { method: 'PATCH', body: JSON.stringify(input) }),
};
