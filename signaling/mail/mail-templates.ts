/**
 * Every text Switchboard writes into a mail on its own, in the conversation's language (English when
 * it has none or there is no translation): the catalogues are in mail-text/, one file per language.
 */
import { pickLocale, type AppLocale } from '../protocol/locales.js';
import { en, type MailTextKey, type MailTranslation } from './mail-text/en.js';
import { assertNever } from '../protocol/assert-never.js';
import type { LeftOutReason } from './mail-files.js';
import ar from './mail-text/ar.js';
import da from './mail-text/da.js';
import de from './mail-text/de.js';
import es from './mail-text/es.js';
import fr from './mail-text/fr.js';
import zh from './mail-text/zh.js';

const translations: Record<AppLocale, MailTranslation> = { en, es, fr, de, da, zh, ar };

/** The mail texts for a conversation's language tag (`es-MX` → Spanish). */
export function mailTextFor(language: string | undefined) {
  const catalogue = translations[pickLocale([language])];
  const say = (key: MailTextKey, params: Record<string, string> = {}) =>
    (catalogue[key] ?? en[key]).replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
  return {
    /** Any text of the catalogue, with its placeholders filled. */
    say,
    // "Re:" stays as RFC 5322 writes it, whatever the language: mail clients thread on it.
    ackSubject: (subject: string, reference: string) => `${subject ? `Re: ${subject}` : say('ackSubjectNew')} [#${reference}]`,
    ackBody: (p: { name?: string; reference: string; message: string; company: string }) =>
      [
        p.name ? say('greetingNamed', { name: p.name }) : say('greeting'),
        '',
        say('ackThanks'),
        say('ackReference', { reference: p.reference }),
        '',
        say('ackYourMessage'),
        ...p.message.split('\n').map((line) => `> ${line}`),
        '',
        `${p.company}`,
      ].join('\n'),
    /** The timeline's record of the acknowledgement, for the agent. */
    ackTimeline: (reference: string) => say('ackTimeline', { reference }),
    offlineSubject: (name: string) => say('offlineSubject', { name }),
    replySubject: (subject: string, reference: string) => `Re: ${subject.replace(/^(re:\s*)+/i, '').replace(/\s*\[#[A-Z0-9]{8}\]$/, '') || say('replySubjectFallback')} [#${reference}]`,
    replyBody: (p: { text: string; agentName: string; company: string }) => `${p.text}\n\n${p.agentName}\n${p.company}`,
    /** A shared file as a mail lists it: its name and size in kB. */
    file: (f: { name: string; size: number }) => say('transcriptFile', { name: f.name, size: `${Math.max(1, Math.round(f.size / 1000))} kB` }),
    /** The line the agent sees for a file of a customer's mail that was not kept, and why. */
    fileLeftOut: (name: string, reason: LeftOutReason, limits: { maxBytes: number; maxFiles: number }) => say('fileLeftOut', { name, why: leftOutWhy(say, reason, limits) }),
  };
}

function leftOutWhy(say: (key: MailTextKey, params?: Record<string, string>) => string, reason: LeftOutReason, limits: { maxBytes: number; maxFiles: number }): string {
  switch (reason) {
    case 'type':
      return say('fileLeftOutType');
    case 'size':
      return say('fileLeftOutSize', { limit: `${Math.round((limits.maxBytes / 1024 / 1024) * 10) / 10} MB` });
    case 'count':
      return say('fileLeftOutCount', { max: String(limits.maxFiles) });
    case 'unreadable':
      return say('fileLeftOutUnreadable');
    default:
      return assertNever(reason);
  }
}

/** The English texts, for mails that come from outside with no language to go by. */
export const mailText = mailTextFor(undefined);
