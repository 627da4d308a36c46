/** The widget's file and transcript requests, with the visitor's token: uploads, signed links, transcripts. */
import type { AttachmentRef, FileLink } from '../../signaling/protocol/attachments.js';
import { uploadFile } from '../../ui/attachments/upload-file.js';

export class FileTransfer {
  constructor(
    private readonly serverUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  async upload(file: File, onProgress: (fraction: number) => void): Promise<AttachmentRef> {
    return uploadFile({ url: `${this.serverUrl}/api/visitors/files`, headers: { Authorization: `Bearer ${await this.token()}` } }, file, onProgress);
  }

  /** A fresh signed link to a file of the visitor's conversation, as an absolute URL. */
  async link(fileId: string): Promise<string> {
    const response = await fetch(`${this.serverUrl}/api/visitors/files/${encodeURIComponent(fileId)}/link`, { headers: { Authorization: `Bearer ${await this.token()}` } });
    if (!response.ok) throw new Error(`link ${response.status}`);
    return `${this.serverUrl}${((await response.json()) as FileLink).url}`;
  }

  /** Saves the conversation's transcript as a text file on this device. */
  async downloadTranscript(conversationId: string): Promise<void> {
    const response = await fetch(`${this.serverUrl}/api/visitors/conversations/${encodeURIComponent(conversationId)}/transcript?format=text`, { headers: { Authorization: `Bearer ${await this.token()}` } });
    if (!response.ok) throw new Error(`transcript ${response.status}`);
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'transcript.txt';
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** Asks the server to mail the transcript to `email`; resolves with the refusal's reason, or undefined once queued. */
  async mailTranscript(conversationId: string, email: string): Promise<string | undefined> {
    const response = await fetch(`${this.serverUrl}/api/visitors/conversations/${encodeURIComponent(conversationId)}/transcript/email`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await this.token()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    if (response.status === 202) return undefined;
    return ((await response.json().catch(() => ({}))) as { error?: { reason?: string } }).error?.reason ?? 'internal';
  }
}
