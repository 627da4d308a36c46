/**
 * The visitor's way through the topic menu before a chat: pick a topic, read the articles its
 * search finds (when it has one), then talk to a person in the topic's queue. No UI; the panel
 * renders `state`, and `onChosen` (set by mount-chat) points the chat at the topic's queue.
 */
import type { ArticleHit } from '../../signaling/protocol/articles.js';
import type { Topic } from '../../signaling/protocol/topic-menu.js';
import { visitorLocale } from '../i18n/widget-language.js';

export interface TopicChoiceState {
  /** `menu`: the buttons; `searching`/`articles`: the topic's articles first; `chosen`: the chat is for `topic`. */
  phase: 'menu' | 'searching' | 'articles' | 'chosen';
  topic?: Topic;
  articles: ArticleHit[];
  /** Articles the visitor opened, by id, with their text. */
  opened: Record<string, string>;
}

/** The topic's label in `language` (a code such as `de-AT` or `de`), else its main label. */
export function topicLabel(topic: Topic, language: string): string {
  const code = language.toLowerCase().split('-')[0] ?? '';
  return topic.labels?.[code] ?? topic.label;
}

/** How many articles a topic shows: a few, read at a glance, before a person. */
const MAX_ARTICLES = 3;

export class TopicChoice extends EventTarget {
  state: TopicChoiceState = { phase: 'menu', articles: [], opened: {} };

  constructor(
    private readonly serverUrl: string,
    /** The chat starts in this topic's queue from now on (`undefined`: the page's queue again). */
    private readonly onChosen: (topic: Topic | undefined) => void,
  ) {
    super();
  }

  /** The visitor picks a topic: its articles first when it has a search that finds some, else straight to the chat. */
  async choose(topic: Topic): Promise<void> {
    if (!topic.articleSearch) return this.talk(topic);
    this.update({ phase: 'searching', topic, articles: [], opened: {} });
    let articles: ArticleHit[] = [];
    try {
      const response = await fetch(`${this.serverUrl}/api/visitors/articles?${new URLSearchParams({ q: topic.articleSearch, locale: visitorLocale() })}`);
      if (response.ok) articles = ((await response.json()) as ArticleHit[]).slice(0, MAX_ARTICLES);
    } catch {
      // articles are a shortcut, not a gate: without them, a person answers
    }
    // The visitor may have gone back meanwhile.
    if (this.state.topic !== topic || this.state.phase !== 'searching') return;
    if (!articles.length) return this.talk(topic);
    this.update({ phase: 'articles', articles });
  }

  async open(articleId: string): Promise<void> {
    if (this.state.opened[articleId]) return;
    const response = await fetch(`${this.serverUrl}/api/visitors/articles/${encodeURIComponent(articleId)}`).catch(() => undefined);
    if (!response?.ok) return;
    const { body } = (await response.json()) as { body: string };
    this.update({ opened: { ...this.state.opened, [articleId]: body } });
  }

  /** A person, please: the chat is about the topic chosen (or `topic`). */
  talk(topic = this.state.topic): void {
    if (!topic) return;
    this.onChosen(topic);
    this.update({ phase: 'chosen', topic });
  }

  /** Back to the menu (before the chat starts), or after a chat ends: the page's queue again until the next choice. */
  back(): void {
    if (this.state.phase === 'chosen') this.onChosen(undefined);
    this.update({ phase: 'menu', topic: undefined, articles: [], opened: {} });
  }

  private update(patch: Partial<TopicChoiceState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
  }
}
