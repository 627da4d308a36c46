/**
 * The words of files in a conversation (attaching, uploading, opening), the same in the widget and
 * the agent app: both catalogues spread these in, so a translation is written once.
 */
export const attachmentMessages = {
  attachFile: 'Attach a file',
  attachFileUpTo: 'Attach a file (up to {limit})',
  fileOpen: 'Open picture {name} ({size})',
  fileDownload: 'Download {name} ({size})',
  fileViewer: 'Picture',
  fileClose: 'Close',
  fileUnavailable: 'This file is no longer available.',
  uploading: 'Sending {name}…',
  uploadFailed: '{name} was not sent: {reason}.',
  uploadRetry: 'Try sending {name} again',
  uploadRemove: 'Remove {name}',
  uploadTooLarge: 'the file is too large',
  uploadOverLimit: 'it is larger than the {limit} limit',
  uploadTypeRefused: 'this kind of file is not accepted',
  uploadRateLimited: 'too many files at once, wait a minute',
  uploadNetwork: 'the connection failed',
} as const;

export type AttachmentMessageKey = keyof typeof attachmentMessages;
