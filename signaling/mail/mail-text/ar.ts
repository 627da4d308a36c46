/** What Switchboard writes to customers on its own, in Arabic (Modern Standard Arabic, as the widget). */
import type { MailTranslation } from './en.js';

export default {
  ackSubjectNew: 'لقد استلمنا رسالتك',
  greetingNamed: 'مرحبًا {name}،',
  greeting: 'مرحبًا،',
  ackThanks: 'شكرًا على رسالتك. لقد وصلت إلى فريقنا، وسنرد عليك بالبريد الإلكتروني.',
  ackReference: 'رقمك المرجعي هو {reference}؛ والرد على هذه الرسالة يُبقي كل شيء في مكان واحد.',
  ackYourMessage: 'رسالتك:',
  ackTimeline: 'أُرسل إشعار الاستلام بالبريد الإلكتروني (المرجع {reference}).',
  offlineSubject: 'رسالة من {name}',
  replySubjectFallback: 'رسالتك',
  transcriptTitle: 'نص المحادثة',
  transcriptSubject: 'محادثتك مع {company}',
  transcriptIntro: 'إليك نص محادثتك كما طلبت.',
  transcriptStarted: 'البداية: {date}',
  transcriptVisitor: 'الزائر',
  transcriptAgent: 'الموظف',
  transcriptFile: 'ملف: {name} ({size})',
  transcriptLinksExpire: 'تعمل روابط الملفات لمدة 7 أيام.',
  transcriptJoined: 'انضم {name} إلى المحادثة.',
  transcriptTransferred: 'حُوّلت المحادثة إلى {name}.',
  transcriptEnded: 'انتهت المحادثة.',
} satisfies MailTranslation;
