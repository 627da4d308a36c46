/** The supervisors' Wallboard and Reports tabs. */
import { html } from 'lit';
import type { Wallboard } from '../../../signaling/protocol/wallboard.js';
import type { AdminController } from '../admin/admin-controller.js';

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
