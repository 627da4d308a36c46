/** The REST calls of review before sending; errors come back as ApiError with the server's reason. */
import type { HeldReply, ReviewItem, ReviewSettings } from '../../../signaling/protocol/reply-review.js';
import { call } from '../api-client.js';

const post = <T>(path: string, body: unknown) => call<T>(path, { method: 'POST', body: JSON.stringify(body) });

export const reviewApi = {
  /** Replies waiting for review (supervisors, admins). */
  pending: () => call<ReviewItem[]>('/reviews'),
  /** `text`: the reviewer's edit; absent, as the agent wrote it. */
  approve: (id: string, text?: string) => post<HeldReply>(`/reviews/${encodeURIComponent(id)}/approve`, text === undefined ? {} : { text }),
  returnToAgent: (id: string, comment: string) => post<HeldReply>(`/reviews/${encodeURIComponent(id)}/return`, { comment }),
  resubmit: (id: string, text: string) => post<HeldReply>(`/reviews/${encodeURIComponent(id)}/resubmit`, { text }),
  settings: () => call<ReviewSettings>('/reviews/settings'),
  setFlag: (kind: 'agents' | 'queues', id: string, repliesNeedReview: boolean) =>
    call<ReviewSettings>(`/reviews/settings/${kind}/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify({ repliesNeedReview }) }),
};
