/**
 * The files a person is sending: each uploads on its own, shows its progress, and once stored is
 * handed to `sent` (which posts the message carrying it). A failed one waits for Retry or Remove;
 * nothing here ever holds up the messages typed meanwhile.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AttachmentRef } from '../../signaling/protocol/attachments.js';
import { filesOf, UploadError } from './upload-file.js';

export const UploadStatus = { uploading: 'uploading', failed: 'failed' } as const;
export type UploadStatus = (typeof UploadStatus)[keyof typeof UploadStatus];

export interface PendingUpload {
  key: number;
  file: File;
  /** 0 to 1. */
  progress: number;
  status: UploadStatus;
  /** Why it failed: the server's reason or `network`. */
  reason?: string;
}

export type Upload = (file: File, onProgress: (fraction: number) => void) => Promise<AttachmentRef>;

export class UploadsController implements ReactiveController {
  /** What is uploading or failed, in the order it was chosen. */
  value: PendingUpload[] = [];
  private next = 1;
  private connected = true;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly upload: () => Upload | undefined,
    private readonly sent: (file: AttachmentRef) => void,
    /** The site's size limit when known: a larger file fails here, at once, instead of after its whole upload. */
    private readonly maxBytes: () => number | undefined = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
  }

  /** Starts uploading each file. */
  add(files: readonly File[]): void {
    for (const file of files) {
      const item: PendingUpload = { key: this.next++, file, progress: 0, status: UploadStatus.uploading };
      this.value = [...this.value, item];
      void this.run(item);
    }
    this.host.requestUpdate();
  }

  /** The files an `<input type="file">` picked; the input is cleared so that the same file can be picked again. */
  addPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.add([...(input.files ?? [])]);
    input.value = '';
  }

  /** Files pasted or dropped: taken, and the browser's own handling stopped, only when there are any. */
  addCarried(event: ClipboardEvent | DragEvent): void {
    const files = filesOf('clipboardData' in event ? event.clipboardData : event.dataTransfer);
    if (!files.length) return;
    event.preventDefault();
    this.add(files);
  }

  retry(key: number): void {
    const item = this.value.find((u) => u.key === key);
    if (!item || item.status !== UploadStatus.failed) return;
    this.patch(key, { status: UploadStatus.uploading, progress: 0, reason: undefined });
    void this.run(item);
  }

  remove(key: number): void {
    this.value = this.value.filter((u) => u.key !== key);
    this.host.requestUpdate();
  }

  private async run(item: PendingUpload): Promise<void> {
    const limit = this.maxBytes();
    if (limit !== undefined && item.file.size > limit) return this.patch(item.key, { status: UploadStatus.failed, reason: 'file-too-large' });
    const upload = this.upload();
    try {
      if (!upload) throw new UploadError('network');
      const stored = await upload(item.file, (progress) => this.patch(item.key, { progress }));
      this.remove(item.key);
      if (this.connected) this.sent(stored);
    } catch (error) {
      this.patch(item.key, { status: UploadStatus.failed, reason: error instanceof UploadError ? error.reason : 'network' });
    }
  }

  private patch(key: number, change: Partial<PendingUpload>): void {
    this.value = this.value.map((u) => (u.key === key ? { ...u, ...change } : u));
    this.host.requestUpdate();
  }
}
