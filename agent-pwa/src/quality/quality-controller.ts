/** Loads and saves what the Quality tab shows: scorecards and the week's sample (supervisors), and reviews. */
import type { ReviewInput, ReviewView, SampleItem, ScorecardInput, ScorecardView } from '../../../signaling/protocol/quality.js';
import type { AgentRole } from '../../../signaling/protocol/presence.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';

export class QualityController extends ScreenController {
  scorecards: ScorecardView[] = [];
  sample: SampleItem[] = [];
  reviews: ReviewView[] = [];
  status: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  /** The server's words for the last refusal, shown until the next try. */
  error: string | undefined;
  /** The conversation whose review was saved last, to confirm it. */
  savedReview: ReviewView | undefined;

  async load(role: AgentRole): Promise<void> {
    this.status = 'loading';
    this.changed();
    try {
      const staff = role !== 'agent';
      [this.reviews, this.scorecards, this.sample] = await Promise.all([api.reviews(), staff ? api.scorecards() : [], staff ? api.reviewSample() : []]);
      this.status = 'ready';
    } catch {
      this.status = 'failed';
    }
    this.changed();
  }

  saveScorecard = (id: string | undefined, input: ScorecardInput, role: AgentRole) => this.save(() => api.saveScorecard(id, input), role);

  async score(input: ReviewInput, role: AgentRole): Promise<boolean> {
    this.savedReview = undefined;
    return this.save(async () => (this.savedReview = await api.scoreConversation(input)), role);
  }

  private async save(work: () => Promise<unknown>, role: AgentRole): Promise<boolean> {
    this.error = undefined;
    try {
      await work();
      await this.load(role);
      return true;
    } catch (error) {
      this.error = error instanceof ProtocolError ? error.message : String(error);
      this.changed();
      return false;
    }
  }
}
