/** The administration tabs: Queues and Agents (routing, read-only for supervisors), Integrations and Invitations (admins). */
import { html, nothing } from 'lit';
import type { AgentRoutingInput, QueueCreateInput, QueueMemberInput } from '../../../signaling/protocol/admin.js';
import type { ContactOptionsView, MailRuleView, WebhookEvent } from '../../../signaling/protocol/channels.js';
import type { AdminController } from '../admin/admin-controller.js';
import type { IntegrationsController } from '../admin/integrations-controller.js';
import type { PrivacyController } from '../admin/privacy-controller.js';
import type { RetentionSettings } from '../../../signaling/protocol/privacy.js';
import { t } from '../i18n/en.js';

type Detail<T> = CustomEvent<T>;

export interface RoutingTabOptions {
  tab: 'queues' | 'agents';
  /** Supervisors see routing but cannot change it. */
  readOnly: boolean;
  /** The queue open in the editor (the first one when none was chosen). */
  selectedQueueId: string | undefined;
  selectQueue(id: string): void;
}

/** Queues or agents, with the last save's error or confirmation above. */
export function renderRoutingTab(admin: AdminController, { tab, readOnly, selectedQueueId, selectQueue }: RoutingTabOptions) {
  const busy = admin.status === 'saving' || admin.status === 'loading';
  const onQueueSave = async (e: Detail<{ id?: string; input: QueueCreateInput; members: QueueMemberInput[] }>) => {
    const id = await admin.saveQueue(e.detail.id, e.detail.input, e.detail.members);
    if (id) selectQueue(id);
  };
  return html`<div class="admin">
    ${admin.error ? html`<div class="banner error" role="alert">${t('errorInvalidSettings', { details: admin.error })}</div>` : nothing}
    ${admin.savedAt && !admin.error ? html`<div class="notice" role="status">${t('saved')}</div>` : nothing}
    ${tab === 'queues'
      ? html`<sb-admin-queues
          .queues=${admin.queues}
          .agents=${admin.agents}
          .selectedId=${selectedQueueId ?? admin.queues[0]?.id}
          ?busy=${busy || readOnly}
          @sb-queue-select=${(e: Detail<{ id?: string }>) => selectQueue(e.detail.id ?? '')}
          @sb-queue-save=${onQueueSave}
          @sb-queue-invalid=${(e: Detail<{ message: string }>) => admin.reject(e.detail.message)}
        ></sb-admin-queues>`
      : html`<sb-agent-routing
          .agents=${admin.agents}
          ?busy=${busy || readOnly}
          @sb-agent-save=${(e: Detail<{ id: string; input: AgentRoutingInput }>) => admin.saveAgent(e.detail.id, e.detail.input)}
          @sb-agent-invalid=${(e: Detail<{ message: string }>) => admin.reject(e.detail.message)}
        ></sb-agent-routing>`}
  </div>`;
}

/** Customers' data: how long conversations, recordings and attachments are kept, and visitors' deletion requests. */
export function renderPrivacyTab(privacy: PrivacyController) {
  return html`<sb-privacy
    class="admin"
    .retention=${privacy.retention}
    .requests=${privacy.requests}
    .error=${privacy.error}
    @sb-retention-save=${(e: Detail<{ settings: RetentionSettings }>) => void privacy.saveRetention(e.detail.settings)}
    @sb-deletion-decide=${(e: Detail<{ id: string; decision: 'approve' | 'reject' }>) => void privacy.decide(e.detail.id, e.detail.decision)}
  ></sb-privacy>`;
}

/** Channels, webhooks, e-mail routing and each queue's callback policy. */
export function renderIntegrationsTab(integrations: IntegrationsController) {
  return html`<sb-integrations
    class="admin"
    .channels=${integrations.channels}
    .webhooks=${integrations.webhooks}
    .rules=${integrations.rules}
    .queues=${integrations.queues}
    .contactOptions=${integrations.contactOptions}
    .error=${integrations.error}
    @sb-contact-options=${(e: Detail<{ queueId: string; options: ContactOptionsView }>) => void integrations.setContactOptions(e.detail.queueId, e.detail.options)}
    @sb-channel-create=${(e: Detail<{ name: string; queue: string; outboundUrl?: string }>) => void integrations.createChannel(e.detail)}
    @sb-channel-remove=${(e: Detail<{ id: string }>) => void integrations.removeChannel(e.detail.id)}
    @sb-webhook-create=${(e: Detail<{ url: string; events: WebhookEvent[] }>) => void integrations.createWebhook(e.detail)}
    @sb-webhook-remove=${(e: Detail<{ id: string }>) => void integrations.removeWebhook(e.detail.id)}
    @sb-mail-rules=${(e: Detail<{ rules: MailRuleView[] }>) => void integrations.setRules(e.detail.rules)}
  ></sb-integrations>`;
}

/**
 * What the widget offers (admins): proactive invitations (list with counts, create, edit, turn
 * off), the topic menu and the shared files' policy. Queues and agents come from routing's admin data.
 */
export function renderInvitationsTab(admin: AdminController) {
  const queues = admin.queues.map((q) => ({ slug: q.slug, name: q.name }));
  return html`<sb-invitations class="admin" .queues=${queues} .agents=${admin.agents.map((a) => ({ id: a.id, name: a.name }))}></sb-invitations>
    <sb-topic-menu-editor class="admin" .queues=${queues}></sb-topic-menu-editor>
    <sb-file-policy-editor class="admin"></sb-file-policy-editor>`;
}
