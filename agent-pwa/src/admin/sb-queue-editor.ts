/** The form for one queue: routing settings, limits and overflow, business hours, members with tiers, and the pre-chat form. */
import { html, LitElement, css, nothing } from 'lit';
import type { AgentView, QueueMemberInput, QueueView } from '../../../signaling/protocol/admin.js';
import { ROUTING_STRATEGIES, WEEKDAY_KEYS } from '../../../signaling/protocol/routing-constants.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { formatIntervals, formatSkills, queueFormToInput } from './queue-form.js';
import { renderPreChatFieldset } from './pre-chat-fieldset.js';

const sec = (ms: number | null | undefined) => (ms === null || ms === undefined ? '' : String(ms / 1000));


/** Every IANA time zone the browser knows (and the queue's own, should the browser not know it). */
function timeZones(current: string | undefined): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

/** Skills already in use by agents and queues: the picker suggests them, so "billing" is not typed as "Billing" elsewhere. */
function knownSkills(agents: readonly { skills: Record<string, number> }[], queues: readonly { requiredSkills: Record<string, number> }[]): string[] {
  return [...new Set([...agents.flatMap((a) => Object.keys(a.skills)), ...queues.flatMap((q) => Object.keys(q.requiredSkills))])].sort();
}

/**
 * @fires sb-queue-save - `{ id?, input, members }` with the form's content.
 * @fires sb-queue-invalid - `{ message }` when a text field cannot be read (for example a malformed skill list).
 */
export class SbQueueEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form { display: grid; gap: 12px; max-width: 760px; }
      fieldset { border: 1px solid var(--sb-color-border-subtle); border-radius: 10px; padding: 12px; display: grid; gap: 10px; grid-template-columns: repeat(auto-fill, minmax(min(220px, 100%), 1fr)); min-width: 0; }
      legend { font-weight: 600; padding: 0 4px; }
      /* Ended, so a row's inputs line up when one label wraps to two lines (long in Arabic and German). */
      label { display: grid; gap: 4px; font-size: 13px; align-content: end; }
      label.check { display: flex; align-items: center; gap: 6px; }
      input, select { padding: 6px 8px; border: 1px solid var(--sb-color-border); border-radius: 8px; background: var(--sb-color-surface); min-width: 0; width: 100%; box-sizing: border-box; }
      label.check input, td input { width: auto; }
      table { border-collapse: collapse; grid-column: 1 / -1; }
      th, td { text-align: start; padding: 4px 8px; border-bottom: 1px solid var(--sb-color-border-subtle); font-size: 14px; }
      td input[type='number'] { width: 5em; }
      .wide { grid-column: 1 / -1; }
      /* A row of its own: "Nowhere (refuse with a message)" and its translations were cut in one column. */
      .overflow select { max-width: 32rem; }
      textarea { font: inherit; padding: 6px 8px; border: 1px solid var(--sb-color-border); border-radius: 8px; background: var(--sb-color-surface); min-width: 0; width: 100%; box-sizing: border-box; }
      caption { text-align: start; font-size: 13px; padding-bottom: 4px; }
      .pre-chat table { table-layout: fixed; width: 100%; }
      .pre-chat th:last-child { width: 6em; }
      .pre-chat td input:not([type='checkbox']) { width: 100%; }
    `,
  ];
  static override properties = { queue: { attribute: false }, queues: { attribute: false }, agents: { attribute: false }, busy: { type: Boolean } };
  /** The queue being edited; undefined for a new one. */
  declare queue: QueueView | undefined;
  declare queues: QueueView[];
  declare agents: AgentView[];
  declare busy: boolean;

  constructor() {
    super();
    this.queue = undefined;
    this.queues = [];
    this.agents = [];
    this.busy = false;
  }

  override render() {
    const q = this.queue;
    const member = (agentId: string) => q?.members.find((m) => m.agentId === agentId);
    return html`<form @submit=${this.onSubmit} aria-label=${q ? q.name : t('newQueue')}>
      <fieldset>
        <legend>${q ? q.name : t('newQueue')}</legend>
        <label>${t('queueName')}<input name="name" required maxlength="80" .value=${q?.name ?? ''} /></label>
        <label>${t('queueSlug')}<input name="slug" required pattern="[a-z0-9][a-z0-9\\-]*" maxlength="48" .value=${q?.slug ?? ''} /></label>
        <label
          >${t('strategy')}
          <select name="strategy">
            ${ROUTING_STRATEGIES.map((s) => html`<option value=${s} ?selected=${(q?.strategy ?? 'longest-idle') === s}>${t(`strategy_${s}`)}</option>`)}
          </select>
        </label>
        <label>${t('offerTimeout')}<input name="offerTimeout" type="number" min="5" max="600" required .value=${sec(q?.offerTimeoutMs ?? 30_000)} /></label>
        <label>${t('retryDelay')}<input name="retryDelay" type="number" min="0" max="3600" required .value=${sec(q?.retryDelayMs ?? 15_000)} /></label>
        <label>${t('wrapUp')}<input name="wrapUp" type="number" min="0" max="3600" required .value=${sec(q?.wrapUpMs ?? 0)} /></label>
        <label class="check"><input name="dispositionRequired" type="checkbox" ?checked=${q?.dispositionRequired ?? false} />${t('dispositionRequiredLabel')}</label>
        <sb-skills-picker name="requiredSkills" class="wide" .label=${t('requiredSkills')} .known=${knownSkills(this.agents, this.queues)} .value=${formatSkills(q?.requiredSkills ?? {})}></sb-skills-picker>
        <label>${t('tierWait')}<input name="tierWait" type="number" min="0" max="3600" required .value=${sec(q?.tierWaitMs ?? 0)} /></label>
        <label>${t('priority')}<input name="priority" type="number" min="-10" max="10" required .value=${String(q?.priority ?? 0)} /></label>
        <label>${t('sticky')}<input name="sticky" type="number" min="0" max="3600" required .value=${sec(q?.stickyMs ?? 0)} /></label>
        <label>${t('maxSize')}<input name="maxSize" type="number" min="1" .value=${q?.maxSize?.toString() ?? ''} /></label>
        <label>${t('maxWait')}<input name="maxWait" type="number" min="10" .value=${sec(q?.maxWaitMs)} /></label>
        <label class="wide overflow"
          >${t('overflowQueue')}
          <select name="overflow">
            <option value="">${t('overflowNone')}</option>
            ${this.queues.filter((o) => o.id !== q?.id).map((o) => html`<option value=${o.id} ?selected=${q?.overflow?.queueId === o.id}>${o.name}</option>`)}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>${t('businessHours')}</legend>
        <label
          >${t('timeZone')}
          <select name="timeZone">
            <option value="" ?selected=${!q?.hours?.timeZone}>${t('timeZoneNone')}</option>
            ${timeZones(q?.hours?.timeZone).map((zone) => html`<option value=${zone} ?selected=${q?.hours?.timeZone === zone}>${zone.replaceAll('_', ' ')}</option>`)}
          </select>
        </label>
        <label>${t('holidays')}<input name="holidays" .value=${(q?.hours?.holidays ?? []).join(', ')} /></label>
        ${WEEKDAY_KEYS.map((d) => html`<label>${t(`weekday_${d}`)}<input name="hours-${d}" aria-describedby="hours-help" .value=${formatIntervals(q?.hours?.weekly[d])} /></label>`)}
        <p id="hours-help" class="muted">${t('openingHours')}</p>
      </fieldset>
      <fieldset>
        <legend>${t('members')}</legend>
        <table>
          <thead><tr><th scope="col">${t('member')}</th><th scope="col">${t('tier')}</th><th scope="col">${t('order')}</th></tr></thead>
          <tbody>
            ${this.agents.map(
              (a, i) => html`<tr>
                <td><label class="check"><input type="checkbox" name="member" value=${a.id} ?checked=${!!member(a.id)} />${a.name}</label></td>
                <td><input type="number" name="tier-${a.id}" min="1" max="5" aria-label="${t('tier')}: ${a.name}" .value=${String(member(a.id)?.tier ?? 1)} /></td>
                <td><input type="number" name="position-${a.id}" min="0" aria-label="${t('order')}: ${a.name}" .value=${String(member(a.id)?.position ?? i)} /></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </fieldset>
      ${renderPreChatFieldset(q?.preChatForm)}
      <div><button class="primary" type="submit" ?disabled=${this.busy}>${q ? t('save') : t('create')}</button></div>
    </form>
    ${q ? html`<sb-review-toggle kind="queue" target=${q.id} label=${t('repliesNeedReview')} hint=${t('repliesNeedReviewHint')}></sb-review-toggle>` : nothing}`;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      const input = queueFormToInput(form);
      const members: QueueMemberInput[] = form.getAll('member').map((id) => ({
        agentId: String(id),
        tier: Number(form.get(`tier-${id}`) ?? 1),
        position: Number(form.get(`position-${id}`) ?? 0),
      }));
      this.dispatchEvent(new CustomEvent('sb-queue-save', { detail: { ...(this.queue ? { id: this.queue.id } : {}), input, members }, bubbles: true, composed: true }));
    } catch (error) {
      this.dispatchEvent(new CustomEvent('sb-queue-invalid', { detail: { message: (error as Error).message }, bubbles: true, composed: true }));
    }
  }
}
