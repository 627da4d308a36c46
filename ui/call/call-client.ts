/**
 * The browser half of a call, shared by the widget and the agent app (it lives in ui/, not in
 * signaling/protocol/, because the protocol folder stays free of WebRTC): opens this party's
 * PeerJS peer with the credentials the server issued, connects media with the other party
 * (the agent dials, the visitor answers only the peer the server named), and applies mute and
 * hold by stopping what is sent, not just silencing it (with an `outgoing` mix, mute silences the
 * microphone inside the mix instead, so what else the mix carries still goes out). It reconnects
 * media when ICE drops.
 */
import { Peer, type MediaConnection } from 'peerjs';
import type { CallView } from '../../signaling/protocol/call.js';
import { VOICE_KEY, VOICE_PATH, VOICE_PING_MS } from '../../signaling/protocol/peer-messages.js';

/** `connecting` until the other side's audio arrives; `reconnecting` while ICE recovers. */
export type MediaStatus = 'waiting' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface CallMediaState {
  status: MediaStatus;
  muted: boolean;
  /** The microphone's level, 0 to 1, for the meter. */
  level: number;
}

/**
 * What a party sends instead of the bare microphone: the agent's mix of microphone and voice
 * replies (agent-pwa/src/call/voice-mixer.ts). Its track is sent from the start, so playing a
 * clip never renegotiates the call.
 */
export interface OutgoingAudio {
  readonly stream: MediaStream;
  /** Muting silences the microphone inside the mix; the mixed track keeps running. */
  setMicrophoneMuted(muted: boolean): void;
}

export interface CallClientOptions {
  serverUrl: string;
  role: 'visitor' | 'agent';
  /** The microphone, asked for by the page when the person pressed Call or Accept. */
  microphone: MediaStream;
  /** Where the other side's voice plays; a detached <audio> by default. */
  output?: HTMLAudioElement;
  /** What to send instead of the microphone itself (it takes the microphone in). */
  outgoing?: OutgoingAudio;
}

/** How long ICE may stay disconnected before the agent dials again (a network change). */
const REDIAL_AFTER_MS = 2000;

export class CallClient extends EventTarget {
  state: CallMediaState = { status: 'waiting', muted: false, level: 0 };
  private peer: Peer | undefined;
  private peerId: string | undefined;
  private media: MediaConnection | undefined;
  /** A visitor's ring from a peer the server has not named yet (see the 'call' handler). */
  private early: MediaConnection | undefined;
  private view: CallView | undefined;
  private held = false;
  private redialTimer: ReturnType<typeof setTimeout> | undefined;
  private meter: { context: AudioContext; frame: number } | undefined;
  private readonly output: HTMLAudioElement;

  constructor(private readonly options: CallClientOptions) {
    super();
    this.output = options.output ?? new Audio();
    this.output.autoplay = true;
    this.startMeter();
  }

  /** The other side's audio, once connected (for recording). */
  get remoteStream(): MediaStream | undefined {
    return (this.output.srcObject as MediaStream | null) ?? undefined;
  }

  get microphone(): MediaStream {
    return this.options.microphone;
  }

  /** What the other side hears from this one: the outgoing mix, or the microphone. */
  get sent(): MediaStream {
    return this.options.outgoing?.stream ?? this.options.microphone;
  }

  /** The media connection's RTCPeerConnection, for statistics (tests, diagnostics). */
  get peerConnection(): RTCPeerConnection | undefined {
    return this.media?.peerConnection;
  }

  /**
   * Settles once the call this agent dialled has the caller's answer applied (its signaling state
   * is stable again, with a remote description), or closed, or at once when no offer is out. On
   * a timer, so that PeerJS's own continuations run first.
   */
  negotiated(): Promise<void> {
    const connection = this.media?.peerConnection;
    if (!connection || connection.remoteDescription) return Promise.resolve();
    return new Promise((resolve) => {
      const changed = () => {
        const { signalingState } = connection;
        if (signalingState !== 'closed' && !(signalingState === 'stable' && connection.remoteDescription)) return;
        connection.removeEventListener('signalingstatechange', changed);
        setTimeout(resolve);
      };
      connection.addEventListener('signalingstatechange', changed);
    });
  }

  /** Applies the server's latest word on the call: who the other side is, and whether it is on hold. */
  update(view: CallView): void {
    this.view = view;
    // A meter made before any gesture on the page (a call prepared while it rang) starts suspended.
    if (this.meter?.context.state === 'suspended') void this.meter.context.resume().catch(() => {});
    if (view.phase === 'ended') return this.close();
    if (view.peer && (view.peer.id !== this.peerId || this.peer?.destroyed)) this.openPeer(view);
    this.held = view.heldBy !== undefined;
    this.applySending();
    this.output.muted = this.held;
    if (this.media && this.media.peer !== view.remotePeerId) {
      // The call moved to another agent (transfer, or the agent's app died): drop the old media.
      this.media.close();
      this.media = undefined;
    }
    if (this.early && this.early.peer === view.remotePeerId) this.answer(this.early);
    if (!view.remotePeerId) return this.set({ status: 'waiting' });
    if (this.options.role === 'agent' && !this.media && this.peer?.open) this.dial();
  }

  setMuted(muted: boolean): void {
    this.set({ muted });
    this.applySending();
  }

  close(): void {
    clearTimeout(this.redialTimer);
    this.media?.close();
    this.early?.close();
    this.early = undefined;
    this.peer?.destroy();
    this.media = undefined;
    this.peer = undefined;
    this.peerId = undefined;
    if (this.meter) {
      cancelAnimationFrame(this.meter.frame);
      void this.meter.context.close();
      this.meter = undefined;
    }
    for (const track of this.options.microphone.getTracks()) track.stop();
    this.output.srcObject = null;
    this.set({ status: 'closed', level: 0 });
  }

  private openPeer(view: CallView): void {
    this.peer?.destroy();
    const url = new URL(this.options.serverUrl);
    const secure = url.protocol === 'https:';
    const peer = new Peer(view.peer!.id, {
      host: url.hostname,
      port: Number(url.port || (secure ? 443 : 80)),
      path: VOICE_PATH,
      key: VOICE_KEY,
      secure,
      token: view.peer!.token,
      pingInterval: VOICE_PING_MS,
      debug: 0,
      config: { iceServers: view.ice?.iceServers ?? [], iceTransportPolicy: view.ice?.iceTransportPolicy ?? 'all' },
    });
    this.peer = peer;
    this.peerId = view.peer!.id;
    peer.on('open', () => {
      if (this.options.role === 'agent' && this.view?.remotePeerId && !this.media) this.dial();
    });
    peer.on('call', (incoming) => {
      if (this.options.role !== 'visitor') return incoming.close();
      // Only the peer the server named may ring (the relay refuses others too). An agent whose app
      // prepared while the offer rang dials the moment they answer, and that ring can arrive
      // before the call frame naming them (the two travel on different sockets): it waits for it.
      if (incoming.peer !== this.view?.remotePeerId) {
        this.early?.close();
        this.early = incoming;
        return;
      }
      this.answer(incoming);
    });
    peer.on('disconnected', () => {
      // The signaling socket dropped (server restart, network): reconnect it; media may live on.
      if (!peer.destroyed) setTimeout(() => !peer.destroyed && peer.reconnect(), 1000);
    });
    peer.on('error', (error) => {
      if (error.type === 'peer-unavailable') return; // the other side is not connected yet
      console.warn(`Switchboard call: ${error.type}`);
    });
  }

  private answer(incoming: MediaConnection): void {
    if (this.early === incoming) this.early = undefined;
    this.media?.close();
    incoming.answer(this.sent);
    this.wire(incoming);
  }

  private dial(): void {
    if (!this.peer || !this.view?.remotePeerId) return;
    this.set({ status: 'connecting' });
    this.wire(this.peer.call(this.view.remotePeerId, this.sent));
  }

  private wire(media: MediaConnection): void {
    this.media = media;
    this.set({ status: 'connecting' });
    media.on('stream', (remote) => {
      this.output.srcObject = remote;
      void this.output.play().catch(() => {});
      this.applySending();
      this.set({ status: 'connected' });
    });
    media.on('close', () => {
      if (this.media === media) this.media = undefined;
    });
    media.peerConnection.addEventListener('iceconnectionstatechange', () => {
      const ice = media.peerConnection.iceConnectionState;
      if (ice === 'connected' || ice === 'completed') {
        clearTimeout(this.redialTimer);
        if (this.state.status === 'reconnecting') this.set({ status: 'connected' });
      } else if (ice === 'disconnected' || ice === 'failed') {
        this.set({ status: 'reconnecting' });
        // PeerJS cannot renegotiate a live connection, so the agent restarts ICE with a fresh one.
        if (this.options.role === 'agent') {
          clearTimeout(this.redialTimer);
          this.redialTimer = setTimeout(() => {
            if (this.media !== media || media.peerConnection.iceConnectionState === 'connected') return;
            media.close();
            this.media = undefined;
            this.dial();
          }, ice === 'failed' ? 0 : REDIAL_AFTER_MS);
        }
      }
    });
  }

  /**
   * On hold: nothing is sent at all (replaceTrack(null)), so the other side receives no audio.
   * Muted: the same, unless there is an outgoing mix, which keeps sending with the microphone silenced.
   */
  private applySending(): void {
    const outgoing = this.options.outgoing;
    outgoing?.setMicrophoneMuted(this.state.muted);
    const track = this.sent.getAudioTracks()[0] ?? null;
    const send = this.held || (this.state.muted && !outgoing) ? null : track;
    for (const sender of this.media?.peerConnection?.getSenders() ?? []) {
      if (sender.track !== send && (sender.track?.kind ?? 'audio') === 'audio') void sender.replaceTrack(send).catch(() => {});
    }
  }

  private startMeter(): void {
    if (typeof AudioContext === 'undefined' || this.options.microphone.getAudioTracks().length === 0) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(this.options.microphone).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let last = 0;
    const measure = (now: number) => {
      if (!this.meter) return;
      this.meter.frame = requestAnimationFrame(measure);
      if (now - last < 100) return; // ten updates a second are plenty for a meter
      last = now;
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const level = this.state.muted || this.held ? 0 : Math.min(1, Math.sqrt(sum / samples.length) * 4);
      if (Math.abs(level - this.state.level) > 0.02) this.set({ level });
    };
    this.meter = { context, frame: requestAnimationFrame(measure) };
  }

  private set(patch: Partial<CallMediaState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
  }
}
