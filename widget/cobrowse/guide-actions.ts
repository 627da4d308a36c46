/**
 * Carries out what the agent asks of the visitor's page, each action once (by `seq`): bring a
 * node into view always; click or set a value only while the visitor allows control, and never
 * on a private field. Values are set as text through the field's own setter; nothing the
 * agent sends is ever parsed as HTML or run as script.
 */
import type { AgentGuide, GuideAction } from '../../signaling/protocol/cobrowse.js';
import type { DomSerializer } from './dom-serializer.js';
import { isIgnored, isMasked } from './privacy.js';

const TYPABLE = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'date', 'time', 'datetime-local', 'month', 'week', 'color', 'range']);

export class GuideActions {
  private lastSeq: number | undefined;

  constructor(private readonly serializer: DomSerializer) {}

  /** Applies the actions not seen yet. The first guide seen only sets the mark: old actions are not replayed on a new page. */
  apply(guide: AgentGuide, snapshotId: string, controlGranted: boolean): void {
    // Awareness is relayed as the agent's client wrote it: check its shape before trusting it.
    const list = Array.isArray(guide.actions) ? guide.actions.filter(isWellFormed) : [];
    const newest = list.reduce((max, a) => Math.max(max, a.seq), 0);
    if (this.lastSeq === undefined) {
      this.lastSeq = newest;
      return;
    }
    for (const action of list) {
      if (action.seq <= this.lastSeq) continue;
      this.lastSeq = action.seq;
      // Ids name nodes of one snapshot; an action aimed at an older one could hit the wrong node.
      if (guide.snapshot === snapshotId) this.run(action, controlGranted);
    }
  }

  private run(action: GuideAction, controlGranted: boolean): void {
    const el = this.serializer.nodeOf(action.id);
    if (!(el instanceof HTMLElement || el instanceof SVGElement) || !el.isConnected || el.closest('[data-switchboard-widget]') || isIgnored(el)) return;
    if (action.kind === 'scroll-to') {
      el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'smooth' });
      return;
    }
    if (!controlGranted || isMasked(el) || el.closest('[data-sb-mask]:not([data-sb-unmask])')) return;
    if (action.kind === 'click') {
      (el as HTMLElement).focus?.({ preventScroll: true });
      (el as HTMLElement).click();
      return;
    }
    setFieldValue(el, action.value);
  }
}

function isWellFormed(a: GuideAction): boolean {
  return !!a && Number.isSafeInteger(a.seq) && Number.isSafeInteger(a.id) && (a.kind === 'scroll-to' || a.kind === 'click' || (a.kind === 'input' && typeof a.value === 'string'));
}

/** Sets a text field's or select's value the way typing would, so the page's own listeners see it. */
function setFieldValue(el: Element, value: string): void {
  let proto: object;
  if (el instanceof HTMLInputElement && TYPABLE.has(el.type)) proto = HTMLInputElement.prototype;
  else if (el instanceof HTMLTextAreaElement) proto = HTMLTextAreaElement.prototype;
  else if (el instanceof HTMLSelectElement) proto = HTMLSelectElement.prototype;
  else return;
  if ((el as HTMLInputElement).disabled || (el as HTMLInputElement).readOnly) return;
  // Through the prototype's setter: frameworks that wrap `value` on the element still notice.
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value.slice(0, 10_000));
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}
