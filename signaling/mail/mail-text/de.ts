/** What Switchboard writes to customers on its own, in German ("Sie", as the widget). */
import type { MailTranslation } from './en.js';

export default {
  ackSubjectNew: 'Wir haben Ihre Nachricht erhalten',
  greetingNamed: 'Hallo {name},',
  greeting: 'Guten Tag,',
  ackThanks: 'vielen Dank für Ihre Nachricht. Sie ist bei unserem Team angekommen, und wir antworten Ihnen per E-Mail.',
  ackReference: 'Ihre Referenz lautet {reference}; wenn Sie auf diese E-Mail antworten, bleibt alles an einem Ort.',
  ackYourMessage: 'Ihre Nachricht:',
  ackTimeline: 'Eingangsbestätigung per E-Mail gesendet (Referenz {reference}).',
  offlineSubject: 'Nachricht von {name}',
  replySubjectFallback: 'Ihre Nachricht',
} satisfies MailTranslation;
