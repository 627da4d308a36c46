/**
 * The agent's calls in this window (an offered call rings through OfferAlertsController): asks for the microphone when a call is theirs, dials the caller, and keeps
 * each call's media state for the views. The call client (with PeerJS) loads on the first call.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallView } from '../../../signaling/protocol/call.js';
import type { CallClient, CallMediaState } from '../../../ui/call/call-client.js';
import { CallRecorder } from './call-recorder.js';

export class AgentCalls implements ReactiveController {
  /** Media state per conversation, for the call controls. */
  media: Record<string, CallMediaState> = {};
  /** Set when the microphone was refused: calls cannot be answered until it is allowed. */
  microphoneDenied = false;
  private readonly clients = new Map<string, CallClient | Promise<CallClient | undefined>>();
  private readonly recorders = new Map<string, CallRecorder>();
  /** Set when a recording could not be stored. */
  recordingFailed = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const id of [...this.clients.keys()]) this.drop(id);
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
      this.recorders.set(conversationId, new CallRecorder(client.microphone, client.remoteStream));
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
      else if (view.phase === 'active') this.clients.set(view.conversationId, this.open(view));
    }
  }

  setMuted(conversationId: string, muted: boolean): void {
    const client = this.clients.get(conversationId);
    if (client && !(client instanceof Promise)) client.setMuted(muted);
  }

  private async open(view: CallView): Promise<CallClient | undefined> {
    let microphone: MediaStream;
    try {
      microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      this.microphoneDenied = true;
      this.clients.delete(view.conversationId);
      this.host.requestUpdate();
      return undefined;
    }
    this.microphoneDenied = false;
    const { CallClient } = await import('../../../ui/call/call-client.js');
    const client = new CallClient({ serverUrl: location.origin, role: 'agent', microphone });
    client.addEventListener('change', () => {
      this.media = { ...this.media, [view.conversationId]: client.state };
      this.host.requestUpdate();
    });
    if (this.clients.get(view.conversationId) === undefined) {
      client.close(); // the call ended while the microphone was being opened
      return undefined;
    }
    this.clients.set(view.conversationId, client);
    // Exposed for diagnostics and the end-to-end tests (getStats on the live connection).
    (window as { __switchboardCalls?: Record<string, CallClient> }).__switchboardCalls = { ...(window as { __switchboardCalls?: Record<string, CallClient> }).__switchboardCalls, [view.conversationId]: client };
    client.update(view);
    return client;
  }

  private drop(conversationId: string): void {
    const client = this.clients.get(conversationId);
    this.clients.delete(conversationId);
    if (client instanceof Promise) void client.then((c) => c?.close());
    else client?.close();
    const { [conversationId]: _gone, ...rest } = this.media;
    this.media = rest;
  }
}
