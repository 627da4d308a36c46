/**
 * The agent's outgoing audio during a browser call, mixed with Web Audio: microphone → gain →
 * one MediaStreamDestination, and a voice reply's clip → the same destination (and the agent's
 * own speakers, so they hear what the caller hears). The destination's track is what the call
 * sends from its start, so a clip plays without renegotiating anything; mute sets the
 * microphone's gain to 0, so the track keeps running (silence, then the clip, goes out).
 */
import type { OutgoingAudio } from '../../../ui/call/call-client.js';

/** Why a clip did not play: it could not be fetched (`status`), or its audio could not be decoded. */
export class ClipLoadError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ClipLoadError';
  }
}

export class VoiceMixer implements OutgoingAudio {
  readonly stream: MediaStream;
  private readonly context: AudioContext;
  private readonly microphoneGain: GainNode;
  private readonly destination: MediaStreamAudioDestinationNode;
  private playing: AudioBufferSourceNode | undefined;

  constructor(microphone: MediaStream) {
    this.context = new AudioContext();
    // Made before any gesture on the page (a call prepared while it rang), it starts suspended
    // and would send silence: resume() runs it once the agent answers.
    this.resume();
    this.destination = this.context.createMediaStreamDestination();
    this.microphoneGain = this.context.createGain();
    this.context.createMediaStreamSource(microphone).connect(this.microphoneGain).connect(this.destination);
    this.stream = this.destination.stream;
  }

  resume(): void {
    void this.context.resume().catch(() => {});
  }

  setMicrophoneMuted(muted: boolean): void {
    this.microphoneGain.gain.value = muted ? 0 : 1;
  }

  /** Whether a clip is playing now. */
  get isPlaying(): boolean {
    return this.playing !== undefined;
  }

  /** Fetches and decodes a clip. @throws ClipLoadError when it cannot be had or is not audio. */
  async load(url: string): Promise<AudioBuffer> {
    const response = await fetch(url, { credentials: 'same-origin' }).catch(() => {
      throw new ClipLoadError('the clip could not be fetched');
    });
    if (!response.ok) throw new ClipLoadError(`the server answered ${response.status}`, response.status);
    const bytes = await response.arrayBuffer();
    try {
      return await this.context.decodeAudioData(bytes);
    } catch {
      throw new ClipLoadError('the clip’s audio could not be decoded');
    }
  }

  /** Plays a decoded clip into the call (stopping one still playing); resolves when it has ended or was stopped. */
  play(clip: AudioBuffer): Promise<void> {
    this.stop();
    // A context made before any click may start suspended; playing follows the agent's press.
    void this.context.resume();
    const source = this.context.createBufferSource();
    source.buffer = clip;
    source.connect(this.destination);
    source.connect(this.context.destination);
    this.playing = source;
    return new Promise((resolve) => {
      source.addEventListener('ended', () => {
        if (this.playing === source) this.playing = undefined;
        source.disconnect();
        resolve();
      });
      source.start();
    });
  }

  stop(): void {
    this.playing?.stop();
  }

  close(): void {
    this.stop();
    void this.context.close();
  }
}
