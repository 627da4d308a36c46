/**
 * What the visitor sees of the agent on their page: the agent's pointer with their name, an
 * outline around what they highlighted, and the sharing bar. All of it lives in one shadow
 * root marked as the widget's, so it is never mirrored back to the agent.
 */
import type { AgentGuide, CobrowseControl } from '../../signaling/protocol/cobrowse.js';
import { format } from '../i18n/en.js';
import { widgetLanguage } from '../i18n/widget-language.js';
import type { DomSerializer } from './dom-serializer.js';
import './sb-cobrowse-bar.js';
import { adoptStyles } from '../loader/adopt-styles.js';
import { designTokensCss } from '../../ui/tokens/design-tokens.js';

const STYLE = `
  .pointer { position: fixed; left: 0; top: 0; z-index: 2147483646; pointer-events: none; display: flex; align-items: flex-start; transition: transform 60ms linear; }
  .pointer svg { width: 20px; height: 20px; filter: drop-shadow(0 1px 2px rgb(0 0 0 / 0.4)); }
  .pointer span { margin: 14px 0 0 -4px; padding: 1px 6px; border-radius: 6px; background: var(--sb-color-accent); color: var(--sb-color-on-accent); font: 12px/1.4 system-ui, sans-serif; white-space: nowrap; }
  .highlight { position: fixed; z-index: 2147483645; pointer-events: none; border: 3px solid var(--sb-color-focus); border-radius: 6px; box-shadow: 0 0 0 4px rgb(245 158 11 / 0.3); }
  [hidden] { display: none !important; }
`;

export class GuideOverlay {
  readonly host: HTMLElement;
  readonly bar: HTMLElementTagNameMap['sb-cobrowse-bar'];
  private readonly pointer: HTMLElement;
  private readonly pointerName: HTMLElement;
  private readonly highlight: HTMLElement;
  private guide: AgentGuide | undefined;
  private target: Element | undefined;
  private frame = 0;

  constructor(
    private readonly doc: Document,
    private readonly serializer: DomSerializer,
    agentName: string,
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute('data-switchboard-widget', 'cobrowse');
    const root = this.host.attachShadow({ mode: 'open' });
    root.innerHTML = `
      <div class="pointer" aria-hidden="true" hidden><svg viewBox="0 0 20 20"><path d="M2 2l6 16 2.5-6.5L17 9z" fill="#4338ca" stroke="#fff" stroke-width="1.5"/></svg><span></span></div>
      <div class="highlight" aria-hidden="true" hidden></div>`;
    // After the markup: a <style> fallback must not be replaced by it.
    adoptStyles(root, designTokensCss(':host') + STYLE);
    this.pointer = root.querySelector('.pointer')!;
    this.pointerName = root.querySelector('.pointer span')!;
    this.highlight = root.querySelector('.highlight')!;
    this.bar = doc.createElement('sb-cobrowse-bar');
    this.bar.agentName = agentName;
    this.bar.messages = widgetLanguage().messages;
    this.bar.locale = widgetLanguage().locale;
    root.append(this.bar);
    (doc.body ?? doc.documentElement).append(this.host);
  }

  setControl(control: CobrowseControl): void {
    this.bar.control = control;
  }

  /** Shows the agent's pointer and highlight; ids outside the current snapshot are ignored. */
  show(guide: AgentGuide | undefined, snapshotId: string): void {
    const before = this.target;
    this.guide = guide;
    const id = guide && guide.snapshot === snapshotId ? guide.highlight : undefined;
    const node = id !== undefined ? this.serializer.nodeOf(id) : undefined;
    this.target = node instanceof Element ? node : undefined;
    if (this.target && this.target !== before && guide) this.bar.announcement = format(widgetLanguage().messages, 'cobrowseHighlighted', { name: guide.name }, widgetLanguage().locale);
    this.pointerName.textContent = guide?.name ?? '';
    this.place();
  }

  remove(): void {
    cancelAnimationFrame(this.frame);
    this.host.remove();
  }

  /** Positions the pointer and outline, and keeps doing so each frame while either shows (the page scrolls under them). */
  private place(): void {
    cancelAnimationFrame(this.frame);
    const view = this.doc.defaultView!;
    const pointer = this.guide?.pointer;
    this.pointer.hidden = !pointer;
    if (pointer) this.pointer.style.transform = `translate(${pointer.x - view.scrollX}px, ${pointer.y - view.scrollY}px)`;
    const target = this.target?.isConnected ? this.target : undefined;
    this.highlight.hidden = !target;
    if (target) {
      const r = target.getBoundingClientRect();
      Object.assign(this.highlight.style, { left: `${r.left - 4}px`, top: `${r.top - 4}px`, width: `${r.width + 8}px`, height: `${r.height + 8}px` });
    }
    if (pointer || target) this.frame = requestAnimationFrame(() => this.place());
  }
}
