/** What Switchboard writes to customers on its own, in Simplified Chinese (polite 您, as the widget). */
import type { MailTranslation } from './en.js';

export default {
  ackSubjectNew: '我们已收到您的留言',
  greetingNamed: '{name}，您好：',
  greeting: '您好：',
  ackThanks: '感谢您的来信。您的留言已转交我们的团队，我们将通过电子邮件回复您。',
  ackReference: '您的参考编号为 {reference}；直接回复此邮件，所有往来将保存在同一处。',
  ackYourMessage: '您的留言：',
  ackTimeline: '已通过电子邮件发送回执（参考编号 {reference}）。',
  offlineSubject: '来自 {name} 的留言',
  replySubjectFallback: '您的留言',
  transcriptTitle: '对话记录',
  transcriptSubject: '您与{company}的对话',
  transcriptIntro: '这是您要求的对话记录。',
  transcriptStarted: '开始时间：{date}',
  transcriptVisitor: '访客',
  transcriptAgent: '客服',
  transcriptFile: '文件：{name}（{size}）',
  transcriptLinksExpire: '文件链接在 7 天内有效。',
  transcriptJoined: '{name} 加入了对话。',
  transcriptTransferred: '对话已转给 {name}。',
  transcriptEnded: '对话已结束。',
} satisfies MailTranslation;
