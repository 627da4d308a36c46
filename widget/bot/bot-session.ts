/**
 * The first-level bot: answers the visitor's first question with the knowledge base's best
 * articles before anyone is queued. It says it is a bot, and the visitor can ask for a person
 * at any moment; the question and the articles offered then open the conversation.
 */
import type { ArticleHit } from '../../signaling/protocol/articles.js';
import { visitorLocale } from '../i18n/widget-language.js';

export interface BotState {
  /** `answered`: articles are shown; `resolved`: the visitor said that helped; `handing-off`: a person was asked for. */
  phase: 'idle' | 'searching' | 'answered' | 'resolved' | 'handing-off';
  question?: string;
  articles: ArticleHit[];
  /** Articles the visitor opened, by id, with their text. */
  opened: Record<string, string>;
  error?: boolean;
}

export class BotSession extends EventTarget {
  state: BotState = { phase: 'idle', articles: [], opened: {} };

  constructor(
    private readonly serverUrl: string,
    private readonly handOff: (question: string, articles: { id: string; title: string }[]) => Promise<void>,
  ) {
    super();
  }

  /** Whether the bot takes this message: the first of a visitor with no conversation (or after an answer that helped). */
  takes(): boolean {
    return this.state.phase === 'idle' || this.state.phase === 'resolved';
  }

  /** Looks the question up; with nothing to offer, goes straight to a person. */
  async ask(question: string): Promise<void> {
    this.update({ phase: 'searching', question, articles: [], opened: {} });
    let articles: ArticleHit[] = [];
    try {
      const response = await fetch(`${this.serverUrl}/api/visitors/articles?${new URLSearchParams({ q: question.slice(0, 500), locale: visitorLocale() })}`);
      if (response.ok) articles = (await response.json()) as ArticleHit[];
    } catch {
      // the bot is a shortcut, not a gate: without it, a person answers
    }
    if (articles.length === 0) return this.toPerson();
    this.update({ phase: 'answered', articles });
  }

  async open(articleId: string): Promise<void> {
    if (this.state.opened[articleId]) return;
    const response = await fetch(`${this.serverUrl}/api/visitors/articles/${encodeURIComponent(articleId)}`);
    if (!response.ok) return;
    const { body } = (await response.json()) as { body: string };
    this.update({ opened: { ...this.state.opened, [articleId]: body } });
  }

  /** Forgets the last exchange (a new conversation starts from scratch). */
  reset(): void {
    this.update({ phase: 'idle', question: undefined, articles: [], opened: {} });
  }

  resolved(): void {
    this.update({ phase: 'resolved' });
  }

  async toPerson(): Promise<void> {
    const question = this.state.question;
    if (!question) return;
    this.update({ phase: 'handing-off' });
    try {
      await this.handOff(question, this.state.articles.map((a) => ({ id: a.id, title: a.title })));
      this.reset();
    } catch {
      this.update({ phase: 'answered', error: true });
    }
  }

  private update(patch: Partial<BotState>): void {
    this.state = { ...this.state, ...patch };
    if (!('error' in patch)) delete this.state.error;
    this.dispatchEvent(new Event('change'));
  }
}
