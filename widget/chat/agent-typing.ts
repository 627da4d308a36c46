/**
 * The agent's "typing…" as the visitor sees it: on with the agent's frame, off with the next one,
 * with their message, or after a silence, because a lost "stopped typing" frame must not leave
 * the indicator on forever.
 */
const TIMEOUT_MS = 6000;

export class AgentTyping {
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `show` receives who is typing (their name, when known), or undefined when nobody is. */
  constructor(private readonly show: (typing: { name?: string } | undefined) => void) {}

  set(isTyping: boolean, name?: string): void {
    this.stop();
    if (isTyping) this.timer = setTimeout(() => this.set(false), TIMEOUT_MS);
    this.show(isTyping ? (name ? { name } : {}) : undefined);
  }

  /** Drops the timer (the session is closing). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
