/**
 * Shares the visitor's page into the session's Y.Doc: a snapshot once the room is synced, then
 * one frame per batch of DOM mutations, field edits and element scrolls; the page's address,
 * title, viewport and scroll in the `page` map. When the changes outweigh the snapshot, a fresh
 * snapshot replaces them all, so the document (and what a late joiner downloads) stays small.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { encodeFrame, type MirrorOp } from '../../signaling/protocol/cobrowse-codec.js';
import { COBROWSE_DOC, COBROWSE_PATH, type AgentGuide, type VisitorPresence } from '../../signaling/protocol/cobrowse.js';
import { DomSerializer } from './dom-serializer.js';
import { opsForMutations } from './mutation-ops.js';

/** How often the page asks the room for its state (a state vector, tens of bytes). */
const RESYNC_MS = 3000;

/** Changes may grow to this multiple of the snapshot (or this many bytes) before a fresh snapshot. */
const COMPACT_RATIO = 1;
const COMPACT_MIN_BYTES = 64 * 1024;
/**
 * Typing is gathered for this long into one frame (the field's last value only): a burst of
 * keystrokes is one Yjs update, not one each. Flushed sooner on blur and before any other change.
 */
const TYPING_WINDOW_MS = 60;
/** The room's close code for "not a party of an active session": final, unlike a dropped connection. */
export const ROOM_REFUSED = 4403;

export interface PageSharerOptions {
  serverUrl: string;
  sessionId: string;
  token: string;
  /** The agent's pointer, highlight and actions, whenever they change (undefined when the agent left). */
  onGuide(guide: AgentGuide | undefined): void;
  /** The room refused us: the session is over (for example, the server restarted without it). */
  onRefused(): void;
  win?: Window;
}

export class PageSharer {
  readonly serializer: DomSerializer;
  private readonly win: Window;
  private readonly doc = new Y.Doc();
  private readonly frames = this.doc.getArray<Uint8Array>(COBROWSE_DOC.frames);
  private readonly page = this.doc.getMap<unknown>(COBROWSE_DOC.page);
  private readonly provider: WebsocketProvider;
  private readonly observer: MutationObserver;
  private readonly pending: MirrorOp[] = [];
  private snapshotBytes = 0;
  private changeBytes = 0;
  private sharing = false;
  /** Names the current snapshot: node ids are only meaningful within one. */
  snapshotId = '';
  private flushQueued = false;
  /** Field values typed since the last frame, by node id: only the latest of each is sent. */
  private readonly typed = new Map<number, MirrorOp>();
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private scrollFrame = 0;
  private readonly scrolledElements = new Set<Element>();
  private readonly listeners: [EventTarget, string, EventListener][] = [];

  constructor(private readonly options: PageSharerOptions) {
    this.win = options.win ?? window;
    this.serializer = new DomSerializer(this.win.document);
    this.observer = new MutationObserver((records) => this.flush(records));
    const wsBase = options.serverUrl.replace(/^http/, 'ws') + COBROWSE_PATH.slice(0, -1);
    // No BroadcastChannel: every byte goes through our server, which checks who may see it.
    // Sharing starts only once synced: asking for the room's state again every few seconds means
    // one lost sync message cannot leave a page connected but never shared.
    this.provider = new WebsocketProvider(wsBase, options.sessionId, this.doc, { params: { token: options.token }, disableBc: true, maxBackoffTime: 2000, resyncInterval: RESYNC_MS, connect: false });
    this.provider.awareness.setLocalState(this.presence());
    this.provider.awareness.on('change', () => this.options.onGuide(this.agentGuide()));
    this.provider.on('connection-close', (event: { code?: number } | null) => {
      if (event?.code === ROOM_REFUSED) options.onRefused();
    });
    // Wait for the room's state before writing: the snapshot then replaces the previous page's frames.
    this.provider.on('sync', (synced: boolean) => {
      if (synced && !this.sharing) this.begin();
    });
  }

  /** Joins the room; sharing begins once it is synced. */
  start(): void {
    this.provider.connect();
  }

  /** The agent's current guide state, if the agent is in the room. */
  agentGuide(): AgentGuide | undefined {
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      if (clientId !== this.doc.clientID && (state as { role?: string }).role === 'agent') return state as AgentGuide;
    }
    return undefined;
  }

  /** Stops at once: nothing more is read from the page or sent. */
  stop(): void {
    this.sharing = false;
    this.observer.disconnect();
    clearTimeout(this.typingTimer);
    for (const [target, type, listener] of this.listeners.splice(0)) target.removeEventListener(type, listener, true);
    cancelAnimationFrame(this.scrollFrame);
    this.provider.destroy();
    this.doc.destroy();
  }

  /** Sends a fresh snapshot in place of everything sent so far. */
  snapshot(): void {
    this.serializer.reset();
    const d = this.win.document;
    const root = this.serializer.serialize(d.documentElement);
    if (!root) return;
    const frame = encodeFrame([{ op: 'root', ...(d.doctype ? { doctype: d.doctype.name } : {}), node: root }]);
    this.pending.length = 0;
    this.typed.clear();
    this.observer.takeRecords();
    this.snapshotBytes = frame.length;
    this.snapshotId = Math.random().toString(36).slice(2, 10);
    this.changeBytes = 0;
    this.doc.transact(() => {
      this.frames.delete(0, this.frames.length);
      this.frames.push([frame]);
      this.writePage();
    });
  }

  private begin(): void {
    this.sharing = true;
    this.snapshot();
    this.observer.observe(this.win.document, { childList: true, subtree: true, attributes: true, characterData: true });
    const on = (target: EventTarget, type: string, listener: EventListener) => {
      target.addEventListener(type, listener, { capture: true, passive: true });
      this.listeners.push([target, type, listener]);
    };
    on(this.win.document, 'input', (e) => this.fieldChanged(e.target, true));
    on(this.win.document, 'change', (e) => this.fieldChanged(e.target, false));
    // Leaving a field sends what was typed in it now.
    on(this.win.document, 'focusout', () => {
      if (this.typed.size) this.queueFlush();
    });
    on(this.win.document, 'scroll', (e) => this.scrolled(e.target));
    on(this.win, 'resize', () => this.schedulePage());
    on(this.win, 'popstate', () => this.schedulePage());
    on(this.win, 'hashchange', () => this.schedulePage());
    on(this.win.document, 'visibilitychange', () => this.provider.awareness.setLocalState(this.presence()));
  }

  private fieldChanged(target: EventTarget | null, typing: boolean): void {
    if (!(target instanceof Element)) return;
    const id = this.serializer.idOf(target);
    if (id === undefined) return;
    // fieldState is empty for private fields: their keystrokes send nothing at all.
    const state = this.serializer.fieldState(target);
    if (state.value !== undefined && typing && state.checked === undefined) {
      this.typed.delete(id);
      this.typed.set(id, { op: 'value', id, value: state.value });
      this.typingTimer ??= setTimeout(() => {
        this.typingTimer = undefined;
        this.flush([]);
      }, TYPING_WINDOW_MS);
      return;
    }
    if (state.value !== undefined) this.pending.push({ op: 'value', id, value: state.value });
    if (state.checked !== undefined) this.pending.push({ op: 'checked', id, checked: state.checked });
    // A radio's siblings changed too; the browser fires no event for them.
    if (target.localName === 'input' && (target as HTMLInputElement).type === 'radio' && (target as HTMLInputElement).name) {
      for (const other of this.win.document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape((target as HTMLInputElement).name)}"]`)) {
        const otherId = this.serializer.idOf(other);
        if (other !== target && otherId !== undefined) this.pending.push({ op: 'checked', id: otherId, checked: other.checked });
      }
    }
    this.queueFlush();
  }

  private scrolled(target: EventTarget | null): void {
    if (target instanceof Element && target !== this.win.document.scrollingElement) this.scrolledElements.add(target);
    this.schedulePage();
  }

  /** Scroll and resize come many times a frame: write them once per animation frame. */
  private schedulePage(): void {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      if (!this.sharing) return;
      for (const el of this.scrolledElements) {
        const id = this.serializer.idOf(el);
        if (id !== undefined && el.isConnected) this.pending.push({ op: 'scroll', id, x: el.scrollLeft, y: el.scrollTop });
      }
      this.scrolledElements.clear();
      this.flush([]);
    });
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush([]);
    });
  }

  /** Writes the DOM changes so far, then the field and scroll changes, as one frame. */
  private flush(records: MutationRecord[]): void {
    if (!this.sharing) return;
    // What was typed goes first: it happened before the DOM changes this frame carries (or with them).
    const ops: MirrorOp[] = [...this.typed.values()];
    this.typed.clear();
    clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    const all = records.concat(this.observer.takeRecords());
    if (all.length) ops.push(...opsForMutations(all, this.serializer));
    ops.push(...this.pending.splice(0));
    this.doc.transact(() => {
      if (ops.length) {
        const frame = encodeFrame(ops);
        this.changeBytes += frame.length;
        this.frames.push([frame]);
      }
      this.writePage();
    });
    if (this.changeBytes > Math.max(this.snapshotBytes * COMPACT_RATIO, COMPACT_MIN_BYTES)) this.snapshot();
  }

  /** The page's address, title, viewport and scroll; unchanged values are not rewritten. */
  private writePage(): void {
    const w = this.win;
    const values: Record<string, unknown> = {
      url: w.location.href,
      title: w.document.title,
      width: w.innerWidth,
      height: w.innerHeight,
      scrollX: Math.round(w.scrollX),
      scrollY: Math.round(w.scrollY),
      snapshot: this.snapshotId,
    };
    for (const [key, value] of Object.entries(values)) if (this.page.get(key) !== value) this.page.set(key, value);
  }

  private presence(): VisitorPresence {
    return { role: 'visitor', visible: this.win.document.visibilityState === 'visible' };
  }
}
