/**
 * The site-wide topic menu: kept as one JSON value in the settings table (every node reads the
 * same), checked against the queues when an admin saves it, and recorded on a conversation when
 * a visitor starts one from it.
 */
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import { auditActorOf, type AuditTrail } from '../kernel/audit-trail.js';
import type { CustomerAttributes } from '../protocol/customers.js';
import { topicMenuSchema, type TopicMenu } from '../protocol/topic-menu.js';
import type { Store } from '../store/store.js';

export const TOPIC_MENU_KEY = 'widget.topic-menu';

/** The attribute the agent sees beside a conversation started from the menu. */
export const TOPIC_ATTRIBUTE = 'Topic';

export interface TopicMenuDeps {
  store: Store;
  audit: AuditTrail;
  /** Merges facts about the conversation into what the agent sees beside it. */
  setConversationAttributes(visitorId: string, attributes: CustomerAttributes): Promise<void>;
}

export class TopicMenuService {
  constructor(private readonly deps: TopicMenuDeps) {}

  /** The menu as stored; an unreadable value is no menu (the widget then opens straight on the chat). */
  async read(): Promise<TopicMenu> {
    const stored = await this.deps.store.settings.get(TOPIC_MENU_KEY);
    if (!stored) return { topics: [] };
    const parsed = topicMenuSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : { topics: [] };
  }

  /**
   * Replaces the menu (an empty list removes it).
   * @throws AppError `invalid-input` naming each topic whose queue does not exist or a repeated label; nothing is stored then.
   */
  async save(actor: Actor, menu: TopicMenu): Promise<TopicMenu> {
    const slugs = new Set((await this.deps.store.queues.list()).map((q) => q.slug));
    const issues: { path: string; message: string }[] = [];
    const seen = new Set<string>();
    menu.topics.forEach((topic, i) => {
      if (!slugs.has(topic.queue)) issues.push({ path: `topics.${i}.queue`, message: `no queue "${topic.queue}"` });
      const key = topic.label.toLowerCase();
      if (seen.has(key)) issues.push({ path: `topics.${i}.label`, message: `"${topic.label}" is already a topic` });
      seen.add(key);
    });
    if (issues.length) throw new AppError('invalid-input', `the topic menu was not saved: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
    await this.deps.store.settings.set(TOPIC_MENU_KEY, JSON.stringify(menu));
    await this.deps.audit.record(auditActorOf(actor), 'topic-menu.changed', { type: 'settings', id: TOPIC_MENU_KEY }, { topics: menu.topics.map((t) => `${t.label} → ${t.queue}`) });
    return menu;
  }

  /**
   * The queue a call about `label` rings in, recorded on the visitor's conversation as a chat's
   * topic is. A call is routed by the topic, so a made-up label or one sent with another queue is
   * refused rather than ignored: it would ring in the wrong queue.
   * @throws AppError `invalid-input` for a label not on the menu, or a `queue` that is not its queue.
   */
  async routeCall(visitorId: string, label: string, queue: string | undefined): Promise<string> {
    const topic = (await this.read()).topics.find((t) => t.label === label);
    if (!topic) throw new AppError('invalid-input', `"${label}" is not on the topic menu`, [{ path: 'topic', message: 'not on the topic menu' }]);
    if (queue !== undefined && queue !== topic.queue) throw new AppError('invalid-input', `the topic "${label}" routes to another queue`, [{ path: 'queue', message: 'not the topic’s queue' }]);
    await this.deps.setConversationAttributes(visitorId, { [TOPIC_ATTRIBUTE]: topic.label });
    return topic.queue;
  }

  /**
   * Records the topic a visitor chose on the conversation they start in `queue`. A label not on
   * the menu (changed meanwhile, or made up), or one whose queue is not the one started in, is not
   * recorded: agents see only topics the admin wrote, for the queue they route to.
   */
  async recordChoice(visitorId: string, label: string | undefined, queue: string | undefined): Promise<void> {
    if (!label) return;
    const topic = (await this.read()).topics.find((t) => t.label === label && t.queue === queue);
    if (topic) await this.deps.setConversationAttributes(visitorId, { [TOPIC_ATTRIBUTE]: topic.label });
  }
}
