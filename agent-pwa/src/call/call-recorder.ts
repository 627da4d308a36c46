/**
 * Records both sides of a call in the agent's browser (what the agent sends, voice replies
 * included, and the caller, mixed)
 * as Opus in WebM, and uploads it when stopped. Used only while the caller allows it; if they
 * withdraw, the recording is thrown away, never uploaded.
 */
export class CallRecorder {
  private readonly context = new AudioContext();
  private readonly recorder: MediaRecorder;
  private readonly chunks: Blob[] = [];
  readonly startedAt = Date.now();

  constructor(sent: MediaStream, remote: MediaStream) {
    // A context made outside a fresh gesture may start suspended, and would record silence.
    void this.context.resume();
    const mix = this.context.createMediaStreamDestination();
    this.context.createMediaStreamSource(sent).connect(mix);
    this.context.createMediaStreamSource(remote).connect(mix);
    this.recorder = new MediaRecorder(mix.stream, { mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: 32_000 });
    this.recorder.ondataavailable = (e) => e.data.size > 0 && this.chunks.push(e.data);
    this.recorder.start(1000);
  }

  /** Stops and uploads to the call's conversation; resolves when the server has stored it. */
  async save(conversationId: string): Promise<void> {
    const audio = await this.stop();
    const durationMs = Math.max(1, Date.now() - this.startedAt);
    const response = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/recordings?durationMs=${durationMs}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'audio/webm' },
      body: audio,
    });
    if (!response.ok) throw new Error(`recording not stored: HTTP ${response.status}`);
  }

  /** Stops without keeping anything (consent withdrawn). */
  discard(): void {
    void this.stop();
  }

  private stop(): Promise<Blob> {
    return new Promise((resolve) => {
      const done = () => {
        void this.context.close().catch(() => {});
        resolve(new Blob(this.chunks, { type: 'audio/webm' }));
      };
      if (this.recorder.state === 'inactive') return done();
      this.recorder.onstop = done;
      this.recorder.stop();
    });
  }
}
