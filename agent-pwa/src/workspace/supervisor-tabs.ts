/** The supervisors' Wallboard, Reports and Review tabs. */
import { html } from 'lit';
import type { Wallboard } from '../../../signaling/protocol/wallboard.js';
import type { AdminController } from '../admin/admin-controller.js';
import { t } from '../i18n/en.js';
import type { ReviewController } from '../review/review-controller.js';

type Detail<T> = CustomEvent<T>;

export interface WallboardTabActions {
  /** Sets an agent's presence for them. */
  forcePresence(agentId: string, status: string, reason?: string): void;
  /** Opens an agent's live conversation to watch it. */
  monitor(conversationId: string): void;
}

export function renderWallboardTab(wallboard: Wallboard | undefined, actions: WallboardTabActions) {
  return html`<sb-wallboard
    class="admin"
    .wallboard=${wallboard}
    @sb-force-presence=${(e: Detail<{ agentId: string; status: string; reason?: string }>) => actions.forcePresence(e.detail.agentId, e.detail.status, e.detail.reason)}
    @sb-monitor=${(e: Detail<{ conversationId: string }>) => actions.monitor(e.detail.conversationId)}
  ></sb-wallboard>`;
}

/** Reports by queue: the queues come from the admin screens' data. */
export function renderReportsTab(admin: AdminController) {
  return html`<sb-reports class="admin" .queues=${admin.queues.map((q) => ({ id: q.id, name: q.name }))}></sb-reports>`;
}

/** Replies held for review: approve, edit and approve, or return with a comment. */
export function renderReviewTab(review: ReviewController) {
  return html`<section class="admin review" aria-labelledby="review-title">
    <h2 id="review-title">${t('reviewTitle')}</h2>
    ${review.problem ? html`<div class="banner error" role="alert">${t(review.problem === 'already-reviewed' ? 'reviewAlreadyDecided' : 'errorGeneric')}</div>` : ''}
    <sb-review-list
      .items=${review.items}
      ?busy=${review.busy}
      @sb-review-approve=${(e: Detail<{ id: string; text?: string }>) => void review.approve(e.detail.id, e.detail.text)}
      @sb-review-return=${(e: Detail<{ id: string; comment: string }>) => void review.returnToAgent(e.detail.id, e.detail.comment)}
    ></sb-review-list>
  </section>`;
}
