/** The visitor's answers about sharing the page with the agent: share, decline, stop, and remote control. The server's answer comes back as the `cobrowse` frame. */
import type { VisitorFrame } from '../../signaling/protocol/client-frames.js';
import type { ProtocolClient } from '../../signaling/protocol/protocol-client.js';
import { newClientId } from './client-id.js';

export class CobrowseRequests {
  constructor(
    private readonly client: ProtocolClient<VisitorFrame>,
    /** The visitor's open conversation, if any: sharing happens in one. */
    private readonly conversationId: () => string | undefined,
  ) {}

  /** Shares this page with the agent: answering their request, or offering it. */
  share(): Promise<void> {
    return this.send('cobrowse.accept');
  }

  decline(): Promise<void> {
    return this.send('cobrowse.decline');
  }

  stop(): Promise<void> {
    return this.send('cobrowse.stop');
  }

  /** Answers the agent's request for remote control, or takes control back. */
  async setControl(allowed: boolean): Promise<void> {
    const id = this.conversationId();
    if (id) await this.client.request({ type: 'cobrowse.control', id: newClientId(), conversationId: id, allowed });
  }

  private async send(type: 'cobrowse.accept' | 'cobrowse.decline' | 'cobrowse.stop'): Promise<void> {
    const id = this.conversationId();
    if (id) await this.client.request({ type, id: newClientId(), conversationId: id });
  }
}
