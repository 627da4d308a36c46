/** Where the visitor is, as the agent's screen pop and a new conversation need it: the page, the referrer, language and clock. */
import { visitorLocale } from '../i18n/widget-language.js';

/** This page, cut to what the server accepts. */
function currentPage(): { url: string; title: string } {
  return { url: location.href.slice(0, 2048), title: document.title.slice(0, 512) };
}

/** The visitor.context notification: this page, where they came from (another site only), their language and time zone. */
export function visitorContextFrame() {
  const referrer = document.referrer && new URL(document.referrer).origin !== location.origin ? document.referrer.slice(0, 2048) : undefined;
  return {
    type: 'visitor.context' as const,
    page: currentPage(),
    ...(referrer ? { referrer } : {}),
    language: navigator.language.slice(0, 35),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

/** The queue, page and language a new conversation or call starts with. */
export function startContext(queue: string | undefined): { queue?: string; page?: { url: string; title: string }; locale: string } {
  const page = typeof location === 'undefined' ? undefined : currentPage();
  return {
    ...(queue ? { queue } : {}),
    ...(page ? { page } : {}),
    // The language the visitor reads the widget in: the conversation is routed and answered in it.
    locale: visitorLocale(),
  };
}
