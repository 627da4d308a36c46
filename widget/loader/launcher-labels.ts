/**
 * The launcher's two labels in each language: the loader draws the launcher before any catalogue is
 * downloaded, and a whole catalogue would triple its size. test/i18n checks they match `launcherOpen`
 * and `launcherClose` in the catalogues, so a translator edits the catalogues only.
 */
import type { AppLocale } from '../../ui/i18n/locales.js';

export const launcherLabels: Record<AppLocale, readonly [open: string, close: string]> = {
  en: ['Open chat', 'Close chat'],
  es: ['Abrir el chat', 'Cerrar el chat'],
  fr: ['Ouvrir le chat', 'Fermer le chat'],
  de: ['Chat öffnen', 'Chat schließen'],
  da: ['Åbn chatten', 'Luk chatten'],
  zh: ['打开在线客服', '关闭在线客服'],
  ar: ['فتح المحادثة', 'إغلاق المحادثة'],
};
