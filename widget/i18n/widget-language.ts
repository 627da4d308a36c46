/**
 * The widget's language on this page (the loader's choice, then `Switchboard.setLocale`): read by
 * the parts that draw outside the panel (the page-sharing bar) and by what tells the server the
 * visitor's language, so a conversation is routed, answered and mailed in the language the visitor reads.
 */
import type { AppLocale } from '../../ui/i18n/locales.js';
import { en, type Catalogue } from './en.js';

let current: { locale: AppLocale; messages: Catalogue } = { locale: 'en', messages: en };

/** The widget's language and its catalogue now. */
export const widgetLanguage = (): { locale: AppLocale; messages: Catalogue } => current;

/** Called by the chat chunk once a language's catalogue is loaded. */
export function setWidgetLanguage(locale: AppLocale, messages: Catalogue): void {
  current = { locale, messages };
}

/**
 * The language tag the server gets: the browser's own when it is the widget's language (es-MX keeps
 * its region, which the callback form reads as the phone number's country), else the widget's.
 */
export function visitorLocale(): string {
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(browser) && browser.toLowerCase().split('-')[0] === current.locale ? browser.slice(0, 35) : current.locale;
}
