/**
 * Voice replies (issue 22, "Semi-automated voice responder"): short clips an agent plays into a
 * browser call with one press. A clip is either a recording someone uploaded or a text the server
 * speaks in the clip's language. Shared by the server's routes and the agent app.
 */
import type { AppLocale } from './locales.js';

/** The largest uploaded recording, in bytes: a clip is a sentence or two, not a message on hold. */
export const MAX_VOICE_CLIP_BYTES = 2 * 1024 * 1024;
/** Longest text the server speaks for one clip. */
export const MAX_VOICE_CLIP_TEXT = 600;
/** Shortcut slots: Alt+1 to Alt+9 during a call. */
export const VOICE_CLIP_SLOTS = 9;
/** What an uploaded recording may be, read from its bytes (never from its name or claimed type). */
export const VOICE_CLIP_TYPES = ['audio/webm', 'audio/ogg', 'audio/wav'] as const;

/** A voice reply as the server lists it. */
export interface VoiceClip {
  id: string;
  title: string;
  /** The language it speaks (and the synthesizer's voice for a text). */
  language: AppLocale;
  /** Alt+`slot` plays it during a call; absent: only from the list. */
  slot?: number;
  /** `recording`: uploaded audio; `speech`: `text`, spoken by the server. */
  kind: 'recording' | 'speech';
  /** Speech clips: what is said; may hold `{{customer.first_name}}` and the canned replies' other variables. */
  text?: string;
  /** Recordings: the type read from the uploaded bytes. */
  mimeType?: string;
  updatedAt: number;
}

/** Whether a text names variables, so that each conversation hears its own words (and no cached audio fits all). */
export const hasVariables = (text: string): boolean => /\{\{[^}]*\}\}/.test(text);
