/**
 * The sound of an incoming call, made with Web Audio (no file to fetch or cache): a 425 Hz
 * tone (the European ring pitch), one second on and two off, so an offer that rings for a
 * few seconds is heard more than once.
 */
export class RingTone {
  private context: AudioContext | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  get ringing(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer || typeof AudioContext === 'undefined') return;
    try {
      this.context = new AudioContext();
    } catch {
      return; // no audio output: the offer still shows, and the notification still comes
    }
    const burst = () => {
      const ctx = this.context!;
      const tone = ctx.createOscillator();
      const gain = ctx.createGain();
      tone.frequency.value = 425;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + 0.05);
      gain.gain.setValueAtTime(0.2, ctx.currentTime + 0.95);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 1);
      tone.connect(gain).connect(ctx.destination);
      tone.start();
      tone.stop(ctx.currentTime + 1);
    };
    burst();
    this.timer = setInterval(burst, 3000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    void this.context?.close().catch(() => {});
    this.context = undefined;
  }
}
