/** The queues screen: the list of queues, and the editor for the one selected (or a new one). */
import { html, LitElement, css } from 'lit';
import type { AgentView, QueueView } from '../../../signaling/protocol/admin.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';

/**
 * @fires sb-queue-select - `{ id }` (undefined id for a new queue).
 */
export class SbAdminQueues extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: grid; grid-template-columns: 220px minmax(0, 1fr); gap: 16px; padding: 16px; overflow-y: auto; height: 100%; align-content: start; }
      /* A phone: the list of queues above the editor, which gets the whole width. */
      @media (max-width: 640px) { :host { grid-template-columns: minmax(0, 1fr); padding: 12px; } }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; align-content: start; }
      li button { width: 100%; text-align: start; }
      button[aria-current='true'] { background: var(--sb-color-accent-soft); border-color: var(--sb-color-accent); }
      h2 { margin: 0 0 8px; font-size: 17px; }
    `,
  ];
  static override properties = { queues: { attribute: false }, agents: { attribute: false }, selectedId: { attribute: false }, busy: { type: Boolean } };
  declare queues: QueueView[];
  declare agents: AgentView[];
  declare selectedId: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.queues = [];
    this.agents = [];
    this.selectedId = undefined;
    this.busy = false;
  }

  private select(id: string | undefined): void {
    this.dispatchEvent(new CustomEvent('sb-queue-select', { detail: { id }, bubbles: true, composed: true }));
  }

  override render() {
    const selected = this.queues.find((q) => q.id === this.selectedId);
    return html`<nav aria-labelledby="queues-title">
        <h2 id="queues-title">${t('adminQueuesTitle')}</h2>
        <ul>
          ${this.queues.map((q) => html`<li><button type="button" aria-current=${String(q.id === this.selectedId)} @click=${() => this.select(q.id)}>${q.name}</button></li>`)}
          <li><button type="button" aria-current=${String(this.selectedId === undefined)} @click=${() => this.select(undefined)}>+ ${t('newQueue')}</button></li>
        </ul>
      </nav>
      <sb-queue-editor .queue=${selected} .queues=${this.queues} .agents=${this.agents} ?busy=${this.busy}></sb-queue-editor>`;
  }
}
