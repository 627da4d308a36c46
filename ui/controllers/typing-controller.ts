/** Turns keystrokes into "typing" / "stopped typing" notifications, at most one per few seconds. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const IDLE_MS = 3000;

export class TypingController implements ReactiveController {
  private typing = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly notify: (isTyping: boolean) => void,
  ) {
    host.addController(this);
  }

  /** Call on every input event. */
  keystroke(): void {
    if (!this.typing) {
      this.typing = true;
      this.notify(true);
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
  }

  /** Call when the message is sent or the field is cleared. */
  stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.typing) {
      this.typing = false;
      this.notify(false);
    }
  }

  hostDisconnected(): void {
    this.stop();
  }
}
