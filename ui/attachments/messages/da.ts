/** The words of files in a conversation, in Danish: spread into the widget's and the agent app's catalogues. */
import type { AttachmentMessageKey } from './en.js';

export default {
  attachFile: 'Vedhæft en fil',
  attachFileUpTo: 'Vedhæft en fil (op til {limit})',
  fileOpen: 'Åbn billedet {name} ({size})',
  fileDownload: 'Hent {name} ({size})',
  fileViewer: 'Billede',
  fileClose: 'Luk',
  fileUnavailable: 'Filen findes ikke længere.',
  uploading: 'Sender {name} …',
  uploadFailed: '{name} blev ikke sendt: {reason}.',
  uploadRetry: 'Send {name} igen',
  uploadRemove: 'Fjern {name}',
  uploadTooLarge: 'filen er for stor',
  uploadOverLimit: 'den er større end grænsen på {limit}',
  uploadTypeRefused: 'denne filtype modtages ikke',
  uploadRateLimited: 'for mange filer på én gang, vent et minut',
  uploadNetwork: 'forbindelsen svigtede',
} satisfies Partial<Record<AttachmentMessageKey, string>>;
