/**
 * The loader's logic, kept tiny: draws the launcher, exposes `window.Switchboard`, replays calls
 * queued before the script loaded, and loads the chat chunk only when the visitor or the page
 * needs it. What is said before that (identify, trackEvent, setConversationAttributes) is kept in
 * localStorage and sent with the first conversation, so a page that only identifies downloads
 * nothing more and opens no connection. Everything else (panel, badge, keyboard fitting) lives in
 * the chunk's widget frame (widget/chat/widget-frame.ts).
 */
import { pickLocale, type AppLocale } from '../../ui/i18n/locales.js';
import type { SwitchboardApi, SwitchboardEventName, SwitchboardEvents, WidgetControl, WidgetFrame, WidgetOptions } from './api-types.js';
import { adoptStyles } from './adopt-styles.js';
import { launcherOpenLabels } from './launcher-labels.js';
import { chatIcon, launcherCss } from './launcher-styles.js';
import { storageKey, type StorageName } from './storage-keys.js';

type QueuedCall = [method: keyof SwitchboardApi, args: unknown[]];
type ChatModule = { mountWidget(frame: WidgetFrame): WidgetControl };
type Handler = (detail: never) => void;

export interface InstallOptions extends WidgetOptions {
  /** How to load the chat chunk; defaults to importing it from the server. */
  loadChat?: () => Promise<ChatModule>;
}

interface InstalledApi extends SwitchboardApi {
  /** Set on the real API, so a second copy of the script knows it is not needed. */
  readonly __switchboard: true;
}

declare global {
  interface Window {
    Switchboard?: Partial<SwitchboardApi> & { q?: QueuedCall[]; __switchboard?: true };
  }
}

/**
 * Installs the widget once per page and returns its API.
 * @example installSwitchboard(window, { serverUrl: 'https://help.example.com' }).open();
 */
export function installSwitchboard(win: Window, options: InstallOptions): SwitchboardApi {
  const existing = win.Switchboard;
  if (existing?.__switchboard) return existing as InstalledApi; // the script was included twice
  const doc = win.document;
  const nav = win.navigator;
  const key = (name: StorageName | '') => storageKey(options.serverUrl, name);
  const handlers = new Map<SwitchboardEventName, Set<Handler>>();
  const waiting: QueuedCall[] = [];
  let control: WidgetControl | undefined;
  let loading: Promise<void> | undefined;
  let locale: AppLocale = pickLocale(options.locale ? [options.locale] : nav.languages?.length ? nav.languages : [nav.language]);

  const host = doc.createElement('div');
  host.setAttribute('data-switchboard-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  if (options.launcher !== 'false') root.innerHTML = `<button class=launcher part=launcher type=button>${chatIcon}</button>`;
  // After the markup: a <style> fallback must not be replaced by it.
  adoptStyles(root, launcherCss);
  const launcher = root.querySelector('button');

  function emit<E extends SwitchboardEventName>(event: E, detail: SwitchboardEvents[E]): void {
    for (const handler of handlers.get(event) ?? []) {
      try {
        (handler as (d: SwitchboardEvents[E]) => void)(detail);
      } catch (error) {
        console.error(error); // a page's handler that throws must not stop the others, nor the widget
      }
    }
  }

  /** The language on the host (the chunk's panel reads it), mirrored sides, and the launcher's name. */
  function applyLocale(): void {
    host.lang = locale;
    host.dir = locale == 'ar' ? 'rtl' : 'ltr'; // Arabic is the one right-to-left language the widget speaks (AppLocale)
    // The widget sits at the inline end unless the page asked for the left; "left" means the start.
    host.toggleAttribute('data-left', (host.dir === 'rtl') !== (options.position === 'left'));
    if (!control) launcher?.setAttribute('aria-label', launcherOpenLabels[locale]);
  }

  /** Loads the chat chunk once (again after a failure), then hands it what waited. */
  function load(): Promise<void> {
    return (loading ??= (options.loadChat ?? (() => import(/* @vite-ignore */ `${options.serverUrl}/widget/chat.js`) as Promise<ChatModule>))().then(
      (module) => {
        control = module.mountWidget({ host, options, locale, emit });
        for (const [method, args] of waiting.splice(0)) (control[method as keyof WidgetControl] as (...a: unknown[]) => void)(...args);
      },
      (error: unknown) => {
        // Nobody awaits this promise: report it, and let the next call try again.
        loading = undefined;
        console.error('Switchboard: the chat could not be loaded', error);
        emit('error', { reason: 'load-failed', message: String(error) });
      },
    ));
  }

  /**
   * A call the chat chunk serves: now if it is there, after loading it if not. What only informs
   * (`keep`: identify, trackEvent, setConversationAttributes) loads nothing: it is kept in
   * localStorage (the newest 50 calls) and replayed by the first chat, on this page or a later one.
   */
  const viaChat =
    (method: keyof WidgetControl, keep?: 1) =>
    (...args: unknown[]): void => {
      if (control) return (control[method] as (...a: unknown[]) => void)(...args);
      if (!keep) return void waiting.push([method, args]), void load();
      try {
        win.localStorage.setItem(key('pending'), JSON.stringify([...(JSON.parse(win.localStorage.getItem(key('pending')) || '[]') as unknown[]), [method, args]].slice(-50)));
      } catch {
        // storage blocked: the page says it again on a page where the chat runs
      }
    };

  const api: InstalledApi = {
    __switchboard: true,
    open: viaChat('open'),
    toggle: viaChat('toggle'),
    send: viaChat('send'),
    showNewMessage: viaChat('showNewMessage'),
    close() {
      // Closing a chat that never loaded is nothing to do, and cancels an open still waiting for it.
      if (control) control.close();
      else waiting.length = 0;
    },
    identify: viaChat('identify', 1),
    trackEvent: viaChat('trackEvent', 1),
    setConversationAttributes: viaChat('setConversationAttributes', 1),
    reset() {
      if (control) return control.reset();
      try {
        for (const storage of [win.localStorage, win.sessionStorage]) for (const name of Object.keys(storage)) if (name.startsWith(key(''))) storage.removeItem(name);
      } catch {
        // storage blocked: nothing was kept
      }
    },
    setLocale(tag: string) {
      locale = pickLocale([tag]); // pickLocale reads anything as a string
      applyLocale();
      control?.setLocale(locale);
    },
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler as Handler);
    },
    off(event, handler) {
      handlers.get(event)?.delete(handler as Handler);
    },
  };
  win.Switchboard = api;

  applyLocale();
  launcher?.addEventListener('click', () => api.toggle());
  doc.body.append(host); // index.ts waits for the body
  // Only sites that say they have invitations pay for asking: one chunk and one request per page.
  if (options.invitations) import(/* @vite-ignore */ `${options.serverUrl}/widget/invite.js`).then((m: { default(h: HTMLElement, o: WidgetOptions): void }) => m.default(host, options));

  // Replay what the page asked for before the script arrived, in order.
  for (const [method, args] of existing?.q ?? []) (api[method] as (...a: unknown[]) => void)?.(...args);

  try {
    // The panel was open on the previous page, or a conversation goes on: the chat comes back at once.
    if (win.sessionStorage.getItem(key('panelOpen')) === '1') api.open();
    else if (win.localStorage.getItem(key('active')) || win.localStorage.getItem(key('outbox'))) void load();
  } catch {
    // no storage: nothing to resume
  }

  emit('ready', {});
  return api;
}
