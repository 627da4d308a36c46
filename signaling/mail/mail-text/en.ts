/**
 * Every text Switchboard writes into a customer's mail or a conversation's timeline on its own, in
 * English: the source the translations beside it (es.ts, fr.ts…) are typed against. `{name}` placeholders.
 */
export const en = {
  ackSubjectNew: 'We received your message',
  greetingNamed: 'Hello {name},',
  greeting: 'Hello,',
  ackThanks: 'Thank you for your message. It has reached our team, and we will answer you by e-mail.',
  ackReference: 'Your reference is {reference}; replying to this mail keeps everything in one place.',
  ackYourMessage: 'Your message:',
  ackTimeline: 'Acknowledgement sent by e-mail (reference {reference}).',
  offlineSubject: 'Message from {name}',
  replySubjectFallback: 'Your message',
  transcriptTitle: 'Conversation transcript',
  transcriptSubject: 'Your conversation with {company}',
  transcriptIntro: 'Here is the transcript of your conversation, as you asked.',
  transcriptStarted: 'Started: {date}',
  transcriptVisitor: 'Visitor',
  transcriptAgent: 'Agent',
  transcriptFile: 'File: {name} ({size})',
  transcriptLinksExpire: 'Links to files work for 7 days.',
  transcriptJoined: '{name} joined the conversation.',
  transcriptTransferred: 'The conversation was transferred to {name}.',
  transcriptEnded: 'The conversation ended.',
  replyFilesAsLinks: 'These files are too large to send with this mail; download them here:',
  fileLeftOut: 'File from the mail not kept: {name} ({why}).',
  fileLeftOutType: 'not an accepted kind of file',
  fileLeftOutSize: 'larger than {limit}',
  fileLeftOutCount: 'more than {max} files in one mail',
  fileLeftOutUnreadable: 'empty or unreadable',
} as const;

export type MailTextKey = keyof typeof en;
/** One language's mail texts: every key of the English ones (a missing key is written in English and fails test/i18n). */
export type MailTranslation = Partial<Record<MailTextKey, string>>;
