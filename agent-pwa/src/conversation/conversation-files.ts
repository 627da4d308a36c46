/** Files in the agent app: uploads to /api/files, signed links to show them, and their words for the shared views. */
import { html, nothing } from 'lit';
import type { AttachmentRef, FileLink } from '../../../signaling/protocol/attachments.js';
import '../../../ui/attachments/sb-attachments.js';
import type { AttachmentLabel } from '../../../ui/attachments/sb-attachments.js';
import { uploadFile } from '../../../ui/attachments/upload-file.js';
import type { TrayLabel } from '../../../ui/attachments/upload-tray.js';
import { appLocale, t, type MessageKey } from '../i18n/en.js';

/** Uploads one file (the session cookie goes along: same origin). */
export const uploadAgentFile = (file: File, onProgress: (fraction: number) => void): Promise<AttachmentRef> => uploadFile({ url: '/api/files' }, file, onProgress);

/** A fresh signed link to a file the agent may see. */
export async function agentFileLink(fileId: string): Promise<string> {
  const response = await fetch(`/api/files/${encodeURIComponent(fileId)}/link`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`link ${response.status}`);
  return new URL(((await response.json()) as FileLink).url, location.origin).href;
}

const FILE_LABELS: Record<AttachmentLabel, MessageKey> = { open: 'fileOpen', download: 'fileDownload', close: 'fileClose', viewer: 'fileViewer', unavailable: 'fileUnavailable' };
const TRAY_LABELS: Record<TrayLabel, MessageKey> = { uploading: 'uploading', failed: 'uploadFailed', retry: 'uploadRetry', remove: 'uploadRemove' };
const UPLOAD_REASONS: Record<string, MessageKey> = { 'file-too-large': 'uploadTooLarge', 'file-type-not-allowed': 'uploadTypeRefused', 'rate-limited': 'uploadRateLimited' };

export const trayLabel = (key: TrayLabel, params: Record<string, string>) => t(TRAY_LABELS[key], params);
export const uploadReason = (reason: string) => t(UPLOAD_REASONS[reason] ?? 'uploadNetwork');

/** A message's files, as thumbnails and download buttons. */
export function renderMessageFiles(files: readonly AttachmentRef[] | undefined) {
  if (!files?.length) return nothing;
  return html`<sb-attachments .files=${files} .linkFor=${agentFileLink} .label=${(key: AttachmentLabel, params?: Record<string, string>) => t(FILE_LABELS[key], params)} .locale=${appLocale()}></sb-attachments>`;
}
