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
} satisfies MailTranslation;
