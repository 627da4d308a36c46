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
  transcriptTitle: 'Gesprächsverlauf',
  transcriptSubject: 'Ihr Gespräch mit {company}',
  transcriptIntro: 'Hier ist der Verlauf Ihres Gesprächs, wie gewünscht.',
  transcriptStarted: 'Beginn: {date}',
  transcriptVisitor: 'Besucher',
  transcriptAgent: 'Mitarbeiter',
  transcriptFile: 'Datei: {name} ({size})',
  transcriptLinksExpire: 'Die Links zu den Dateien sind 7 Tage lang gültig.',
  transcriptJoined: '{name} ist dem Gespräch beigetreten.',
  transcriptTransferred: 'Das Gespräch wurde an {name} übergeben.',
  transcriptEnded: 'Das Gespräch wurde beendet.',
} satisfies MailTranslation;
