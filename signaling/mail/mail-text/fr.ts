/** What Switchboard writes to customers on its own, in French ("vous", as the widget). */
import type { MailTranslation } from './en.js';

export default {
  ackSubjectNew: 'Nous avons bien reçu votre message',
  greetingNamed: 'Bonjour {name},',
  greeting: 'Bonjour,',
  ackThanks: 'Merci pour votre message. Il a bien été transmis à notre équipe, qui vous répondra par e-mail.',
  ackReference: 'Votre référence est {reference}\u202f; en répondant à cet e-mail, tout reste au même endroit.',
  ackYourMessage: 'Votre message\u00a0:',
  ackTimeline: 'Accusé de réception envoyé par e-mail (référence {reference}).',
  offlineSubject: 'Message de {name}',
  replySubjectFallback: 'Votre message',
  transcriptTitle: 'Transcription de la conversation',
  transcriptSubject: 'Votre conversation avec {company}',
  transcriptIntro: 'Voici la transcription de votre conversation, comme vous l’avez demandée.',
  transcriptStarted: 'Début : {date}',
  transcriptVisitor: 'Visiteur',
  transcriptAgent: 'Conseiller',
  transcriptFile: 'Fichier : {name} ({size})',
  transcriptLinksExpire: 'Les liens vers les fichiers fonctionnent pendant 7 jours.',
  transcriptJoined: '{name} a rejoint la conversation.',
  transcriptTransferred: 'La conversation a été transférée à {name}.',
  transcriptEnded: 'La conversation est terminée.',
} satisfies MailTranslation;
