/** The agent app's REST calls. Errors come back as ProtocolError with the server's reason. */
import type { AgentRoutingInput, AgentView, QueueCreateInput, QueueMemberInput, QueueUpdateInput, QueueView } from '../../signaling/protocol/admin.js';
import type { CannedReply, CannedReplyInput, LoginRequest, TransferTargets } from '../../signaling/protocol/api.js';
import type { Article, ArticleInput, Suggestions } from '../../signaling/protocol/articles.js';
import type { CustomerProfile, CustomerTimeline } from '../../signaling/protocol/customers.js';
import type { ChannelView, ContactOptionsView, MailRuleView, WebhookEvent, WebhookView } from '../../signaling/protocol/channels.js';
import type { CallbackView } from '../../signaling/protocol/contact-options.js';
import type { CallbackOutcome, ConversationSummary } from '../../signaling/protocol/conversation.js';
import type { InvitationInput, InvitationView } from '../../signaling/protocol/invitations.js';
import type { TopicMenu } from '../../signaling/protocol/topic-menu.js';
import type { FilePolicy } from '../../signaling/protocol/file-policy.js';
import type { VoiceClip } from '../../signaling/protocol/voice-clips.js';
import type { DeletionRequestStatus, DeletionRequestView, RetentionSettings } from '../../signaling/protocol/privacy.js';
import type { ActivityRow, ReportQuery, ReportRow, StaffingQuery, StaffingRow } from '../../signaling/protocol/reports.js';
import type { QualityRow, ReviewInput, ReviewView, SampleItem, ScorecardInput, ScorecardView } from '../../signaling/protocol/quality.js';
import type { ErrorBody, ErrorReason } from '../../signaling/protocol/errors.js';
import { ProtocolError } from '../../signaling/protocol/protocol-client.js';
import type { AgentProfile } from '../../signaling/protocol/server-frames.js';
import type { AuditEntryView } from '../../signaling/protocol/audit.js';
import type {
  LinkInfo,
  LoginLimit,
  PasswordReset,
  ProfileUpdate,
  SessionView,
  TeamMember,
  TeamMemberCreate,
  TeamMemberCreated,
  TeamMemberUpdate,
} from '../../signaling/protocol/team.js';

/** A refused request, with the fields the server named (`issues[].path`), to show each message beside its field. */
export class ApiError extends ProtocolError {
  constructor(
    reason: ErrorReason,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(reason, message);
    this.name = 'ApiError';
  }
}

export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`/api${path}`, {
    ...init,
    credentials: 'same-origin',
    // A form (a file upload) sets its own multipart type and boundary.
    headers: { ...(init.body && !(init.body instanceof FormData) ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as T | ErrorBody | undefined;
  if (!response.ok) {
    const error = (body as ErrorBody | undefined)?.error;
    throw new ApiError(error?.reason ?? 'internal', error?.message ?? `HTTP ${response.status}`, error?.issues);
  }
  return body as T;
}

/** The query string of a report; the CSV link uses the same with format=csv. */
export function reportParams(q: Omit<ReportQuery, 'format'> & { format?: 'json' | 'csv' }): string {
  return new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();
}

export const api = {
  login: (request: LoginRequest) => call<AgentProfile>('/auth/login', { method: 'POST', body: JSON.stringify(request) }),
  /** Who is signed in in this browser: answers 200 either way, so a signed-out start logs no error. */
  session: () => call<{ agent: AgentProfile | null }>('/auth/session'),
  updateMe: (input: ProfileUpdate) => call<AgentProfile>('/auth/me', { method: 'PATCH', body: JSON.stringify(input) }),
  logout: () => call<void>('/auth/logout', { method: 'POST' }),
  cannedReplies: () => call<CannedReply[]>('/canned-replies'),
  voiceClips: () => call<VoiceClip[]>('/voice-clips'),
  /** A text to speak goes as JSON; a recording as a form with the file in `audio`. */
  saveVoiceClip: (id: string | undefined, body: FormData | Record<string, unknown>) =>
    call<VoiceClip>(id ? `/voice-clips/${encodeURIComponent(id)}` : '/voice-clips', { method: id ? 'PUT' : 'POST', body: body instanceof FormData ? body : JSON.stringify(body) }),
  removeVoiceClip: (id: string) => call<void>(`/voice-clips/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  voiceClipPlayed: (conversationId: string, clipId: string) => call<void>(`/conversations/${encodeURIComponent(conversationId)}/voice-clips/${encodeURIComponent(clipId)}/plays`, { method: 'POST' }),
  transferTargets: () => call<TransferTargets>('/transfer-targets'),
  conversation: (id: string) => call<ConversationSummary>(`/conversations/${encodeURIComponent(id)}`),
  scorecards: () => call<ScorecardView[]>('/quality/scorecards'),
  saveScorecard: (id: string | undefined, input: ScorecardInput) =>
    call<ScorecardView>(id ? `/quality/scorecards/${encodeURIComponent(id)}` : '/quality/scorecards', { method: id ? 'PUT' : 'POST', body: JSON.stringify(input) }),
  reviewSample: () => call<SampleItem[]>('/quality/sample'),
  scoreConversation: (input: ReviewInput) => call<ReviewView>('/quality/reviews', { method: 'POST', body: JSON.stringify(input) }),
  reviews: () => call<ReviewView[]>('/quality/reviews'),
  qualityReport: (from: string, to: string, groupBy: 'agent' | 'queue') => call<QualityRow[]>(`/reports/quality?${new URLSearchParams({ from, to, groupBy }).toString()}`),
  agentActivity: (from: string, to: string) => call<ActivityRow[]>(`/reports/agent-activity?${new URLSearchParams({ from, to }).toString()}`),
  escalate: (id: string, reason: string) => call<{ tier: number }>(`/conversations/${encodeURIComponent(id)}/escalate`, { method: 'POST', body: JSON.stringify({ reason }) }),
  callbackOutcome: (id: string, outcome: CallbackOutcome, retryAt?: number) =>
    call<CallbackView>(`/conversations/${encodeURIComponent(id)}/callback-outcome`, { method: 'POST', body: JSON.stringify({ outcome, ...(retryAt ? { retryAt } : {}) }) }),
  customer: (conversationId: string) => call<CustomerProfile>(`/conversations/${encodeURIComponent(conversationId)}/customer`),
  customerTimeline: (conversationId: string) => call<CustomerTimeline>(`/conversations/${encodeURIComponent(conversationId)}/customer/timeline`),
  mergeCustomer: (conversationId: string, customerId: string) => call<CustomerProfile>(`/conversations/${encodeURIComponent(conversationId)}/customer/merge`, { method: 'POST', body: JSON.stringify({ customerId }) }),
  linkCustomerMatch: (conversationId: string, matchId: string) => call<CustomerProfile>(`/conversations/${encodeURIComponent(conversationId)}/customer/matches/${encodeURIComponent(matchId)}/link`, { method: 'POST' }),
  dismissCustomerMatch: (conversationId: string, matchId: string) => call<CustomerProfile>(`/conversations/${encodeURIComponent(conversationId)}/customer/matches/${encodeURIComponent(matchId)}/dismiss`, { method: 'POST' }),
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
  invitations: () => call<InvitationView[]>('/admin/invitations'),
  /** Creates an invitation (no id) or replaces one. */
  saveInvitation: (id: string | undefined, input: InvitationInput) => call<InvitationView>(id ? `/admin/invitations/${encodeURIComponent(id)}` : '/admin/invitations', { method: id ? 'PUT' : 'POST', body: JSON.stringify(input) }),
  topicMenu: () => call<TopicMenu>('/admin/topic-menu'),
  saveTopicMenu: (menu: TopicMenu) => call<TopicMenu>('/admin/topic-menu', { method: 'PUT', body: JSON.stringify(menu) }),
  filePolicy: () => call<FilePolicy>('/admin/file-policy'),
  saveFilePolicy: (policy: FilePolicy) => call<FilePolicy>('/admin/file-policy', { method: 'PUT', body: JSON.stringify(policy) }),
  retention: () => call<RetentionSettings>('/privacy/retention'),
  setRetention: (settings: Partial<RetentionSettings>) => call<RetentionSettings>('/privacy/retention', { method: 'PUT', body: JSON.stringify(settings) }),
  deletionRequests: (status?: DeletionRequestStatus) => call<DeletionRequestView[]>(`/privacy/deletion-requests${status ? `?status=${status}` : ''}`),
  decideDeletion: (id: string, decision: 'approve' | 'reject') => call<DeletionRequestView>(`/privacy/deletion-requests/${encodeURIComponent(id)}/${decision}`, { method: 'POST' }),
  updateProfile: (change: ProfileUpdate) => call<AgentProfile>('/auth/me', { method: 'PATCH', body: JSON.stringify(change) }),
  changePassword: (currentPassword: string, newPassword: string) => call<AgentProfile>('/auth/password', { method: 'POST', body: JSON.stringify({ currentPassword, newPassword }) }),
  sessions: () => call<SessionView[]>('/auth/sessions'),
  endSession: (id: string) => call<void>(`/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  endOtherSessions: () => call<{ ended: number }>('/auth/sessions/end-others', { method: 'POST' }),
  inspectLink: (token: string) => call<LinkInfo>('/auth/links/inspect', { method: 'POST', body: JSON.stringify({ token }) }),
  acceptLink: (token: string, password: string, name?: string) => call<AgentProfile>('/auth/links/accept', { method: 'POST', body: JSON.stringify({ token, password, ...(name ? { name } : {}) }) }),
  team: () => call<TeamMember[]>('/team'),
  addTeamMember: (input: TeamMemberCreate) => call<TeamMemberCreated>('/team', { method: 'POST', body: JSON.stringify(input) }),
  updateTeamMember: (id: string, change: TeamMemberUpdate) => call<TeamMember>(`/team/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(change) }),
  deactivateTeamMember: (id: string) => call<TeamMember>(`/team/${encodeURIComponent(id)}/deactivate`, { method: 'POST' }),
  reactivateTeamMember: (id: string) => call<TeamMember>(`/team/${encodeURIComponent(id)}/reactivate`, { method: 'POST' }),
  resetPassword: (id: string, method: 'link' | 'temporary') => call<PasswordReset>(`/team/${encodeURIComponent(id)}/password-reset`, { method: 'POST', body: JSON.stringify({ method }) }),
  loginLimits: () => call<LoginLimit[]>('/team/login-limits'),
  clearLoginLimits: (which: { email?: string; address?: string }) => call<{ cleared: number }>('/team/login-limits/clear', { method: 'POST', body: JSON.stringify(which) }),
  audit: (before?: number, limit = 25) => call<AuditEntryView[]>(`/audit?limit=${limit}${before ? `&before=${before}` : ''}`),
  updateAgentRouting: (id: string, input: AgentRoutingInput) => call<AgentView>(`/admin/agents/${encodeURIComponent(id)}/routing`, { method: 'PATCH', body: JSON.stringify(input) }),
};
