/**
 * The base of the controllers that load data for a screen: registers with its host, and asks
 * it to render only while it is on the page (answers that arrive after it is gone are dropped).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export abstract class ScreenController implements ReactiveController {
  private connected = false;

  constructor(protected readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
  }

  /** Renders the host again, if it is still on the page. */
  protected changed(): void {
    if (this.connected) this.host.requestUpdate();
  }
}
