/** Re-renders its host when the host's box changes size, for layouts computed from it (a mirror scaled to fit). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ResizeController implements ReactiveController {
  /** The host's content box, as last observed (0 × 0 before the first layout). */
  width = 0;
  height = 0;
  private readonly observer = new ResizeObserver(([entry]) => {
    if (!entry) return;
    const { width, height } = entry.contentRect;
    if (Math.round(width) === Math.round(this.width) && Math.round(height) === Math.round(this.height)) return;
    this.width = width;
    this.height = height;
    this.host.requestUpdate();
  });

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }
}
