/** The visitor's request to delete one of their conversations: erased at once or reviewed, as the site chose. */
import type { DeletionReceipt, DeletionRequestStatus } from '../../signaling/protocol/privacy.js';

/** What the panel shows after asking: the server's answer, or `failed` when there was none. */
export type DeletionOutcome = { conversationId: string; status: DeletionRequestStatus | 'failed' };

export async function requestDeletion(serverUrl: string, token: string, conversationId: string): Promise<DeletionOutcome> {
  try {
    const response = await fetch(`${serverUrl}/api/visitors/conversations/${encodeURIComponent(conversationId)}/deletion-request`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) return { conversationId, status: 'failed' };
    return { conversationId, status: ((await response.json()) as DeletionReceipt).status };
  } catch {
    return { conversationId, status: 'failed' };
  }
}
