/**
 * The sounds of offers, made with Web Audio (no file to fetch or cache): a call rings (425 Hz, the
 * European ring pitch, one second on and two off, as long as it is offered); every other kind
 * plays a short chime of its own once, so an agent can tell a chat from an e-mail without looking.
 */
import { assertNever } from '../../../ui/assert-never.js';
import type { OfferKind } from './offer-kind.js';

/** Each chime's notes in hertz, 180 ms apart. */
function notesOf(kind: Exclude<OfferKind, 'call'>): number[] {
  switch (kind) {
    case 'chat':
      return [660, 880];
    case 'email':
      return [523, 659];
    case 'channel':
      return [784, 659];
    case 'callback':
      return [587, 587, 784];
    case 'transfer':
      return [880, 660, 880];
    default:
      return assertNever(kind);
  }
}

export class OfferSound {
  private context: AudioContext | undefined;
  private ringTimer: ReturnType<typeof setInterval> | undefined;

  /** Browsers start audio only after a gesture: called on the agent's first click or key. */
  unlock(): void {
    void this.audio()?.resume().catch(() => {});
  }

  /** Plays a kind's chime at `volume` (0 to 1); true when it played (audio allowed and running). */
  async chime(kind: Exclude<OfferKind, 'call'>, volume: number): Promise<boolean> {
    const ctx = await this.running();
    if (!ctx) return false;
    notesOf(kind).forEach((frequency, i) => this.tone(ctx, frequency, ctx.currentTime + i * 0.18, 0.16, volume));
    return true;
  }

  /** Starts ringing (until `stopRinging`); true when the first ring played. */
  async ring(volume: number): Promise<boolean> {
    if (this.ringTimer) return false;
    const ctx = await this.running();
    if (!ctx || this.ringTimer) return false;
    const burst = () => this.tone(ctx, 425, ctx.currentTime, 1, volume);
    burst();
    this.ringTimer = setInterval(burst, 3000);
    return true;
  }

  get ringing(): boolean {
    return this.ringTimer !== undefined;
  }

  stopRinging(): void {
    clearInterval(this.ringTimer);
    this.ringTimer = undefined;
  }

  close(): void {
    this.stopRinging();
    void this.context?.close().catch(() => {});
    this.context = undefined;
  }

  private audio(): AudioContext | undefined {
    if (!this.context && typeof AudioContext !== 'undefined') {
      try {
        this.context = new AudioContext();
      } catch {
        return undefined; // no audio output: the offer still shows, and the notification still comes
      }
    }
    return this.context;
  }

  private async running(): Promise<AudioContext | undefined> {
    const ctx = this.audio();
    if (!ctx) return undefined;
    if (ctx.state !== 'running') await ctx.resume().catch(() => {});
    return ctx.state === 'running' ? ctx : undefined;
  }

  /** One note with soft edges (no click) from `at` for `seconds`. */
  private tone(ctx: AudioContext, frequency: number, at: number, seconds: number, volume: number): void {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    const peak = Math.max(0.0002, 0.25 * volume);
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(peak, at + 0.03);
    gain.gain.setValueAtTime(peak, at + seconds - 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + seconds);
  }
}
