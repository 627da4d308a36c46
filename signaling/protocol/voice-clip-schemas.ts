/** The voice replies' REST shapes (validation and the OpenAPI document); the types are in voice-clips.ts. */
import { z } from 'zod';
import { APP_LOCALES } from './locales.js';
import { MAX_VOICE_CLIP_TEXT, VOICE_CLIP_SLOTS, type VoiceClip } from './voice-clips.js';

export const voiceClipSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    /** The language it speaks (and the synthesizer's voice for a text). */
    language: z.enum(APP_LOCALES),
    /** Alt+`slot` plays it during a call; absent: only from the list. */
    slot: z.number().int().min(1).max(VOICE_CLIP_SLOTS).optional(),
    /** `recording`: uploaded audio; `speech`: `text`, spoken by the server. */
    kind: z.enum(['recording', 'speech']),
    /** Speech clips: what is said; may hold `{{customer.first_name}}` and the canned replies' other variables. */
    text: z.string().optional(),
    /** Recordings: the type read from the uploaded bytes. */
    mimeType: z.string().optional(),
    updatedAt: z.number().int(),
  })
  .meta({ id: 'VoiceClip', description: 'A voice reply an agent plays into a browser call.' });
const clipChecked: [z.infer<typeof voiceClipSchema>] extends [VoiceClip] ? ([VoiceClip] extends [z.infer<typeof voiceClipSchema>] ? true : never) : never = true;
void clipChecked;

/** What a form sends; the recording's bytes travel beside it (multipart `audio`), a text inside it. */
export const voiceClipInputSchema = z
  .object({
    title: z.string().trim().min(1).max(80),
    language: z.enum(APP_LOCALES),
    slot: z.coerce.number().int().min(1).max(VOICE_CLIP_SLOTS).optional(),
    text: z.string().trim().min(1).max(MAX_VOICE_CLIP_TEXT).optional(),
  })
  .strict()
  .meta({ id: 'VoiceClipInput', description: 'A clip’s title, language and shortcut slot, and for a spoken clip its text.' });
export type VoiceClipInput = z.infer<typeof voiceClipInputSchema>;

