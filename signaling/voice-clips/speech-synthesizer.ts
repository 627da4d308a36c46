/**
 * Text to speech for voice clips, with eSpeak NG. Its WebAssembly build (npm `espeak-ng`) is
 * GPL-3.0, so it runs as a separate program (espeak-wav.mjs, a child process given a voice and
 * the text) and never in this process. Chosen over Debian's espeak-ng package because npm
 * installs it wherever the server is installed (no system package, same voices everywhere).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AppLocale } from '../protocol/locales.js';
import { AppError } from '../kernel/app-error.js';

/** eSpeak NG's voice for each app language (Chinese: Mandarin). */
const VOICES: Record<AppLocale, string> = { en: 'en', es: 'es', fr: 'fr', de: 'de', da: 'da', zh: 'cmn', ar: 'ar' };

/** Beside this module in the sources, beside the bundle once built (.scripts/build-server.mjs copies it). */
const PROGRAM = fileURLToPath(new URL('./espeak-wav.mjs', import.meta.url));

export interface SpeechSynthesizerOptions {
  /** Longest one synthesis may take before it is given up. */
  timeoutMs?: number;
  /** How many run at once (each is a Node process with an 18 MB WebAssembly module). */
  concurrency?: number;
  /** How many may wait for a turn; more are refused (`rate-limited`) rather than queued without end. */
  maxWaiting?: number;
}

/** Speaks texts into WAV audio (16-bit mono, 22 050 Hz). */
export class SpeechSynthesizer {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly maxWaiting: number;

  constructor(options: SpeechSynthesizerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.concurrency = options.concurrency ?? 2;
    this.maxWaiting = options.maxWaiting ?? 16;
  }

  /** @throws AppError `internal` when the synthesizer fails or takes too long, `rate-limited` when too many wait. */
  async speak(text: string, language: AppLocale): Promise<Uint8Array> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new AppError('rate-limited', 'too many clips are being spoken; try again in a moment');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    try {
      return await this.run(text, VOICES[language]);
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private run(text: string, voice: string): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [PROGRAM, voice], { stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      let err = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), this.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new AppError('internal', `speech synthesis could not start: ${error.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const wav = Buffer.concat(out);
        if (code === 0 && wav.byteLength > 44) resolve(new Uint8Array(wav));
        else reject(new AppError('internal', `speech synthesis failed (${signal ?? code}): ${err.trim().slice(0, 200)}`));
      });
      child.stdin.end(text, 'utf8');
    });
  }
}
