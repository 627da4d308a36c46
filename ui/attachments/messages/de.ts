/** The words of files in a conversation, in German: spread into the widget's and the agent app's catalogues. */
import type { AttachmentMessageKey } from './en.js';

export default {
  attachFile: 'Datei anhängen',
  attachFileUpTo: 'Datei anhängen (bis {limit})',
  fileOpen: 'Bild {name} öffnen ({size})',
  fileDownload: '{name} herunterladen ({size})',
  fileViewer: 'Bild',
  fileClose: 'Schließen',
  fileUnavailable: 'Diese Datei ist nicht mehr verfügbar.',
  uploading: '{name} wird gesendet …',
  uploadFailed: '{name} wurde nicht gesendet: {reason}.',
  uploadRetry: '{name} erneut senden',
  uploadRemove: '{name} entfernen',
  uploadTooLarge: 'die Datei ist zu groß',
  uploadOverLimit: 'sie ist größer als die erlaubten {limit}',
  uploadTypeRefused: 'diese Art von Datei wird nicht angenommen',
  uploadRateLimited: 'zu viele Dateien auf einmal, bitte eine Minute warten',
  uploadNetwork: 'die Verbindung ist fehlgeschlagen',
} satisfies Partial<Record<AttachmentMessageKey, string>>;
