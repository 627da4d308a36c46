/**
 * The widget frame: what takes over from the loader once the chat chunk is there. It owns the
 * panel's box, open and closed, the unread badge and the launcher's words, keeps the panel inside
 * the visual viewport, and serves the API calls the loader forwards (open, send, showNewMessage,
 * trackEvent, reset…). One chat at a time lives inside; `reset()` ends it and the next open
 * starts a fresh one.
 */
import type { ChatHandle, IdentifyFields, WidgetControl, WidgetFrame, EventProperties } from '../loader/api-types.js';
import { launcherCloseLabels, launcherOpenLabels } from '../loader/launcher-labels.js';
import { storageKeys } from '../loader/storage-keys.js';
import type { AppLocale } from '../../ui/i18n/locales.js';
import { addStyles, chatIcon, closeIcon, frameCss } from './frame-styles.js';
import { designTokensCss } from '../../ui/tokens/design-tokens.js';
import { mountChat } from './mount-chat.js';

/**
 * Takes over the loader's launcher and returns the calls the loader forwards from now on.
 * @example const control = mountWidget(frame); control.open();
 */
export function mountWidget(frame: WidgetFrame): WidgetControl {
  const { host, options } = frame;
  const win = host.ownerDocument.defaultView!;
  const root = host.shadowRoot!;
  const launcher = root.querySelector<HTMLButtonElement>('.launcher');
  const keys = storageKeys(options.serverUrl);
  let locale: AppLocale = frame.locale;
  let open = false;
  let unread = 0;
  let unreadWords: string | undefined;
  let chat: ChatHandle | undefined;

  // The design tokens (light and dark) arrive with the chunk; the loader's launcher has its own fallbacks.
  addStyles(root, designTokensCss(':host') + frameCss);
  host.toggleAttribute('data-no-launcher', !launcher);
  const panelSlot = win.document.createElement('div');
  Object.assign(panelSlot, { id: 'sb-panel', className: 'panel-slot', hidden: true });
  panelSlot.setAttribute('part', 'panel-slot');
  root.prepend(panelSlot);
  const badge = win.document.createElement('span');
  Object.assign(badge, { className: 'badge', hidden: true });
  badge.setAttribute('part', 'badge');

  launcher?.setAttribute('aria-controls', 'sb-panel');

  function drawLauncher(): void {
    if (!launcher) return;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.classList.toggle('open', open);
    launcher.innerHTML = open ? closeIcon : chatIcon;
    launcher.append(badge);
    const openLabel = launcherOpenLabels[locale];
    launcher.setAttribute('aria-label', open ? launcherCloseLabels[locale] : unread ? `${openLabel} (${unreadWords ?? unread})` : openLabel);
  }

  function setUnread(count: number, words?: string): void {
    const changed = count !== unread;
    unread = open ? 0 : count;
    unreadWords = words;
    badge.hidden = unread === 0;
    badge.textContent = unread > 9 ? '9+' : String(unread);
    drawLauncher();
    if (changed) frame.emit('unread', { count });
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
  win.visualViewport?.addEventListener('resize', fitVisualViewport);
  win.visualViewport?.addEventListener('scroll', fitVisualViewport);

  function currentChat(): ChatHandle {
    chat ??= mountChat({
      container: panelSlot,
      serverUrl: options.serverUrl,
      ...(options.queue ? { queue: options.queue } : {}),
      voice: options.voice !== 'false',
      cobrowse: options.cobrowse !== 'false',
      bot: options.bot === 'true',
      ...(options.company?.trim() ? { company: options.company.trim() } : {}),
      locale,
      emit: frame.emit,
      requestClose: () => setOpen(false),
      requestOpen: () => setOpen(true),
      setUnread,
    });
    return chat;
  }

  function setOpen(next: boolean): void {
    if (open === next) return;
    open = next;
    panelSlot.hidden = !open;
    if (open) fitVisualViewport();
    setUnread(open ? 0 : unread, unreadWords);
    try {
      win.sessionStorage.setItem(keys.panelOpen, open ? '1' : '');
    } catch {
      // storage may be blocked (private mode, sandboxed frames); the widget works without it
    }
    currentChat().setOpen(open);
    frame.emit(open ? 'open' : 'close', {});
    if (!open) launcher?.focus();
  }

  currentChat(); // the loader loads the chunk when a chat is wanted: connect now
  drawLauncher();

  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!open),
    identify: (fields: IdentifyFields) => currentChat().identify(fields),
    send: (text: string) => currentChat().send(String(text)),
    showNewMessage(text: string) {
      setOpen(true);
      currentChat().prefill(String(text ?? ''));
    },
    trackEvent: (name: string, properties?: EventProperties) => currentChat().trackEvent(String(name), properties),
    setConversationAttributes: (attributes: EventProperties) => currentChat().setConversationAttributes(attributes),
    reset() {
      setOpen(false);
      chat?.destroy();
      chat = undefined;
      setUnread(0);
      try {
        for (const storage of [win.localStorage, win.sessionStorage]) for (const key of Object.keys(storage)) if (key.startsWith(keys.scope)) storage.removeItem(key);
      } catch {
        // storage blocked: nothing was kept
      }
    },
    setLocale(next: AppLocale) {
      locale = next;
      drawLauncher();
      chat?.setLocale(next);
    },
  };
}
