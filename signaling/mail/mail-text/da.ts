/** What Switchboard writes to customers on its own, in Danish ("du", as the widget). */
import type { MailTranslation } from './en.js';

export default {
  ackSubjectNew: 'Vi har modtaget din besked',
  greetingNamed: 'Hej {name}',
  greeting: 'Hej',
  ackThanks: 'Tak for din besked. Den er nået frem til vores team, og vi svarer dig pr. e-mail.',
  ackReference: 'Dit referencenummer er {reference}. Svarer du på denne e-mail, samles det hele ét sted.',
  ackYourMessage: 'Din besked:',
  ackTimeline: 'Kvittering sendt pr. e-mail (reference {reference}).',
  offlineSubject: 'Besked fra {name}',
  replySubjectFallback: 'Din besked',
  transcriptTitle: 'Udskrift af samtalen',
  transcriptSubject: 'Din samtale med {company}',
  transcriptIntro: 'Her er udskriften af din samtale, som du bad om.',
  transcriptStarted: 'Startet: {date}',
  transcriptVisitor: 'Besøgende',
  transcriptAgent: 'Medarbejder',
  transcriptFile: 'Fil: {name} ({size})',
  transcriptLinksExpire: 'Links til filer virker i 7 dage.',
  transcriptJoined: '{name} deltager nu i samtalen.',
  transcriptTransferred: 'Samtalen blev overført til {name}.',
  transcriptEnded: 'Samtalen er afsluttet.',
} satisfies MailTranslation;
