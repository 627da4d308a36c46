/** The widget's REST calls for callbacks and messages left for later. */
import type { CallbackRequest, CallbackView, OfflineMessage, OfflineMessageReceipt, QueueStatus } from '../../signaling/protocol/contact-options.js';
import type { ErrorBody, ErrorReason } from '../../signaling/protocol/errors.js';

/** A refused request: why, and which fields were wrong (`phone`, `when`, `email`…). */
export class ContactError extends Error {
  constructor(
    readonly reason: ErrorReason | 'network',
    readonly fields: string[] = [],
  ) {
    super(reason);
  }
}

export class ContactClient {
  constructor(
    private readonly serverUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  queueStatus(queue?: string): Promise<QueueStatus> {
    return this.call('GET', `/api/visitors/queue-status${queue ? `?queue=${encodeURIComponent(queue)}` : ''}`, undefined, false);
  }

  pendingCallbacks(): Promise<CallbackView[]> {
    return this.call('GET', '/api/visitors/callbacks');
  }

  bookCallback(request: CallbackRequest): Promise<CallbackView> {
    return this.call('POST', '/api/visitors/callbacks', request);
  }

  cancelCallback(id: string): Promise<CallbackView> {
    return this.call('DELETE', `/api/visitors/callbacks/${encodeURIComponent(id)}`);
  }

  leaveMessage(message: OfflineMessage): Promise<OfflineMessageReceipt> {
    return this.call('POST', '/api/visitors/messages', message);
  }

  private async call<T>(method: string, path: string, body?: unknown, authenticated = true): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.serverUrl}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(authenticated ? { authorization: `Bearer ${await this.token()}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ContactError('network');
    }
    if (response.ok) return (await response.json()) as T;
    const error = ((await response.json().catch(() => undefined)) as ErrorBody | undefined)?.error;
    throw new ContactError(error?.reason ?? 'internal', (error?.issues ?? []).map((i) => i.path.split('.')[0]!));
  }
}
