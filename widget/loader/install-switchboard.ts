/**
 * The loader's logic: draws the launcher without any framework, exposes `window.Switchboard`,
 * replays calls queued before the script loaded, and loads the chat UI only when needed.
 */
import { directionOf, pickLocale, type AppLocale } from '../../ui/i18n/locales.js';
import type { ChatHandle, ChatMountOptions, IdentifyFields, SwitchboardApi, SwitchboardEventName, SwitchboardEvents } from './api-types.js';
import { designTokensCss } from '../../ui/tokens/design-tokens.js';
import { adoptStyles } from './adopt-styles.js';
import { launcherLabels } from './launcher-labels.js';
import { chatIcon, closeIcon, launcherCss } from './launcher-styles.js';
import { storageKeys } from './storage-keys.js';

type QueuedCall = [method: keyof SwitchboardApi, args: unknown[]];
type ChatModule = { mountChat(options: ChatMountOptions): ChatHandle };
type Handler = (detail: never) => void;

export interface InstallOptions {
  /** The Switchboard server, for example https://help.example.com. */
  serverUrl: string;
  /** Queue slug for conversations started from this page. */
  queue?: string;
  /** Offer calls from the browser (default true). */
  voice?: boolean;
  /** Offer the visitor to share the page (default true). */
  cobrowse?: boolean;
  /** The help bot answers a first question from the knowledge base; off unless the page says `data-bot="true"`. */
  bot?: boolean;
  /** The widget's language as the page sets it (`data-locale`); otherwise the visitor's browser languages decide. */
  locale?: string;
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
  const queued = existing?.q ?? [];
  const doc = win.document;
  const keys = storageKeys(options.serverUrl);
  const handlers = new Map<SwitchboardEventName, Set<Handler>>();
  let open = false;
  let chat: ChatHandle | undefined;
  let chatLoading: Promise<ChatHandle | undefined> | undefined;
  const pendingForChat: ((c: ChatHandle) => void)[] = [];
  const nav = win.navigator;
  let locale: AppLocale = pickLocale(options.locale ? [options.locale] : nav.languages?.length ? nav.languages : [nav.language]);
  let unreadWords: string | undefined;

  const host = doc.createElement('div');
  host.setAttribute('data-switchboard-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `
    <div class="panel-slot" id="sb-panel" part="panel-slot" hidden></div>
    <button class="launcher" part="launcher" type="button" aria-expanded="false" aria-controls="sb-panel">
      ${chatIcon}<span class="badge" part="badge" hidden></span>
    </button>`;
  // After the markup: a <style> fallback must not be replaced by it.
  adoptStyles(root, designTokensCss(':host') + launcherCss);
  const launcher = root.querySelector<HTMLButtonElement>('.launcher')!;
  const badge = root.querySelector<HTMLSpanElement>('.badge')!;
  const panelSlot = root.querySelector<HTMLDivElement>('.panel-slot')!;

  function emit<E extends SwitchboardEventName>(event: E, detail: SwitchboardEvents[E]): void {
    for (const handler of handlers.get(event) ?? []) {
      try {
        (handler as (d: SwitchboardEvents[E]) => void)(detail);
      } catch (error) {
        console.error(`Switchboard: a "${event}" handler threw`, error);
      }
    }
  }

  function setUnread(count: number, words?: string): void {
    unreadWords = words;
    badge.hidden = count === 0;
    badge.textContent = count > 9 ? '9+' : String(count);
    const [openLabel, closeLabel] = launcherLabels[locale];
    launcher.setAttribute('aria-label', count && !open ? `${openLabel} (${words ?? count})` : open ? closeLabel : openLabel);
  }

  /** Mirrors the widget for right-to-left languages and names the launcher in the widget's language. */
  function applyLocale(): void {
    host.lang = locale;
    host.dir = directionOf(locale);
    setUnread(Number(badge.hidden ? 0 : badge.textContent), unreadWords);
  }

  /** Keeps a full-screen panel inside what the visitor sees: above the on-screen keyboard, under a pinch zoom. */
  function fitVisualViewport(): void {
    const view = win.visualViewport;
    if (!view || !open) return;
    // A pinch zoom is the visitor enlarging the page on purpose: the panel keeps its layout size
    // then. Only the keyboard (the visual viewport shorter at scale 1) is fitted around.
    if (view.scale > 1.01) {
      panelSlot.style.removeProperty('--sb-vv-height');
      panelSlot.style.removeProperty('--sb-vv-top');
      return;
    }
    panelSlot.style.setProperty('--sb-vv-height', `${view.height}px`);
    panelSlot.style.setProperty('--sb-vv-top', `${view.offsetTop}px`);
  }

  function withChat(act: (c: ChatHandle) => void): void {
    if (chat) return act(chat);
    pendingForChat.push(act);
    chatLoading ??= (options.loadChat ?? (() => import(/* @vite-ignore */ `${options.serverUrl}/widget/chat.js`) as Promise<ChatModule>))()
      .then((module) => {
        chat = module.mountChat({
          container: panelSlot,
          serverUrl: options.serverUrl,
          ...(options.queue ? { queue: options.queue } : {}),
          ...(options.voice === false ? { voice: false } : {}),
          ...(options.cobrowse === false ? { cobrowse: false } : {}),
          ...(options.bot ? { bot: true } : {}),
          locale,
          emit,
          requestClose: () => api.close(),
          requestOpen: () => api.open(),
          setUnread,
        });
        for (const a of pendingForChat.splice(0)) a(chat);
        return chat;
      })
      .catch((error: unknown) => {
        // Nobody awaits this promise: report it, and let the next open or call try again.
        chatLoading = undefined;
        console.error('Switchboard: the chat could not be loaded', error);
        return undefined;
      });
  }

  function setOpen(next: boolean): void {
    if (open === next) return;
    open = next;
    panelSlot.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.classList.toggle('open', open);
    if (open) fitVisualViewport();
    launcher.innerHTML = `${open ? closeIcon : chatIcon}`;
    launcher.append(badge);
    setUnread(open ? 0 : Number(badge.hidden ? 0 : badge.textContent), unreadWords);
    try {
      win.sessionStorage.setItem(keys.panelOpen, open ? '1' : '');
    } catch {
      // storage may be blocked (private mode, sandboxed frames); the widget works without it
    }
    withChat((c) => c.setOpen(open));
    emit(open ? 'open' : 'close', {});
    if (!open) launcher.focus();
  }

  const api: InstalledApi = {
    __switchboard: true,
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!open),
    identify: (fields: IdentifyFields) => withChat((c) => c.identify(fields)),
    send: (text: string) => withChat((c) => c.send(String(text))),
    setLocale(tag: string) {
      locale = pickLocale([String(tag)]);
      applyLocale();
      chat?.setLocale(locale); // a chat still loading mounts in the new language
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
  launcher.addEventListener('click', () => api.toggle());
  win.visualViewport?.addEventListener('resize', fitVisualViewport);
  win.visualViewport?.addEventListener('scroll', fitVisualViewport);
  (doc.body ?? doc.documentElement).append(host);

  // Replay what the page asked for before the script arrived, in order.
  for (const [method, args] of queued) {
    const fn = api[method] as ((...a: unknown[]) => void) | undefined;
    if (typeof fn === 'function') fn(...args);
  }

  let resume = false;
  let wasOpen = false;
  try {
    resume = !!win.localStorage.getItem(keys.active) || !!win.localStorage.getItem(keys.outbox);
    wasOpen = win.sessionStorage.getItem(keys.panelOpen) === '1';
  } catch {
    // no storage: nothing to resume
  }
  if (wasOpen) api.open();
  else if (resume) withChat(() => {}); // reconnect in the background so new replies raise the badge

  emit('ready', {});
  return api;
}
