/**
 * The agent's calls in this window (an offered call rings through OfferAlertsController): asks for the microphone when a call is theirs, dials the caller, and keeps
 * each call's media state for the views. The call client (with PeerJS) loads on the first call.
 * While a browser call rings, its microphone and peer are prepared, so Answer only answers.
 * What the agent sends goes through a VoiceMixer, so voice replies can play into the call.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallView } from '../../../signaling/protocol/call.js';
import type { Offer } from '../../../signaling/protocol/server-frames.js';
import type { VoiceClip } from '../../../signaling/protocol/voice-clips.js';
import type { CallClient, CallMediaState } from '../../../ui/call/call-client.js';
import { api } from '../api-client.js';
import { CallRecorder } from './call-recorder.js';
import { VoiceMixer } from './voice-mixer.js';

/** A voice reply in a call: being fetched, playing, or failed to load (the call goes on as it was). */
export interface VoiceReplyState {
  status: 'loading' | 'playing' | 'failed';
  clipId: string;
  title: string;
}

/** A call's microphone, the mix sent from it, and its PeerJS client. */
interface CallParts {
  client: CallClient;
  mixer: VoiceMixer;
}

/** A call prepared while its offer rang, until the agent answers it or it is released. */
interface PreparedCall {
  conversationId: string;
  parts: Promise<CallParts | undefined>;
  /** The parts once they are made: a call answered after that connects without waiting a turn. */
  ready?: CallParts;
  /** Set once its offer stopped ringing: lets it go unless the call arrives first. */
  releaseTimer?: ReturnType<typeof setTimeout>;
}

/**
 * How long a prepared call waits once its offer stops ringing: accepting removes the offer and
 * then brings the call, in separate frames; a declined or missed call is let go after this.
 */
const PREPARED_KEPT_MS = 5000;

/** The longest the app's redraw waits for a call's offer and answer (see `redrawHeld`). */
const REDRAW_HELD_MAX_MS = 250;

/** Whether the agent allowed the microphone before: preparing never asks for it while a call merely rings. */
async function microphoneAllowed(): Promise<boolean> {
  try {
    return (await navigator.permissions.query({ name: 'microphone' as PermissionName })).state === 'granted';
  } catch {
    return false;
  }
}

export class AgentCalls implements ReactiveController {
  /** Media state per conversation, for the call controls. */
  media: Record<string, CallMediaState> = {};
  /** Set when the microphone was refused: calls cannot be answered until it is allowed. */
  microphoneDenied = false;
  private readonly clients = new Map<string, CallClient | Promise<CallClient | undefined>>();
  private readonly recorders = new Map<string, CallRecorder>();
  private readonly mixers = new Map<string, VoiceMixer>();
  /** Whether the agent was muted before the clip now playing in each call. */
  private readonly mutedBeforeClip = new Map<string, boolean>();
  /** The voice reply of each call, while it loads or plays, or after it failed. */
  voice: Record<string, VoiceReplyState> = {};
  /** Set when a recording could not be stored. */
  recordingFailed = false;
  private prepared: PreparedCall | undefined;
  /**
   * True from Answer until the caller's answer to the call's offer is applied (at most
   * REDRAW_HELD_MAX_MS; about 50 ms on loopback). Answering also brings the conversation, and
   * redrawing the app for it takes tens of milliseconds of the main thread, which came between
   * the offer being made and being sent, and again before the caller's answer was read: both
   * would hear each other that much later. The host holds its redraw meanwhile (sb-workspace's
   * shouldUpdate).
   */
  redrawHeld = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const id of [...this.clients.keys()]) this.drop(id);
    if (this.prepared) this.release(this.prepared);
  }

  /**
   * Follows the offers ringing: while a browser call rings (the offer carries the agent's peer
   * for it), opens the microphone and connects that peer, so that answering only dials. Nothing
   * is sent before then: the server lets the peer reach the caller only once the call is theirs.
   */
  offers(offers: readonly Offer[]): void {
    // Only the window in front prepares: two windows holding one peer would take it from each other.
    const ringing = document.hasFocus() ? offers.find((offer) => offer.call && !this.clients.has(offer.conversationId)) : undefined;
    const prepared = this.prepared;
    if (prepared && prepared.conversationId === ringing?.conversationId) {
      clearTimeout(prepared.releaseTimer);
      delete prepared.releaseTimer;
      return;
    }
    if (prepared && ringing) this.release(prepared);
    else if (prepared) prepared.releaseTimer ??= setTimeout(() => this.release(prepared), PREPARED_KEPT_MS);
    if (!ringing) return;
    const entry: PreparedCall = { conversationId: ringing.conversationId, parts: this.prepare(ringing) };
    void entry.parts.then((parts) => (entry.ready = parts));
    this.prepared = entry;
  }

  /** When this window started recording the call, while it is recording. */
  recordingSince(conversationId: string): number | undefined {
    return this.recorders.get(conversationId)?.startedAt;
  }

  /** Starts recording a call (the caller allowed it), or stops and stores the recording. */
  setRecording(conversationId: string, on: boolean): void {
    const client = this.clients.get(conversationId);
    if (on) {
      if (this.recorders.has(conversationId) || !client || client instanceof Promise || !client.remoteStream) return;
      this.recorders.set(conversationId, new CallRecorder(client.sent, client.remoteStream));
    } else {
      const recorder = this.recorders.get(conversationId);
      this.recorders.delete(conversationId);
      recorder?.save(conversationId).catch(() => {
        this.recordingFailed = true;
        this.host.requestUpdate();
      });
    }
    this.host.requestUpdate();
  }

  /** Applies the server's calls: connects new ones, updates live ones, hangs up the rest. */
  sync(calls: Record<string, CallView>): void {
    for (const [id, recorder] of [...this.recorders]) {
      // Consent withdrawn: nothing of it is kept. Call over: the recording is stored.
      if (calls[id] && !calls[id]!.recordingAllowed) {
        this.recorders.delete(id);
        recorder.discard();
      } else if (!calls[id]) this.setRecording(id, false);
    }
    for (const id of [...this.clients.keys()]) if (!calls[id]) this.drop(id);
    for (const view of Object.values(calls)) {
      const known = this.clients.get(view.conversationId);
      if (known instanceof Promise) void known.then((c) => c?.update(calls[view.conversationId] ?? { ...view, phase: 'ended' }));
      else if (known) known.update(view);
      else if (view.phase === 'active') {
        const prepared = this.takePrepared(view.conversationId);
        // Prepared and ready: dial in this turn, not after the app has redrawn for the new contact (tens of ms).
        if (prepared?.ready) this.connect(view, prepared.ready);
        else this.clients.set(view.conversationId, this.open(view, prepared?.parts));
      }
    }
  }

  setMuted(conversationId: string, muted: boolean): void {
    const client = this.clients.get(conversationId);
    if (client && !(client instanceof Promise)) client.setMuted(muted);
  }

  /** The call a shortcut acts on: the one shown, if it is live in this window, else the only live one. */
  liveCall(preferred: string | undefined): string | undefined {
    const live = [...this.mixers.keys()].filter((id) => this.media[id]?.status !== 'closed');
    return preferred && live.includes(preferred) ? preferred : live.length === 1 ? live[0] : undefined;
  }

  /**
   * Plays a voice reply into a call: the caller hears it, the agent too, and the agent's
   * microphone is muted while it plays (unmuting speaks over it; if they did not, their earlier
   * mute state comes back at the end). A clip that cannot be loaded leaves the call as it was.
   */
  async playClip(conversationId: string, clip: VoiceClip): Promise<void> {
    const client = this.clients.get(conversationId);
    const mixer = this.mixers.get(conversationId);
    if (!client || client instanceof Promise || !mixer) return;
    this.setVoice(conversationId, { status: 'loading', clipId: clip.id, title: clip.title });
    let audio: AudioBuffer;
    try {
      audio = await mixer.load(`/api/conversations/${encodeURIComponent(conversationId)}/voice-clips/${encodeURIComponent(clip.id)}/audio`);
    } catch {
      this.setVoice(conversationId, { status: 'failed', clipId: clip.id, title: clip.title });
      return;
    }
    if (this.mixers.get(conversationId) !== mixer) return; // the call ended meanwhile
    // A clip pressed while another plays replaces it: the mute state to come back to is the one before the first.
    if (!this.mutedBeforeClip.has(conversationId)) this.mutedBeforeClip.set(conversationId, client.state.muted);
    client.setMuted(true);
    this.setVoice(conversationId, { status: 'playing', clipId: clip.id, title: clip.title });
    // The timeline says which clip played; the clip plays even if that record fails.
    void api.voiceClipPlayed(conversationId, clip.id).catch(() => {});
    await mixer.play(audio);
    if (mixer.isPlaying) return; // another clip took over
    // Unmuted during the clip: the agent chose to speak, and stays so.
    if (client.state.muted) client.setMuted(this.mutedBeforeClip.get(conversationId) ?? false);
    this.mutedBeforeClip.delete(conversationId);
    this.setVoice(conversationId, undefined);
  }

  stopClip(conversationId: string): void {
    this.mixers.get(conversationId)?.stop();
  }

  private setVoice(conversationId: string, state: VoiceReplyState | undefined): void {
    const { [conversationId]: _earlier, ...rest } = this.voice;
    this.voice = state ? { ...rest, [conversationId]: state } : rest;
    this.host.requestUpdate();
  }

  private async prepare(offer: Offer): Promise<CallParts | undefined> {
    if (!offer.call || !(await microphoneAllowed())) return undefined;
    const parts = await this.start();
    parts?.client.update({ conversationId: offer.conversationId, phase: 'queued', peer: offer.call.peer, ice: offer.call.ice });
    return parts;
  }

  private release(prepared: PreparedCall): void {
    if (this.prepared === prepared) this.prepared = undefined;
    clearTimeout(prepared.releaseTimer);
    void prepared.parts.then((parts) => {
      parts?.client.close();
      parts?.mixer.close();
    });
  }

  /** The call prepared while this conversation's offer rang, taken for the call now assigned. */
  private takePrepared(conversationId: string): PreparedCall | undefined {
    const prepared = this.prepared;
    if (prepared?.conversationId !== conversationId) return undefined;
    this.prepared = undefined;
    clearTimeout(prepared.releaseTimer);
    return prepared;
  }

  /** Opens the microphone and makes the call's client; undefined when the microphone is refused. */
  private async start(): Promise<CallParts | undefined> {
    let microphone: MediaStream;
    try {
      microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return undefined;
    }
    const { CallClient } = await import('../../../ui/call/call-client.js');
    const mixer = new VoiceMixer(microphone);
    return { client: new CallClient({ serverUrl: location.origin, role: 'agent', microphone, outgoing: mixer }), mixer };
  }

  /** Connects the call once its parts are made: those being prepared, else a microphone opened now. */
  private async open(view: CallView, preparing?: Promise<CallParts | undefined>): Promise<CallClient | undefined> {
    const parts = (await preparing) ?? (await this.start());
    if (!parts) {
      this.microphoneDenied = true;
      this.clients.delete(view.conversationId);
      this.host.requestUpdate();
      return undefined;
    }
    if (this.clients.get(view.conversationId) === undefined) {
      parts.client.close(); // the call ended while the microphone was being opened
      parts.mixer.close();
      return undefined;
    }
    return this.connect(view, parts);
  }

  /** Makes `parts` the call's, and dials (the client dials on its view once its peer is open). */
  private connect(view: CallView, parts: CallParts): CallClient {
    this.microphoneDenied = false;
    const { client, mixer } = parts;
    mixer.resume(); // answering was a gesture: a mix prepared before one may be suspended
    client.addEventListener('change', () => {
      this.media = { ...this.media, [view.conversationId]: client.state };
      this.host.requestUpdate();
    });
    this.clients.set(view.conversationId, client);
    this.mixers.set(view.conversationId, mixer);
    // Exposed for diagnostics and the end-to-end tests (getStats on the live connection).
    (window as { __switchboardCalls?: Record<string, CallClient> }).__switchboardCalls = { ...(window as { __switchboardCalls?: Record<string, CallClient> }).__switchboardCalls, [view.conversationId]: client };
    client.update(view);
    this.holdRedrawUntilNegotiated(client);
    return client;
  }

  private holdRedrawUntilNegotiated(client: CallClient): void {
    this.redrawHeld = true;
    const release = () => {
      clearTimeout(cap);
      if (!this.redrawHeld) return;
      this.redrawHeld = false;
      this.host.requestUpdate();
    };
    const cap = setTimeout(release, REDRAW_HELD_MAX_MS);
    void client.negotiated().then(release);
  }

  private drop(conversationId: string): void {
    const client = this.clients.get(conversationId);
    this.clients.delete(conversationId);
    if (client instanceof Promise) void client.then((c) => c?.close());
    else client?.close();
    this.mixers.get(conversationId)?.close();
    this.mixers.delete(conversationId);
    this.mutedBeforeClip.delete(conversationId);
    const { [conversationId]: _gone, ...rest } = this.media;
    this.media = rest;
    const { [conversationId]: _voice, ...otherVoices } = this.voice;
    this.voice = otherVoices;
  }
}
