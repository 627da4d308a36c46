/** The agent app's REST calls. Errors come back as ProtocolError with the server's reason. */
import type { AgentRoutingInput, AgentView, QueueCreateInput, QueueMemberInput, QueueUpdateInput, QueueView } from '../../signaling/protocol/admin.js';
import type { CannedReply, CannedReplyInput, LoginRequest, TransferTargets } from '../../signaling/protocol/api.js';
import type { Article, ArticleInput, Suggestions } from '../../signaling/protocol/articles.js';
import type { CustomerProfile, CustomerTimeline } from '../../signaling/protocol/customers.js';
import type { ChannelView, ContactOptionsView, MailRuleView, WebhookEvent, WebhookView } from '../../signaling/protocol/channels.js';
import type { CallbackView } from '../../signaling/protocol/contact-options.js';
import type { CallbackOutcome, ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { ReportQuery, ReportRow, StaffingQuery, StaffingRow } from '../../signaling/protocol/reports.js';
import type { ErrorBody } from '../../signaling/protocol/errors.js';
import { ProtocolError } from '../../signaling/protocol/protocol-client.js';
import type { AgentProfile } from '../../signaling/protocol/server-frames.js';
import type { ProfileUpdate } from '../../signaling/protocol/team.js';

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
  updateMe: (input: ProfileUpdate) => call<AgentProfile>('/auth/me', { method: 'PATCH', body: JSON.stringify(input) }),
  logout: () => call<void>('/auth/logout', { method: 'POST' }),
  cannedReplies: () => call<CannedReply[]>('/canned-replies'),
  transferTargets: () => call<TransferTargets>('/transfer-targets'),
  conversation: (id: string) => call<ConversationSummary>(`/conversations/${encodeURIComponent(id)}`),
  callbackOutcome: (id: string, outcome: CallbackOutcome, retryAt?: number) =>
    call<CallbackView>(`/conversations/${encodeURIComponent(id)}/callback-outcome`, { method: 'POST', body: JSON.stringify({ outcome, ...(retryAt ? { retryAt } : {}) }) }),
  customer: (conversationId: string) => call<CustomerProfile>(`/conversations/${encodeURIComponent(conversationId)}/customer`),
  customerTimeline: (conversationId: string) => call<CustomerTimeline>(`/conversations/${encodeURIComponent(conversationId)}/customer/timeline`),
  mergeCustomer: (conversationId: string, customerId: string) => call<CustomerProfile>(`/conversations/${encodeURIComponent(conversationId)}/customer/merge`, { method: 'POST', body: JSON.stringify({ customerId }) }),
  splitCustomer: (conversationId: string, visitorId: string) => call<CustomerProfile>(`/conversations/${encodeURIComponent(conversationId)}/customer/split`, { method: 'POST', body: JSON.stringify({ visitorId }) }),
  setTags: (conversationId: string, tags: string[]) => call<string[]>(`/conversations/${encodeURIComponent(conversationId)}/tags`, { method: 'PUT', body: JSON.stringify({ tags }) }),
  searchCustomers: (q: string) => call<{ id: string; name?: string; email?: string; phone?: string }[]>(`/customers?q=${encodeURIComponent(q)}`),
  suggestions: (conversationId: string) => call<Suggestions>(`/conversations/${encodeURIComponent(conversationId)}/suggestions`),
  saveCannedReply: (id: string | undefined, input: CannedReplyInput) => call<CannedReply>(id ? `/canned-replies/${encodeURIComponent(id)}` : '/canned-replies', { method: id ? 'PUT' : 'POST', body: JSON.stringify(input) }),
  removeCannedReply: (id: string) => call<void>(`/canned-replies/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  articles: () => call<Article[]>('/articles'),
  saveArticle: (id: string | undefined, input: ArticleInput) => call<Article>(id ? `/articles/${encodeURIComponent(id)}` : '/articles', { method: id ? 'PUT' : 'POST', body: JSON.stringify(input) }),
  removeArticle: (id: string) => call<void>(`/articles/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  channels: () => call<ChannelView[]>('/integrations/channels'),
  createChannel: (input: { name: string; queue: string; outboundUrl?: string }) => call<ChannelView>('/integrations/channels', { method: 'POST', body: JSON.stringify(input) }),
  removeChannel: (id: string) => call<void>(`/integrations/channels/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  webhooks: () => call<WebhookView[]>('/integrations/webhooks'),
  createWebhook: (input: { url: string; events: WebhookEvent[] }) => call<WebhookView>('/integrations/webhooks', { method: 'POST', body: JSON.stringify(input) }),
  removeWebhook: (id: string) => call<void>(`/integrations/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  mailRules: () => call<MailRuleView[]>('/integrations/mail-rules'),
  setMailRules: (rules: MailRuleView[]) => call<MailRuleView[]>('/integrations/mail-rules', { method: 'PUT', body: JSON.stringify(rules) }),
  contactOptions: (queueId: string) => call<ContactOptionsView>(`/integrations/queues/${encodeURIComponent(queueId)}/contact-options`),
  setContactOptions: (queueId: string, options: ContactOptionsView) =>
    call<ContactOptionsView>(`/integrations/queues/${encodeURIComponent(queueId)}/contact-options`, { method: 'PUT', body: JSON.stringify(options) }),
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
