/** The visitor's requests about a call: start one, hold it, allow recording. The server's answer comes back as the `call` frame. */
import type { VisitorFrame } from '../../signaling/protocol/client-frames.js';
import type { ProtocolClient } from '../../signaling/protocol/protocol-client.js';
import { newClientId } from './client-id.js';
import { startContext } from './visitor-context.js';

export class CallRequests {
  constructor(
    private readonly client: ProtocolClient<VisitorFrame>,
    /** The conversation of the visitor's call, while there is one. */
    private readonly callId: () => string | undefined,
    /** Where a call starts now: the page's queue, or the topic the visitor chose (its queue and label). */
    private readonly route: () => { queue?: string; topic?: string },
  ) {}

  /**
   * Starts a call: a voice conversation in the queue (the chosen topic's, when there is one). The page must hold the microphone
   * already (asked when the visitor pressed Call). Resolves with the conversation id.
   */
  async start(): Promise<string> {
    const { queue, topic } = this.route();
    const ack = await this.client.request({ type: 'call.start', id: newClientId(), ...startContext(queue), ...(topic ? { topic } : {}) });
    return ack.conversationId!;
  }

  /** Puts the call on hold or takes it off; the agent sees it too. */
  async hold(held: boolean): Promise<void> {
    const id = this.callId();
    if (id) await this.client.request({ type: 'call.hold', id: newClientId(), conversationId: id, held });
  }

  /** Allows the agent to record this call, or withdraws that. */
  async consentToRecording(recording: boolean): Promise<void> {
    const id = this.callId();
    if (id) await this.client.request({ type: 'call.consent', id: newClientId(), conversationId: id, recording });
  }

  /** Answers an agent's call ringing in the widget; accepting needs the microphone already. */
  async answer(conversationId: string, accept: boolean): Promise<void> {
    await this.client.request({ type: 'web-call.answer', id: newClientId(), conversationId, accept });
  }

  /** Hangs up a call an agent placed to this browser; the chat goes on. */
  async hangUp(): Promise<void> {
    const id = this.callId();
    if (id) await this.client.request({ type: 'call.hangup', id: newClientId(), conversationId: id });
  }

  /** Turns calls from agents off (or back on) for this visitor. */
  async setCallsOff(off: boolean): Promise<void> {
    await this.client.request({ type: 'web-call.settings', id: newClientId(), off });
  }
}
