/** Agents' skills and capacities per channel, one row each with its own Save. */
import { html, LitElement, css } from 'lit';
import type { AgentView } from '../../../signaling/protocol/admin.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { formatSkills, parseSkills } from './queue-form.js';

const CHANNELS = ['chat', 'voice', 'email', 'message'] as const;

/**
 * @fires sb-agent-save - `{ id, input: { skills, capacity } }`.
 * @fires sb-agent-invalid - `{ message }` when the skill list cannot be read.
 */
export class SbAgentRouting extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      table { border-collapse: collapse; }
      th, td { text-align: start; padding: 6px 8px; border-bottom: 1px solid var(--sb-color-border-subtle); font-size: 14px; vertical-align: middle; }
      input { padding: 4px 6px; border: 1px solid var(--sb-color-border); border-radius: 6px; }
      input[type='number'] { width: 4.5em; }
    `,
  ];
  static override properties = { agents: { attribute: false }, busy: { type: Boolean } };
  declare agents: AgentView[];
  declare busy: boolean;

  constructor() {
    super();
    this.agents = [];
    this.busy = false;
  }

  override render() {
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${t('adminAgentsTitle')}</th>
          <th scope="col">${t('skills')}</th>
          ${CHANNELS.map((c) => html`<th scope="col">${t(`capacity_${c}`)}</th>`)}
          <th scope="col"><span class="visually-hidden">${t('save')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${this.agents.map(
          (a) => html`<tr data-agent=${a.id}>
            <th scope="row">${a.name}<br /><span class="muted">${a.email}</span></th>
            <td><sb-skills-picker compact name="skills" .label="${t('skills')}: ${a.name}" .known=${this.agents.flatMap((other) => Object.keys(other.skills))} .value=${formatSkills(a.skills)}></sb-skills-picker></td>
            ${CHANNELS.map((c) => html`<td><input type="number" name=${c} min="0" max=${c === 'voice' ? 1 : 50} aria-label="${t(`capacity_${c}`)}: ${a.name}" .value=${String(a.capacity[c])} /></td>`)}
            <td><button type="button" ?disabled=${this.busy} aria-label="${t('save')}: ${a.name}" @click=${() => this.save(a.id)}>${t('save')}</button></td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private save(id: string): void {
    const row = this.renderRoot.querySelector(`tr[data-agent="${CSS.escape(id)}"]`)!;
    const value = (name: string) => row.querySelector<HTMLInputElement | HTMLElementTagNameMap['sb-skills-picker']>(`[name="${name}"]`)!.value;
    try {
      const input = {
        skills: parseSkills(value('skills')),
        capacity: Object.fromEntries(CHANNELS.map((c) => [c, Number(value(c))])) as AgentView['capacity'],
      };
      this.dispatchEvent(new CustomEvent('sb-agent-save', { detail: { id, input }, bubbles: true, composed: true }));
    } catch (error) {
      this.dispatchEvent(new CustomEvent('sb-agent-invalid', { detail: { message: (error as Error).message }, bubbles: true, composed: true }));
    }
  }
}
