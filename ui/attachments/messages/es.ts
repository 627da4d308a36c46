/** The words of files in a conversation, in Spanish: spread into the widget's and the agent app's catalogues. */
import type { AttachmentMessageKey } from './en.js';

export default {
  attachFile: 'Adjuntar un archivo',
  attachFileUpTo: 'Adjuntar un archivo (hasta {limit})',
  fileOpen: 'Abrir la imagen {name} ({size})',
  fileDownload: 'Descargar {name} ({size})',
  fileViewer: 'Imagen',
  fileClose: 'Cerrar',
  fileUnavailable: 'Este archivo ya no está disponible.',
  uploading: 'Enviando {name}…',
  uploadFailed: 'No se envió {name}: {reason}.',
  uploadRetry: 'Volver a enviar {name}',
  uploadRemove: 'Quitar {name}',
  uploadTooLarge: 'el archivo es demasiado grande',
  uploadOverLimit: 'supera el límite de {limit}',
  uploadTypeRefused: 'no se aceptan archivos de este tipo',
  uploadRateLimited: 'demasiados archivos a la vez, espere un minuto',
  uploadNetwork: 'falló la conexión',
} satisfies Partial<Record<AttachmentMessageKey, string>>;
