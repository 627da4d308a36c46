/** Call recordings: stored only from the call's agent with the caller's latest consent, played only to staff. */
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import { partyOf, type Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';

export class RecordingService {
  constructor(
    private readonly store: Store,
    private readonly parties: ConversationParties,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Stores a call's recording from its agent. @throws AppError `forbidden` unless the visitor's
   * latest word was consent, `not-found` for anyone but the call's agent.
   */
  async add(actor: Actor, conversationId: string, recording: { mimeType: string; durationMs: number; audio: Uint8Array }): Promise<string> {
    if (actor.kind !== 'agent') throw new AppError('forbidden', 'only agents record calls');
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    if (conversation.agentId !== actor.agent.id) throw new AppError('not-found', 'no such call of yours');
    // Consent as the timeline last recorded it: it outlives the call, and a withdrawal wins.
    const consent = (await this.store.conversations.eventsAfter(conversationId, 0)).findLast((e) => e.type === 'recording-consent');
    // A chat had a call only if an agent called the visitor's browser, and then consent was asked there.
    if (conversation.channel !== 'voice' && !consent) throw new AppError('not-found', 'no such call of yours');
    if (consent?.type !== 'recording-consent' || !consent.given) throw new AppError('forbidden', 'the caller has not allowed recording');
    const id = randomUUID();
    const now = this.clock();
    const event = await this.store.transaction(async (tx) => {
      await tx.recordings.add({ id, conversationId, agentId: actor.agent.id, mimeType: recording.mimeType, durationMs: recording.durationMs, createdAt: now }, recording.audio);
      return tx.conversations.appendEvent(conversationId, { type: 'recording', recordingId: id, durationMs: recording.durationMs, by: partyOf(actor) }, now);
    });
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
    return id;
  }

  /** A recording's audio, for staff who may read the conversation. */
  async find(actor: Actor, conversationId: string, recordingId: string) {
    if (actor.kind !== 'agent') throw new AppError('not-found', 'no such recording');
    await this.parties.authorize(actor, conversationId, 'read');
    const found = await this.store.recordings.find(conversationId, recordingId);
    if (!found) throw new AppError('not-found', 'no such recording');
    return found;
  }
}
