/**
 * Voice replies (issue 22): supervisors and admins keep the team's clips, every agent lists them,
 * and during a call the agent's app fetches a clip's audio for the conversation (a spoken clip's
 * variables filled in for this customer) and records in the timeline which clip it played.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../kernel/actor.js';
import { partyOf } from '../kernel/actor.js';
import { AppError } from '../kernel/app-error.js';
import type { ConversationParties } from '../conversations/conversation-parties.js';
import { fillReply } from '../protocol/canned-replies.js';
import type { VoiceClipInput } from '../protocol/voice-clip-schemas.js';
import { hasVariables, type VoiceClip } from '../protocol/voice-clips.js';
import type { Store } from '../store/store.js';
import { clipAudioType } from './clip-audio-type.js';
import type { SpeechSynthesizer } from './speech-synthesizer.js';

type StaffActor = Actor & { kind: 'agent' };

/** Spoken clips without variables sound the same in every call: kept, at most this many. */
const CACHED_SPEECH = 64;

export class VoiceClipService {
  private readonly spoken = new Map<string, Uint8Array>();

  constructor(
    private readonly store: Store,
    private readonly parties: ConversationParties,
    private readonly synthesizer: Pick<SpeechSynthesizer, 'speak'>,
    private readonly clock: () => number = Date.now,
  ) {}

  async list(): Promise<VoiceClip[]> {
    return this.store.voiceClips.list();
  }

  /**
   * Adds a clip (supervisors, admins): a text to speak, or an uploaded recording, not both.
   * @throws AppError `forbidden` for agents; `invalid-input` for a taken slot, a missing or doubled source, or an upload refused (type, size).
   */
  async create(actor: StaffActor, input: VoiceClipInput, upload: Uint8Array | undefined): Promise<VoiceClip> {
    this.mustManage(actor);
    const source = await this.source(input, upload);
    if (!source) throw new AppError('invalid-input', 'give a text to speak or a recording to upload', [{ path: 'text', message: 'required' }]);
    await this.slotFree(input.slot);
    const clip = this.clip(randomUUID(), input, source);
    await this.store.voiceClips.insert(clip, source.kind === 'recording' ? source.audio : undefined);
    return clip;
  }

  /**
   * Changes a clip (supervisors, admins). A new text makes it spoken, a new upload a recording;
   * neither keeps a recording's audio (a spoken clip needs its text again).
   */
  async update(actor: StaffActor, id: string, input: VoiceClipInput, upload: Uint8Array | undefined): Promise<VoiceClip> {
    this.mustManage(actor);
    const earlier = await this.store.voiceClips.findById(id);
    if (!earlier) throw new AppError('not-found', 'no such voice clip');
    const source = (await this.source(input, upload)) ?? (earlier.kind === 'recording' ? { kind: 'recording' as const, mimeType: earlier.mimeType! } : undefined);
    if (!source) throw new AppError('invalid-input', 'a spoken clip needs its text', [{ path: 'text', message: 'required' }]);
    await this.slotFree(input.slot, id);
    const clip = this.clip(id, input, source);
    await this.store.voiceClips.update(clip, source.kind === 'speech' ? null : 'audio' in source ? source.audio : undefined);
    return clip;
  }

  async remove(actor: StaffActor, id: string): Promise<void> {
    this.mustManage(actor);
    if (!(await this.store.voiceClips.remove(id))) throw new AppError('not-found', 'no such voice clip');
  }

  /**
   * A clip's audio as played in this conversation, for its parties and supervisors (as they may
   * read it). A spoken clip with variables is spoken anew for this customer; others are cached.
   */
  async audioFor(actor: StaffActor, conversationId: string, clipId: string): Promise<{ audio: Uint8Array; mimeType: string }> {
    await this.parties.authorize(actor, conversationId, 'read');
    const clip = await this.store.voiceClips.findById(clipId);
    if (!clip) throw new AppError('not-found', 'no such voice clip');
    if (clip.kind === 'recording') {
      const audio = await this.store.voiceClips.audio(clipId);
      if (!audio) throw new AppError('not-found', 'the clip has no audio');
      return { audio, mimeType: clip.mimeType ?? 'application/octet-stream' };
    }
    const text = clip.text ?? '';
    if (hasVariables(text)) return { audio: await this.synthesizer.speak(await this.filled(actor, conversationId, text), clip.language), mimeType: 'audio/wav' };
    const key = `${clip.id}:${clip.updatedAt}`;
    let audio = this.spoken.get(key);
    if (!audio) {
      audio = await this.synthesizer.speak(text, clip.language);
      if (this.spoken.size >= CACHED_SPEECH) this.spoken.delete(this.spoken.keys().next().value!);
      this.spoken.set(key, audio);
    }
    return { audio, mimeType: 'audio/wav' };
  }

  /** Writes in the call's timeline that this clip played (the call's agent, or a supervisor who joined it). */
  async recordPlay(actor: StaffActor, conversationId: string, clipId: string): Promise<void> {
    const conversation = await this.parties.authorize(actor, conversationId, 'write');
    if (conversation.channel !== 'voice') throw new AppError('invalid-input', 'voice replies play only in calls');
    if (conversation.status === 'ended') throw new AppError('conversation-ended', 'the call has ended');
    const clip = await this.store.voiceClips.findById(clipId);
    if (!clip) throw new AppError('not-found', 'no such voice clip');
    const event = await this.store.conversations.appendEvent(conversationId, { type: 'voice-clip', clipId, title: clip.title, by: partyOf(actor) }, this.clock());
    await this.parties.publish(conversation, { type: 'events', conversationId, events: [event] });
  }

  private async filled(actor: StaffActor, conversationId: string, text: string): Promise<string> {
    const summary = await this.store.conversations.summary(conversationId);
    return fillReply(text, { customer: { ...(summary?.visitor.name ? { name: summary.visitor.name } : {}), ...(summary?.visitor.email ? { email: summary.visitor.email } : {}) }, agent: { name: actor.agent.name } });
  }

  private async source(input: VoiceClipInput, upload: Uint8Array | undefined) {
    if (input.text !== undefined && upload !== undefined) throw new AppError('invalid-input', 'a clip is either a text to speak or a recording, not both', [{ path: 'audio', message: 'both' }]);
    if (upload !== undefined) return { kind: 'recording' as const, mimeType: await clipAudioType(upload), audio: upload };
    if (input.text !== undefined) return { kind: 'speech' as const, text: input.text };
    return undefined;
  }

  private clip(id: string, input: VoiceClipInput, source: { kind: 'speech'; text: string } | { kind: 'recording'; mimeType: string }): VoiceClip {
    return {
      id,
      title: input.title,
      language: input.language,
      ...(input.slot !== undefined ? { slot: input.slot } : {}),
      ...(source.kind === 'speech' ? { kind: 'speech', text: source.text } : { kind: 'recording', mimeType: source.mimeType }),
      updatedAt: this.clock(),
    };
  }

  private async slotFree(slot: number | undefined, exceptId?: string): Promise<void> {
    if (slot === undefined) return;
    const holder = await this.store.voiceClips.inSlot(slot, exceptId);
    if (holder) throw new AppError('invalid-input', `Alt+${slot} already plays “${holder.title}”`, [{ path: 'slot', message: 'taken' }]);
  }

  private mustManage(actor: StaffActor): void {
    if (actor.agent.role === 'agent') throw new AppError('forbidden', 'only supervisors and admins change the team’s voice replies');
  }
}
