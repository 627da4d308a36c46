/** The "Replies need review" switch of one person or queue (admins): saved the moment it changes. */
import { css, html, LitElement, nothing } from 'lit';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { followReviewSettings, reviewSettings, setReviewFlag } from './review-settings.js';

/**
 * Renders nothing for a role that may not read the settings.
 * @example html`<sb-review-toggle kind="queue" target=${queue.id} label=${t('repliesNeedReview')}></sb-review-toggle>`
 */
export class SbReviewToggle extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      label { display: flex; align-items: center; gap: 6px; font-size: 14px; }
      .error { color: var(--sb-color-danger); font-size: 13px; margin: 2px 0 0; }
    `,
  ];
  static override properties = { kind: { type: String }, target: { type: String }, label: { type: String }, hint: { type: String }, compact: { type: Boolean }, on: { state: true }, busy: { state: true }, failed: { state: true } };
  declare kind: 'agent' | 'queue';
  /** The person's or queue's id. */
  declare target: string;
  /** The switch's accessible name. */
  declare label: string;
  /** Shown under the switch and read with it; none when empty. */
  declare hint: string;
  /** In a table row: the label is for screen readers only (the column header names it). */
  declare compact: boolean;
  declare on: boolean | undefined;
  declare busy: boolean;
  declare failed: boolean;
  private stop = () => {};

  constructor() {
    super();
    this.kind = 'agent';
    this.target = '';
    this.label = '';
    this.hint = '';
    this.compact = false;
    this.busy = false;
    this.failed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const show = (s: { agents: string[]; queues: string[] }) => (this.on = (this.kind === 'agent' ? s.agents : s.queues).includes(this.target));
    this.stop = followReviewSettings(show);
    reviewSettings().then(show, () => (this.on = undefined));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  override render() {
    if (this.on === undefined) return nothing;
    return html`<label
        ><input type="checkbox" .checked=${this.on} ?disabled=${this.busy} aria-describedby=${this.hint ? 'hint' : nothing} @change=${this.onChange} /><span class=${this.compact ? 'visually-hidden' : ''}>${this.label}</span></label
      >${this.hint ? html`<p id="hint" class="muted">${this.hint}</p>` : nothing}${this.failed ? html`<p class="error" role="alert">${t('errorGeneric')}</p>` : nothing}`;
  }

  private async onChange(event: Event): Promise<void> {
    const box = event.target as HTMLInputElement;
    this.busy = true;
    this.failed = false;
    try {
      await setReviewFlag(this.kind, this.target, box.checked);
    } catch {
      // Nothing changed on the server: the switch shows so.
      box.checked = !box.checked;
      this.failed = true;
    }
    this.busy = false;
  }
}
