/**
 * The agent's end of a co-browse room: keeps a MirrorDocument in step with the visitor's frames
 * and page state, and publishes the agent's pointer, highlight and actions as awareness. It
 * never writes the shared document (the server would close the socket if it did).
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CodecError, decodeFrame } from '../../../signaling/protocol/cobrowse-codec.js';
import { COBROWSE_DOC, COBROWSE_PATH, GUIDE_ACTIONS_KEPT, type AgentGuide, type GuideAction, type VisitorPresence } from '../../../signaling/protocol/cobrowse.js';
import type { MirrorDocument } from './mirror-document.js';

export interface PageState {
  url: string;
  title: string;
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
  snapshot: string;
}

type NewAction = GuideAction extends infer A ? (A extends GuideAction ? Omit<A, 'seq'> : never) : never;

export class MirrorConnection extends EventTarget {
  page: PageState = { url: '', title: '', width: 1280, height: 800, scrollX: 0, scrollY: 0, snapshot: '' };
  visitor: VisitorPresence | undefined;
  connected = false;
  /** The room refused this agent: the session is over (or the server restarted without it). */
  refused = false;
  /** When the first full page was drawn (performance.now()), for the set-up figure. */
  firstRenderAt: number | undefined;
  private readonly doc = new Y.Doc();
  private readonly frames = this.doc.getArray<Uint8Array>(COBROWSE_DOC.frames);
  private readonly pageMap = this.doc.getMap<unknown>(COBROWSE_DOC.page);
  private readonly provider: WebsocketProvider;
  private mirror: MirrorDocument | undefined;
  private applied = 0;
  private snapshotFrame: Uint8Array | undefined;
  private guide: AgentGuide;
  private seq = 0;

  constructor(sessionId: string, token: string, agentName: string) {
    super();
    this.guide = { role: 'agent', name: agentName, actions: [] };
    const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COBROWSE_PATH.slice(0, -1)}`;
    this.provider = new WebsocketProvider(base, sessionId, this.doc, { params: { token }, disableBc: true, maxBackoffTime: 2000 });
    this.provider.awareness.setLocalState(this.guide);
    this.provider.on('status', ({ status }: { status: string }) => {
      this.connected = status === 'connected';
      this.changed();
    });
    this.provider.on('connection-close', (event: { code?: number } | null) => {
      if (event?.code !== 4403) return;
      this.refused = true;
      this.provider.disconnect();
      this.changed();
    });
    this.frames.observe(() => this.render());
    this.pageMap.observe(() => {
      this.readPage();
      this.changed();
    });
    this.provider.awareness.on('change', () => {
      this.visitor = [...this.provider.awareness.getStates().values()].find((s): s is VisitorPresence => (s as { role?: string }).role === 'visitor');
      this.changed();
    });
  }

  /** Starts drawing into a mirror (again, from the snapshot, when the view was rebuilt). */
  attach(mirror: MirrorDocument): void {
    this.mirror = mirror;
    this.applied = 0;
    this.snapshotFrame = undefined;
    this.render();
  }

  /** Moves the agent's pointer (document coordinates), or hides it. */
  point(pointer: { x: number; y: number } | undefined): void {
    this.publish({ ...this.guide, ...(pointer ? { pointer } : {}) }, !pointer);
  }

  highlight(id: number | undefined): void {
    const next = { ...this.guide, snapshot: this.page.snapshot };
    if (id === undefined) delete next.highlight;
    else next.highlight = id;
    this.publish(next);
  }

  /** Asks the visitor's page to do something; the page decides whether it may. */
  act(action: NewAction): void {
    const entry = { ...action, seq: ++this.seq } as GuideAction;
    this.publish({ ...this.guide, snapshot: this.page.snapshot, actions: [...this.guide.actions, entry].slice(-GUIDE_ACTIONS_KEPT) });
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }

  private publish(next: AgentGuide, dropPointer = false): void {
    if (dropPointer) delete next.pointer;
    this.guide = next;
    this.provider.awareness.setLocalState(next);
  }

  /** Applies new frames; a new first frame is a new snapshot, drawn from scratch. */
  private render(): void {
    const mirror = this.mirror;
    if (!mirror || this.frames.length === 0) return;
    const first = this.frames.get(0);
    if (first !== this.snapshotFrame) {
      this.snapshotFrame = first;
      this.applied = 0;
    }
    this.readPage();
    for (; this.applied < this.frames.length; this.applied++) {
      // A frame that cannot be read or applied (a DOM refusal) is skipped, not retried forever:
      // the next snapshot brings the mirror back in step.
      try {
        mirror.apply(decodeFrame(this.frames.get(this.applied)));
      } catch (error) {
        console.warn(`co-browse: frame ${this.applied} ${error instanceof CodecError ? 'could not be read' : 'could not be applied'}`, error);
      }
    }
    this.firstRenderAt ??= performance.now();
    this.changed();
  }

  private readPage(): void {
    const p = this.pageMap.toJSON() as Partial<PageState>;
    this.page = { ...this.page, ...p };
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
