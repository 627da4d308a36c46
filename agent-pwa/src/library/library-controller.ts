/** Loads and saves the reply library (canned replies, voice replies) and the knowledge base for their screens. */
import type { ReactiveControllerHost } from 'lit';
import type { CannedReply, CannedReplyInput } from '../../../signaling/protocol/api.js';
import type { Article, ArticleInput } from '../../../signaling/protocol/articles.js';
import type { VoiceClip } from '../../../signaling/protocol/voice-clips.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { ApiError, api } from '../api-client.js';
import { t } from '../i18n/en.js';
import { ScreenController } from '../screen-controller.js';

export class LibraryController extends ScreenController {
  replies: CannedReply[] = [];
  articles: Article[] = [];
  voiceClips: VoiceClip[] = [];
  /** The server's reason for the last refusal, shown until the next save. */
  error: string | undefined;
  savedAt: number | undefined;

  constructor(
    host: ReactiveControllerHost,
    /** Tells the app the replies changed, so the composer has them at once. */
    private readonly repliesChanged: (replies: CannedReply[]) => void,
    /** Tells the app the voice replies changed, so calls play the current ones. */
    private readonly clipsChanged: (clips: VoiceClip[]) => void = () => {},
  ) {
    super(host);
  }

  async load(): Promise<void> {
    [this.replies, this.articles, this.voiceClips] = await Promise.all([api.cannedReplies(), api.articles(), api.voiceClips()]);
    this.changed();
  }

  saveReply = (id: string | undefined, input: CannedReplyInput) => this.save(() => api.saveCannedReply(id, input));
  removeReply = (id: string) => this.save(() => api.removeCannedReply(id));
  saveArticle = (id: string | undefined, input: ArticleInput) => this.save(() => api.saveArticle(id, input));
  removeArticle = (id: string) => this.save(() => api.removeArticle(id));
  saveVoiceClip = (id: string | undefined, body: FormData | Record<string, unknown>) => this.save(() => api.saveVoiceClip(id, body));
  removeVoiceClip = (id: string) => this.save(() => api.removeVoiceClip(id));

  private async save(work: () => Promise<unknown>): Promise<boolean> {
    this.error = undefined;
    try {
      await work();
      await this.load();
      this.repliesChanged(this.replies);
      this.clipsChanged(this.voiceClips);
      this.savedAt = Date.now();
      return true;
    } catch (error) {
      this.error = refusalText(error);
      this.changed();
      return false;
    }
  }
}

/** The words for a refusal: the voice replies' own in the agent's language, else the server's message. */
function refusalText(error: unknown): string {
  const issue = error instanceof ApiError ? error.issues[0] : undefined;
  if (issue?.path === 'audio' && issue.message === 'type') return t('voiceClipErrorType');
  if (issue?.path === 'audio' && issue.message === 'too-large') return t('voiceClipErrorSize');
  if (issue?.path === 'slot' && issue.message === 'taken') return t('voiceClipErrorSlot');
  return error instanceof ProtocolError ? error.message : String(error);
}
