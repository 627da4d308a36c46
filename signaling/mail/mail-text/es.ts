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
  transcriptTitle: 'Transcripción de la conversación',
  transcriptSubject: 'Su conversación con {company}',
  transcriptIntro: 'Aquí tiene la transcripción de su conversación, tal como la pidió.',
  transcriptStarted: 'Inicio: {date}',
  transcriptVisitor: 'Visitante',
  transcriptAgent: 'Agente',
  transcriptFile: 'Archivo: {name} ({size})',
  transcriptLinksExpire: 'Los enlaces a los archivos funcionan durante 7 días.',
  transcriptJoined: '{name} se unió a la conversación.',
  transcriptTransferred: 'La conversación se transfirió a {name}.',
  transcriptEnded: 'La conversación terminó.',
} satisfies MailTranslation;
