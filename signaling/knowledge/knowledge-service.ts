/**
 * The knowledge base and canned replies, and what they suggest: the bot's answers to a
 * visitor's first question, and one-click suggestions for an agent's reply. Indexes are
 * rebuilt from the store after each change (hundreds of texts: milliseconds).
 */
import { randomUUID } from 'node:crypto';
import type { CannedReply, CannedReplyInput } from '../protocol/api.js';
import type { Article, ArticleHit, ArticleInput, Suggestions } from '../protocol/articles.js';
import { repliesFor } from '../protocol/canned-replies.js';
import type { Store } from '../store/store.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';
import { TextSearch } from './text-search.js';

const EXCERPT_LENGTH = 180;
const excerpt = (body: string) => (body.length <= EXCERPT_LENGTH ? body : `${body.slice(0, EXCERPT_LENGTH).replace(/\s+\S*$/, '')}…`);

type StaffActor = Actor & { kind: 'agent' };

export class KnowledgeService {
  private articles: TextSearch<Article> | undefined;
  private replies: TextSearch<CannedReply> | undefined;

  constructor(
    private readonly store: Store,
    private readonly parties: ConversationParties,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Articles for a question, in the asker's language when there are any in it. */
  async searchArticles(question: string, locale: string | undefined, limit = 3): Promise<ArticleHit[]> {
    this.articles ??= new TextSearch(await this.store.articles.list());
    // The question is read as the asker's language (its stop words and stems); other languages' articles only when none fits.
    const inLanguage = locale ? this.articles.search(question, limit, () => true, [locale]) : [];
    const hits = inLanguage.length ? inLanguage : this.articles.search(question, limit);
    return hits.map(({ item, score }) => ({ id: item.id, title: item.title, excerpt: excerpt(item.body), score }));
  }

  /** For the customer's last message in a conversation the agent may read: replies and articles that fit. */
  async suggest(actor: StaffActor, conversationId: string): Promise<Suggestions> {
    const conversation = await this.parties.authorize(actor, conversationId, 'read');
    const events = await this.store.conversations.eventsAfter(conversationId, 0);
    const last = events.findLast((e) => e.type === 'message' && e.author.kind === 'visitor');
    if (last?.type !== 'message') return { replies: [], articles: [] };
    this.replies ??= new TextSearch(await this.store.cannedReplies.list());
    const mine = new Set(repliesFor(await this.store.cannedReplies.list(actor.agent.id), conversation.language).map((r) => r.id));
    // The customer's words are read in the conversation's language; a reply without a language is indexed as English.
    const replies = this.replies.search(last.text, 3, (r) => mine.has(r.id), conversation.language ? [conversation.language, undefined] : undefined).map(({ item, score }) => ({ ...item, score }));
    return { replies, articles: await this.searchArticles(last.text, conversation.language, 3) };
  }

  // ---- Articles: everyone reads; supervisors and admins write ------------------------

  async listArticles(): Promise<Article[]> {
    return this.store.articles.list();
  }

  async article(id: string): Promise<Article> {
    const a = await this.store.articles.findById(id);
    if (!a) throw new AppError('not-found', 'no such article');
    return a;
  }

  async saveArticle(actor: StaffActor, id: string | undefined, input: ArticleInput): Promise<Article> {
    this.mustEdit(actor);
    const now = this.clock();
    const article: Article = { id: id ?? randomUUID(), ...input, updatedAt: now };
    if (id) {
      await this.article(id);
      await this.store.articles.update(article, now);
    } else await this.store.articles.insert(article, now);
    this.articles = undefined;
    return article;
  }

  async removeArticle(actor: StaffActor, id: string): Promise<void> {
    this.mustEdit(actor);
    if (!(await this.store.articles.remove(id))) throw new AppError('not-found', 'no such article');
    this.articles = undefined;
  }

  // ---- Canned replies: the team's (supervisors, admins) and each agent's own ------------

  async listReplies(actor: StaffActor): Promise<CannedReply[]> {
    return this.store.cannedReplies.list(actor.agent.id);
  }

  /** @throws AppError `forbidden` for a team reply by a plain agent, `invalid-input` for a taken shortcut. */
  async saveReply(actor: StaffActor, id: string | undefined, input: CannedReplyInput): Promise<CannedReply> {
    const earlier = id ? await this.store.cannedReplies.findById(id) : undefined;
    if (id && !earlier) throw new AppError('not-found', 'no such canned reply');
    const personal = earlier ? earlier.ownerId !== undefined : input.personal;
    if (earlier?.ownerId && earlier.ownerId !== actor.agent.id) throw new AppError('not-found', 'no such canned reply');
    if (!personal) this.mustEdit(actor);
    const ownerId = personal ? actor.agent.id : undefined;
    if (await this.store.cannedReplies.clash(input.shortcut, input.language, ownerId, id)) throw new AppError('invalid-input', `/${input.shortcut} already exists${input.language ? ` in ${input.language}` : ''}`, [{ path: 'shortcut', message: 'taken' }]);
    const reply: CannedReply = { id: id ?? randomUUID(), shortcut: input.shortcut, title: input.title, body: input.body, ...(ownerId ? { ownerId } : {}), ...(input.language ? { language: input.language } : {}) };
    if (earlier) await this.store.cannedReplies.update(reply);
    else await this.store.cannedReplies.insert(reply, this.clock());
    this.replies = undefined;
    return reply;
  }

  async removeReply(actor: StaffActor, id: string): Promise<void> {
    const earlier = await this.store.cannedReplies.findById(id);
    if (!earlier || (earlier.ownerId && earlier.ownerId !== actor.agent.id)) throw new AppError('not-found', 'no such canned reply');
    if (!earlier.ownerId) this.mustEdit(actor);
    await this.store.cannedReplies.remove(id);
    this.replies = undefined;
  }

  private mustEdit(actor: StaffActor): void {
    if (actor.agent.role === 'agent') throw new AppError('forbidden', 'only supervisors and admins change what the whole team uses');
  }
}
