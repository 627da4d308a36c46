/** Loads and changes what connects Switchboard to the outside: channels, webhooks, e-mail routing rules (admins). */
import type { ReactiveControllerHost } from 'lit';
import type { QueueView } from '../../../signaling/protocol/admin.js';
import type { ChannelView, ContactOptionsView, MailRuleView, WebhookEvent, WebhookView } from '../../../signaling/protocol/channels.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';

export class IntegrationsController extends ScreenController {
  channels: ChannelView[] = [];
  webhooks: WebhookView[] = [];
  rules: MailRuleView[] = [];
  queues: Pick<QueueView, 'id' | 'slug' | 'name'>[] = [];
  /** Each queue's callback policy and alternatives threshold, by queue id. */
  contactOptions: Record<string, ContactOptionsView> = {};
  error: string | undefined;

  constructor(host: ReactiveControllerHost) {
    super(host);
  }

  async load(): Promise<void> {
    await this.run(async () => {
      [this.channels, this.webhooks, this.rules, this.queues] = await Promise.all([api.channels(), api.webhooks(), api.mailRules(), api.queues()]);
      this.contactOptions = Object.fromEntries(await Promise.all(this.queues.map(async (q) => [q.id, await api.contactOptions(q.id)] as const)));
    });
  }

  createChannel = (input: { name: string; queue: string; outboundUrl?: string }) => this.run(async () => void (await api.createChannel(input)), true);
  removeChannel = (id: string) => this.run(() => api.removeChannel(id), true);
  createWebhook = (input: { url: string; events: WebhookEvent[] }) => this.run(async () => void (await api.createWebhook(input)), true);
  removeWebhook = (id: string) => this.run(() => api.removeWebhook(id), true);
  setRules = (rules: MailRuleView[]) => this.run(async () => void (await api.setMailRules(rules)), true);
  setContactOptions = (queueId: string, options: ContactOptionsView) =>
    this.run(async () => {
      this.contactOptions = { ...this.contactOptions, [queueId]: await api.setContactOptions(queueId, options) };
    });

  private async run(work: () => Promise<void>, reload = false): Promise<void> {
    this.error = undefined;
    try {
      await work();
      if (reload) [this.channels, this.webhooks, this.rules] = await Promise.all([api.channels(), api.webhooks(), api.mailRules()]);
    } catch (error) {
      this.error = error instanceof ProtocolError ? error.message : String(error);
    }
    this.changed();
  }
}
