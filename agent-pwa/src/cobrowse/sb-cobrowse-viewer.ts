/**
 * The visitor's page, live, in the agent's app: a scaled, script-free mirror with the agent's
 * tools on it. Point (the visitor sees the pointer), Highlight (outline and scroll the visitor
 * to it), Control (click and type for the visitor, once they allow it). Keyboard: the stage
 * takes focus; arrows step through the page's links, buttons and fields; Enter acts.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { CobrowseView } from '../../../signaling/protocol/cobrowse.js';
import { t } from '../i18n/en.js';
import { sharedStyles } from '../shared-styles.js';
import { ResizeController } from '../../../ui/controllers/resize-controller.js';
import { SessionController } from '../../../ui/controllers/session-controller.js';
import { MirrorConnection } from './mirror-connection.js';
import { isElement, MirrorDocument } from './mirror-document.js';

type Tool = 'point' | 'highlight' | 'control';
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
const FRAME_DOC = '<!DOCTYPE html><html><head></head><body></body></html>';

/**
 * @fires sb-cobrowse-stop - the agent ends the session.
 * @fires sb-cobrowse-control-request - the agent asks the visitor for control.
 * @fires sb-cobrowse-gone - the server no longer knows this session (the app should drop it).
 */
export class SbCobrowseViewer extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: flex; flex-direction: column; min-height: 0; border-bottom: 1px solid var(--sb-color-border-subtle); background: var(--sb-color-surface-sunken); }
      .bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 8px 12px; background: var(--sb-color-surface); border-bottom: 1px solid var(--sb-color-border-subtle); font-size: 13px; }
      .where { flex: 1 1 200px; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      [role='radiogroup'] { display: inline-flex; gap: 4px; }
      button[aria-checked='true'] { background: var(--sb-color-accent-soft); border-color: var(--sb-color-accent); }
      .note { padding: 4px 12px; font-size: 13px; color: var(--sb-color-text); }
      .stage { position: relative; overflow: hidden; margin: 8px auto; outline-offset: 2px; box-shadow: 0 2px 12px rgb(15 23 42 / 0.15); background: var(--sb-color-surface); }
      .stage:focus-visible { outline: 3px solid var(--sb-color-focus); }
      iframe, .glass { position: absolute; left: 0; top: 0; border: 0; transform-origin: 0 0; }
      iframe { pointer-events: none; background: var(--sb-color-surface); }
      .glass { cursor: crosshair; }
      .glass.control { cursor: pointer; }
      .selected { position: absolute; pointer-events: none; border: 2px solid var(--sb-color-accent); border-radius: 4px; }
    `,
  ];
  static override properties = { session: { attribute: false }, visitor: { attribute: false }, agentName: { attribute: false }, tool: { state: true }, selected: { state: true } };
  declare session: CobrowseView;
  declare visitor: string;
  declare agentName: string;
  declare tool: Tool;
  /** The element the keyboard (or the last click) selected in the mirror. */
  declare selected: number | undefined;
  /** The room's connection, followed while the viewer is on the page; the viewer opens it and closes it. */
  private readonly room = new SessionController<MirrorConnection>(this, {
    onChange: (connection) => {
      if (connection.refused) this.fire('sb-cobrowse-gone', { conversationId: this.session.conversationId });
    },
  });
  /** The viewer's own box: the mirror rescales when the window or the layout around it changes. */
  private readonly box = new ResizeController(this);
  private mirror: MirrorDocument | undefined;
  private pointerFrame = 0;
  private pendingPointer: { x: number; y: number } | undefined;
  private connectedFor: string | undefined;
  /** Set when a room was opened and its mirror waits for the iframe to be rendered. */
  private attachPending = false;
  /** What the agent has typed into the selected field in Control, by field. */
  private typed: { id: number; value: string } | undefined;

  constructor() {
    super();
    this.tool = 'point';
    this.visitor = '';
    this.agentName = '';
  }

  /** The connection to the co-browse room, once the visitor shares (diagnostics and the end-to-end tests read it). */
  get connection(): MirrorConnection | undefined {
    return this.room.value;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.room.value?.destroy();
    this.room.value = undefined;
    this.connectedFor = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Opened before rendering, so handing it to the controller does not ask for a second render.
    if (changed.has('session') && this.session.room && this.connectedFor !== this.session.sessionId) {
      this.room.value?.destroy();
      this.connectedFor = this.session.sessionId;
      this.room.value = new MirrorConnection(this.session.sessionId, this.session.room.token, this.agentName);
      this.attachPending = true;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new room draws into the iframe, which exists once rendered.
    if (this.attachPending) {
      this.attachPending = false;
      this.attachMirror();
    }
    if (changed.has('session') && this.session.control !== 'granted' && this.tool === 'control') this.tool = 'point';
    this.syncFrame();
  }

  /** The iframe's document is ready: build the mirror in it (again, if the frame was recreated). */
  private attachMirror(): void {
    const frame = this.renderRoot.querySelector('iframe');
    const doc = frame?.contentDocument;
    if (!frame || !doc || !this.connection) return;
    this.mirror = new MirrorDocument(doc, () => this.connection?.page.url || location.href, t('cobrowseMasked'));
    this.connection.attach(this.mirror);
  }

  /** Keeps the mirror scrolled where the visitor is. */
  private syncFrame(): void {
    const page = this.connection?.page;
    const win = this.renderRoot.querySelector('iframe')?.contentWindow;
    if (page && win && (win.scrollX !== page.scrollX || win.scrollY !== page.scrollY)) win.scrollTo(page.scrollX, page.scrollY);
  }

  /**
   * Fits the visitor's viewport in the box the conversation gives the viewer (beside the thread on a
   * wide screen, above it on a narrow one), less the tool bar and status line; never enlarged.
   */
  private scale(): number {
    const page = this.connection?.page;
    const chrome = (this.renderRoot.querySelector<HTMLElement>('.bar')?.offsetHeight ?? 40) + (this.renderRoot.querySelector<HTMLElement>('.note')?.offsetHeight ?? 24) + 16;
    const width = Math.max(160, (this.box.width || this.clientWidth) - 24);
    const height = Math.max(120, (this.box.height || window.innerHeight * 0.45) - chrome);
    return page ? Math.min(1, width / page.width, height / page.height) : 1;
  }

  override render() {
    const s = this.session;
    if (s.phase === 'requested') return html`<p class="note" role="status">${t('cobrowseWaiting', { name: this.visitor })}</p>`;
    const c = this.connection;
    const page = c?.page ?? { width: 1280, height: 800, url: '', title: '' };
    const scale = this.scale();
    const size = `width:${page.width * scale}px;height:${page.height * scale}px`;
    const frameStyle = `width:${page.width}px;height:${page.height}px;transform:scale(${scale})`;
    return html`<div class="bar">
        <span class="where" title=${page.url}><strong>${page.title || t('cobrowseViewerLabel', { name: this.visitor })}</strong> ${page.url}</span>
        <span role="radiogroup" aria-label=${t('cobrowseTools')}>
          ${this.renderTool('point', t('cobrowseToolPoint'))} ${this.renderTool('highlight', t('cobrowseToolHighlight'))}
          ${s.control === 'granted' ? this.renderTool('control', t('cobrowseToolControl')) : nothing}
        </span>
        ${s.control === 'off' ? html`<button type="button" @click=${() => this.fire('sb-cobrowse-control-request')}>${t('cobrowseAskControl')}</button>` : nothing}
        <button type="button" class="danger" @click=${() => this.fire('sb-cobrowse-stop')}>${t('cobrowseStop')}</button>
      </div>
      <p class="note" role="status">${this.statusText()}</p>
      <div
        class="stage"
        style=${size}
        tabindex="0"
        role="application"
        aria-roledescription=${t('cobrowse')}
        aria-label=${t('cobrowseViewerLabel', { name: this.visitor })}
        aria-describedby="stage-help"
        @keydown=${this.onKey}
      >
        <iframe title=${t('cobrowseViewerLabel', { name: this.visitor })} sandbox="allow-same-origin" srcdoc=${FRAME_DOC} style=${frameStyle} tabindex="-1" @load=${() => this.attachMirror()}></iframe>
        <div class="glass ${this.tool}" style=${frameStyle} @pointermove=${this.onPointerMove} @pointerleave=${() => c?.point(undefined)} @click=${this.onClick}></div>
        ${this.renderSelected(scale)}
      </div>
      <span id="stage-help" class="visually-hidden">${t('cobrowseStageHelp', { name: this.visitor })}</span>`;
  }

  private statusText(): string {
    const c = this.connection;
    if (!c?.connected || c.firstRenderAt === undefined) return t('cobrowseConnecting');
    if (c.visitor && !c.visitor.visible) return t('cobrowseVisitorAway', { name: this.visitor });
    if (this.session.control === 'requested') return t('cobrowseControlPending', { name: this.visitor });
    const el = this.selected !== undefined ? this.mirror?.nodeOf(this.selected) : undefined;
    if (isElement(el) && el.isConnected) return t('cobrowseSelected', { what: describe(el) });
    return this.session.control === 'granted' ? t('cobrowseControlOn', { name: this.visitor }) : '';
  }

  private renderTool(tool: Tool, label: string) {
    return html`<button type="button" role="radio" aria-checked=${this.tool === tool ? 'true' : 'false'} @click=${() => (this.tool = tool)}>${label}</button>`;
  }

  private renderSelected(scale: number) {
    const el = this.selected !== undefined ? this.mirror?.nodeOf(this.selected) : undefined;
    if (!isElement(el) || !el.isConnected) return nothing;
    const r = el.getBoundingClientRect();
    return html`<div class="selected" style=${`left:${r.left * scale - 2}px;top:${r.top * scale - 2}px;width:${r.width * scale + 4}px;height:${r.height * scale + 4}px`}></div>`;
  }

  private fire(name: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Stage coordinates to the visitor's viewport (for hit tests) and document (for the pointer). */
  private locate(event: MouseEvent): { vx: number; vy: number; x: number; y: number } {
    const scale = this.scale();
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const vx = (event.clientX - rect.left) / scale;
    const vy = (event.clientY - rect.top) / scale;
    const page = this.connection?.page;
    return { vx, vy, x: vx + (page?.scrollX ?? 0), y: vy + (page?.scrollY ?? 0) };
  }

  private onPointerMove(event: PointerEvent): void {
    const { x, y } = this.locate(event);
    this.pendingPointer = { x: Math.round(x), y: Math.round(y) };
    // One awareness update per frame at most: a mouse reports far more often.
    this.pointerFrame ||= requestAnimationFrame(() => {
      this.pointerFrame = 0;
      this.connection?.point(this.pendingPointer);
    });
  }

  private onClick(event: MouseEvent): void {
    const { vx, vy } = this.locate(event);
    const doc = this.renderRoot.querySelector('iframe')?.contentDocument;
    const target = doc?.elementFromPoint(vx, vy) ?? null;
    const id = this.mirror?.idOf(target);
    if (id === undefined) return;
    this.selected = id;
    this.typed = undefined;
    this.act(id, target);
  }

  /** What Enter or a click does with the selected node, by tool. */
  private act(id: number, target: Element | null): void {
    const c = this.connection;
    if (!c) return;
    if (this.tool === 'highlight') {
      c.highlight(id);
      c.act({ kind: 'scroll-to', id });
    } else if (this.tool === 'control' && !this.mirror?.isMasked(target)) {
      c.act({ kind: 'click', id });
    }
  }

  private onKey(event: KeyboardEvent): void {
    const doc = this.renderRoot.querySelector('iframe')?.contentDocument;
    if (!doc || !this.mirror) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const items = [...doc.querySelectorAll(FOCUSABLE)].filter((el) => !this.mirror!.isMasked(el) && this.mirror!.idOf(el) !== undefined);
      if (!items.length) return;
      const current = items.findIndex((el) => this.mirror!.idOf(el) === this.selected);
      const next = items[(current + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]!;
      this.selected = this.mirror.idOf(next);
      this.typed = undefined;
      next.scrollIntoView({ block: 'nearest' });
      return;
    }
    const el = this.selected !== undefined ? this.mirror.nodeOf(this.selected) : undefined;
    if (!isElement(el) || this.selected === undefined) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.act(this.selected, el);
      return;
    }
    // Control: typing goes into the selected field, as its whole new value. The agent's own
    // copy of what they typed is the base for the next key: the mirror lags a round trip behind.
    if (this.tool !== 'control' || !('value' in el) || this.mirror.isMasked(el)) return;
    if (this.typed?.id !== this.selected) this.typed = { id: this.selected, value: (el as HTMLInputElement).value };
    let value: string | undefined;
    if (event.key === 'Backspace') value = this.typed.value.slice(0, -1);
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) value = this.typed.value + event.key;
    if (value === undefined) return;
    event.preventDefault();
    this.typed.value = value;
    this.connection?.act({ kind: 'input', id: this.selected, value });
  }
}

/** A few words naming an element for the status line. */
function describe(el: Element): string {
  const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).placeholder ?? '';
  const text = (label || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  return text ? `${el.localName} “${text}”` : el.localName;
}

if (!customElements.get('sb-cobrowse-viewer')) customElements.define('sb-cobrowse-viewer', SbCobrowseViewer);

declare global {
  interface HTMLElementTagNameMap {
    'sb-cobrowse-viewer': SbCobrowseViewer;
  }
}
