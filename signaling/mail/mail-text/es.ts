/** What Switchboard writes to customers on its own, in Spanish ("usted", as the widget). */
import type { MailTranslation } from './en.js';

export default {
  ackSubjectNew: 'Hemos recibido su mensaje',
  greetingNamed: 'Hola, {name}:',
  greeting: 'Hola:',
  ackThanks: 'Gracias por su mensaje. Ya lo tiene nuestro equipo y le responderemos por correo electrónico.',
  ackReference: 'Su referencia es {reference}; si responde a este correo, todo quedará en el mismo hilo.',
  ackYourMessage: 'Su mensaje:',
  ackTimeline: 'Acuse de recibo enviado por correo (referencia {reference}).',
  offlineSubject: 'Mensaje de {name}',
  replySubjectFallback: 'Su mensaje',
} satisfies MailTranslation;
