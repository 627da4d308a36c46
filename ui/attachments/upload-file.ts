/**
 * Uploads one file with XMLHttpRequest (fetch cannot report upload progress), and answers with the
 * server's record of it or an error carrying the server's `reason`, for the UI to translate.
 */
import type { AttachmentRef } from '../../signaling/protocol/attachments.js';

export interface UploadRequest {
  /** The upload address, without the name (`…/files`). */
  url: string;
  headers?: Record<string, string>;
}

/** Why an upload failed: the server's reason (`file-too-large`, `file-type-not-allowed`, `rate-limited`…) or `network`. */
export class UploadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UploadError';
  }
}

/** Sends `file`; `onProgress` gets the fraction sent (0 to 1). */
export function uploadFile(request: UploadRequest, file: Blob & { name?: string }, onProgress: (fraction: number) => void): Promise<AttachmentRef> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${request.url}?name=${encodeURIComponent(file.name || 'file')}`);
    for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 201) return resolve(body as AttachmentRef);
      reject(new UploadError((body as { error?: { reason?: string } } | undefined)?.error?.reason ?? 'network'));
    };
    xhr.onerror = () => reject(new UploadError('network'));
    xhr.send(file);
  });
}

/** Files a drop or a paste carries (a pasted screenshot is a file with no name: it gets one). */
export function filesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  return [...data.files].map((f) => (f.name ? f : new File([f], `pasted-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${f.type.split('/')[1] ?? 'bin'}`, { type: f.type })));
}
