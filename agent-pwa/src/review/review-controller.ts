/**
 * The Review tab's data (supervisors, admins): replies waiting for review, reloaded when a new one
 * is held, and the decisions on them. A reply someone else decided first leaves the list with a note.
 */
import type { HeldReply, ReviewItem } from '../../../signaling/protocol/reply-review.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { ScreenController } from '../screen-controller.js';
import { reviewApi } from './review-api.js';

export class ReviewController extends ScreenController {
  items: ReviewItem[] = [];
  loaded = false;
  busy = false;
  /** What the last decision ran into: someone else was first, or something else went wrong. */
  problem: 'already-reviewed' | 'failed' | undefined;

  load = async (): Promise<void> => {
    try {
      this.items = await reviewApi.pending();
      this.loaded = true;
    } catch {
      this.problem = 'failed';
    }
    this.changed();
  };

  /** Held replies the session heard of: a pending one not listed yet brings the list up to date. */
  follow(held: Record<string, HeldReply[]>): void {
    if (!this.loaded || this.busy) return;
    const listed = new Set(this.items.map((i) => i.id));
    const fresh = Object.values(held).some((replies) => replies.some((r) => (r.status === 'pending') !== listed.has(r.id)));
    if (fresh) void this.load();
  }

  approve = (id: string, text?: string) => this.decide(id, () => reviewApi.approve(id, text));
  returnToAgent = (id: string, comment: string) => this.decide(id, () => reviewApi.returnToAgent(id, comment));

  private async decide(id: string, work: () => Promise<HeldReply>): Promise<void> {
    this.busy = true;
    this.problem = undefined;
    this.changed();
    try {
      await work();
      this.items = this.items.filter((i) => i.id !== id);
    } catch (error) {
      const taken = error instanceof ProtocolError && (error.reason === 'already-reviewed' || error.reason === 'not-found');
      this.problem = taken ? 'already-reviewed' : 'failed';
      if (taken) this.items = this.items.filter((i) => i.id !== id);
    }
    this.busy = false;
    this.changed();
  }
}
