/** Loads and saves the reply library (canned replies) and the knowledge base for their screens. */
import type { ReactiveControllerHost } from 'lit';
import type { CannedReply, CannedReplyInput } from '../../../signaling/protocol/api.js';
import type { Article, ArticleInput } from '../../../signaling/protocol/articles.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';

export class LibraryController extends ScreenController {
  replies: CannedReply[] = [];
  articles: Article[] = [];
  /** The server's reason for the last refusal, shown until the next save. */
  error: string | undefined;
  savedAt: number | undefined;

  constructor(
    host: ReactiveControllerHost,
    /** Tells the app the replies changed, so the composer has them at once. */
    private readonly repliesChanged: (replies: CannedReply[]) => void,
  ) {
    super(host);
  }

  async load(): Promise<void> {
    [this.replies, this.articles] = await Promise.all([api.cannedReplies(), api.articles()]);
    this.changed();
  }

  saveReply = (id: string | undefined, input: CannedReplyInput) => this.save(() => api.saveCannedReply(id, input));
  removeReply = (id: string) => this.save(() => api.removeCannedReply(id));
  saveArticle = (id: string | undefined, input: ArticleInput) => this.save(() => api.saveArticle(id, input));
  removeArticle = (id: string) => this.save(() => api.removeArticle(id));

  private async save(work: () => Promise<unknown>): Promise<boolean> {
    this.error = undefined;
    try {
      await work();
      await this.load();
      this.repliesChanged(this.replies);
      this.savedAt = Date.now();
      return true;
    } catch (error) {
      this.error = error instanceof ProtocolError ? error.message : String(error);
      this.changed();
      return false;
    }
  }
}
