/** The words of files in a conversation, in French: spread into the widget's and the agent app's catalogues. */
import type { AttachmentMessageKey } from './en.js';

export default {
  attachFile: 'Joindre un fichier',
  attachFileUpTo: 'Joindre un fichier (jusqu’à {limit})',
  fileOpen: 'Ouvrir l’image {name} ({size})',
  fileDownload: 'Télécharger {name} ({size})',
  fileViewer: 'Image',
  fileClose: 'Fermer',
  fileUnavailable: 'Ce fichier n’est plus disponible.',
  uploading: 'Envoi de {name}…',
  uploadFailed: '{name} n’a pas été envoyé : {reason}.',
  uploadRetry: 'Renvoyer {name}',
  uploadRemove: 'Retirer {name}',
  uploadTooLarge: 'le fichier est trop volumineux',
  uploadOverLimit: 'il dépasse la limite de {limit}',
  uploadTypeRefused: 'ce type de fichier n’est pas accepté',
  uploadRateLimited: 'trop de fichiers à la fois, patientez une minute',
  uploadNetwork: 'la connexion a échoué',
} satisfies Partial<Record<AttachmentMessageKey, string>>;
