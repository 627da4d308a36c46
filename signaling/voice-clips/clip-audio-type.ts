/**
 * What an uploaded voice clip really is, read from its bytes with file-type (never from its name
 * or the type the browser claimed): Opus in WebM or Ogg, or WAV. Anything else is refused.
 */
import { fileTypeFromBuffer } from 'file-type';
import { MAX_VOICE_CLIP_BYTES } from '../protocol/voice-clips.js';
import { AppError } from '../kernel/app-error.js';

/** file-type's names for what we accept, and the type we store and serve each as. */
const ACCEPTED: Record<string, string> = {
  // WebM's magic names no codec, and an audio-only WebM (MediaRecorder's) reads as video/webm.
  'video/webm': 'audio/webm',
  'audio/webm': 'audio/webm',
  'audio/ogg; codecs=opus': 'audio/ogg',
  'audio/wav': 'audio/wav',
};

/**
 * The type to store an upload as.
 * @throws AppError `invalid-input` (400) for an empty or too large file, or one that is not Opus/WebM, Opus/Ogg or WAV.
 */
export async function clipAudioType(bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength === 0) throw new AppError('invalid-input', 'the recording is empty', [{ path: 'audio', message: 'empty' }]);
  if (bytes.byteLength > MAX_VOICE_CLIP_BYTES) throw new AppError('invalid-input', `a voice clip may have at most ${MAX_VOICE_CLIP_BYTES} bytes (2 MB)`, [{ path: 'audio', message: 'too-large' }]);
  const found = await fileTypeFromBuffer(bytes);
  const type = found && ACCEPTED[found.mime];
  if (!type) throw new AppError('invalid-input', `a voice clip must be Opus (WebM or Ogg) or WAV audio; this file is ${found?.mime ?? 'of no type we know'} (read from its content)`, [{ path: 'audio', message: 'type' }]);
  return type;
}
