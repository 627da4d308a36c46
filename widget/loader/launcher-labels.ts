/**
 * The launcher's labels in each language: the loader draws the launcher before any catalogue is
 * downloaded, and a whole catalogue would triple its size. Only the "open" words ship in the loader;
 * the "close" words (shown once the panel is open) come with the chat chunk. test/i18n checks they
 * match `launcherOpen` and `launcherClose` in the catalogues, so a translator edits the catalogues only.
 */
import type { AppLocale } from '../../ui/i18n/locales.js';

export const launcherOpenLabels: Record<AppLocale, string> = {
  en: 'Open chat',
  es: 'Abrir el chat',
  fr: 'Ouvrir le chat',
  de: 'Chat öffnen',
  da: 'Åbn chatten',
  zh: '打开在线客服',
  ar: 'فتح المحادثة',
};

export const launcherCloseLabels: Record<AppLocale, string> = {
  en: 'Close chat',
  es: 'Cerrar el chat',
  fr: 'Fermer le chat',
  de: 'Chat schließen',
  da: 'Luk chatten',
  zh: '关闭在线客服',
  ar: 'إغلاق المحادثة',
};
