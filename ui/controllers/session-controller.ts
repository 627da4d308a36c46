/**
 * Hands a session to a component: any plain object that announces its changes with a `change`
 * event (a chat session, the agent's session, a call client, a co-browse connection). While the
 * host is on the page, every change renders it again; when the host leaves, the listener goes too.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface SessionControllerOptions<T> {
  /** The event the session fires when its state changes; `change` by default. */
  event?: string;
  /**
   * Runs before the host renders: when a session is handed over, on each of its changes, and
   * when the host comes back on the page. For what follows a session besides the view (media,
   * read marks) or to copy its state into the host's own properties.
   */
  onChange?: (session: T) => void;
}

/**
 * Follows one session at a time for its host. The session's owner creates and destroys it; the
 * controller only listens, from `hostConnected` to `hostDisconnected`.
 *
 * @example
 * class SbWorkspace extends LitElement {
 *   private readonly agent = new SessionController<AgentSession>(this);
 *   override connectedCallback() { super.connectedCallback(); this.agent.value = new AgentSession(); }
 *   override render() { return html`${this.agent.value?.state.status}`; }
 * }
 */
export class SessionController<T extends EventTarget> implements ReactiveController {
  private session: T | undefined;
  /** The session whose events the controller is subscribed to, while the host is connected. */
  private subscribed: T | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SessionControllerOptions<T> = {},
  ) {
    host.addController(this);
  }

  /** The session followed, if any. */
  get value(): T | undefined {
    return this.session;
  }

  /** Follows another session (or none); the previous one is no longer listened to. */
  set value(next: T | undefined) {
    if (next === this.session) return;
    this.unsubscribe();
    this.session = next;
    if (this.connected) this.subscribe();
    this.changed();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
    // It may have changed while the host was away.
    if (this.session) this.changed();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe();
  }

  private subscribe(): void {
    if (!this.session || this.subscribed === this.session) return;
    this.subscribed = this.session;
    this.session.addEventListener(this.options.event ?? 'change', this.changed);
  }

  private unsubscribe(): void {
    this.subscribed?.removeEventListener(this.options.event ?? 'change', this.changed);
    this.subscribed = undefined;
  }

  private readonly changed = (): void => {
    if (this.session) this.options.onChange?.(this.session);
    this.host.requestUpdate();
  };
}
