/**
 * Every text Switchboard writes into a mail on its own, in the conversation's language (English when
 * it has none or there is no translation): the catalogues are in mail-text/, one file per language.
 */
import { pickLocale, type AppLocale } from '../protocol/locales.js';
import { en, type MailTextKey, type MailTranslation } from './mail-text/en.js';
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
  };
}

/** The English texts, for mails that come from outside with no language to go by. */
export const mailText = mailTextFor(undefined);
