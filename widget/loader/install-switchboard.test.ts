import { expect, waitUntil } from '@open-wc/testing';
import { APP_LOCALES, directionOf } from '../../ui/i18n/locales.js';
import { installSwitchboard } from './install-switchboard.js';

const serverUrl = location.origin;
const loadChat = () => import('../chat/index.js');

function widgets() {
  return document.querySelectorAll('[data-switchboard-widget]');
}
function launcher() {
  return widgets()[0]!.shadowRoot!.querySelector<HTMLButtonElement>('.launcher')!;
}

describe('installSwitchboard (the loader)', () => {
  beforeEach(() => {
    for (const w of widgets()) w.remove();
    delete window.Switchboard;
    localStorage.clear();
    sessionStorage.clear();
  });

  const panelSlot = () => widgets()[0]!.shadowRoot!.querySelector<HTMLElement>('.panel-slot');
  const opened = () => waitUntil(() => launcher().getAttribute('aria-expanded') === 'true', 'the chat chunk takes over and opens', { timeout: 5000 });

  it('draws one labelled launcher, and a second copy of the script changes nothing', () => {
    const first = installSwitchboard(window, { serverUrl, loadChat });
    const second = installSwitchboard(window, { serverUrl, loadChat });
    expect(second).to.equal(first);
    expect(widgets()).to.have.length(1);
    expect(launcher().getAttribute('aria-label')).to.equal('Open chat');
  });

  it('identifies, tracks and sets attributes without loading the chat: kept for the first conversation', async () => {
    let loads = 0;
    const api = installSwitchboard(window, { serverUrl, loadChat: () => (loads++, loadChat()) });
    api.identify({ name: 'Maria' });
    api.trackEvent('viewed-pricing', { plan: 'pro' });
    api.setConversationAttributes({ orderId: '1042' });
    expect(loads).to.equal(0);
    expect(JSON.parse(localStorage.getItem(`switchboard:${location.host}:pending`)!)).to.deep.equal([
      ['identify', [{ name: 'Maria' }]],
      ['trackEvent', ['viewed-pricing', { plan: 'pro' }]],
      ['setConversationAttributes', [{ orderId: '1042' }]],
    ]);
    api.reset();
    expect(localStorage.getItem(`switchboard:${location.host}:pending`)).to.equal(null);
  });

  it('without a launcher (data-launcher="false") the page opens the panel itself; data-position="left" moves it to the start', async () => {
    const api = installSwitchboard(window, { serverUrl, loadChat, launcher: 'false', position: 'left' });
    const host = widgets()[0] as HTMLElement;
    expect(host.shadowRoot!.querySelector('button')).to.equal(null);
    expect(host.hasAttribute('data-left')).to.equal(true);
    api.open();
    await waitUntil(() => host.shadowRoot!.querySelector('sb-chat-panel'), 'the panel opens without a launcher', { timeout: 5000 });
    expect(panelSlot()!.hidden).to.equal(false);
    expect(getComputedStyle(panelSlot()!).left).to.equal('20px');
    api.close();
  });

  it('keeps the composer above the on-screen keyboard: the open panel follows the visual viewport, but not a pinch zoom', async () => {
    const view = Object.assign(new EventTarget(), { height: 700, offsetTop: 0, scale: 1 });
    Object.defineProperty(window, 'visualViewport', { value: view, configurable: true });
    try {
      const api = installSwitchboard(window, { serverUrl, loadChat });
      api.open();
      await opened();
      const slot = panelSlot()!;
      Object.assign(view, { height: 400, offsetTop: 30 }); // the keyboard opened
      view.dispatchEvent(new Event('resize'));
      expect(slot.style.getPropertyValue('--sb-vv-height')).to.equal('400px');
      expect(slot.style.getPropertyValue('--sb-vv-top')).to.equal('30px');
      Object.assign(view, { scale: 2 });
      view.dispatchEvent(new Event('resize'));
      expect(slot.style.getPropertyValue('--sb-vv-height')).to.equal('');
      api.close();
    } finally {
      Reflect.deleteProperty(window, 'visualViewport');
    }
  });

  it('replays calls queued by the snippet before the script loaded, in order', async () => {
    const seen: string[] = [];
    window.Switchboard = { q: [['on', ['ready', () => seen.push('ready')]], ['on', ['open', () => seen.push('open')]], ['open', []]] };
    installSwitchboard(window, { serverUrl, loadChat });
    await opened();
    // Ready as soon as the loader runs; open once the chat chunk has arrived.
    expect(seen).to.deep.equal(['ready', 'open']);
  });

  it('loads the chat panel on open and toggles it, keyboard-focusable, with open and close events', async () => {
    const api = installSwitchboard(window, { serverUrl, loadChat });
    const events: string[] = [];
    const onClose = () => events.push('close');
    api.on('open', () => events.push('open'));
    api.on('close', onClose);
    launcher().click();
    const root = widgets()[0]!.shadowRoot!;
    await waitUntil(() => root.querySelector('sb-chat-panel'), 'the chat chunk mounts its panel');
    expect(launcher().getAttribute('aria-controls')).to.equal('sb-panel');
    expect(root.querySelector<HTMLElement>('.panel-slot')!.hidden).to.equal(false);
    expect(launcher().getAttribute('aria-label')).to.equal('Close chat');
    api.toggle();
    expect(root.querySelector<HTMLElement>('.panel-slot')!.hidden).to.equal(true);
    expect(root.activeElement).to.equal(launcher());
    api.off('close', onClose);
    api.open();
    api.close();
    expect(events).to.deep.equal(['open', 'close', 'open']);
  });

  it('tries again when the chat could not be loaded, without losing what the page asked for', async () => {
    let attempts = 0;
    const flaky = () => (++attempts === 1 ? Promise.reject(new Error('network down')) : loadChat());
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      const api = installSwitchboard(window, { serverUrl, loadChat: flaky });
      api.open();
      await waitUntil(() => errors.length === 1, 'the failure is reported');
      api.close();
      api.open();
      const root = widgets()[0]!.shadowRoot!;
      await waitUntil(() => root.querySelector('sb-chat-panel'), 'the second attempt mounts the panel');
      expect(attempts).to.equal(2);
      expect(errors[0]).to.equal('Switchboard: the chat could not be loaded');
    } finally {
      console.error = original;
    }
  });

  it('keeps the panel open across a navigation on the same site', async () => {
    installSwitchboard(window, { serverUrl, loadChat }).open();
    await opened();
    for (const w of widgets()) w.remove();
    delete window.Switchboard;
    installSwitchboard(window, { serverUrl, loadChat });
    await opened();
  });

  it('speaks the language the page sets, mirrors for Arabic, and switches at once with setLocale', async () => {
    const api = installSwitchboard(window, { serverUrl, loadChat, locale: 'es-MX' });
    const host = widgets()[0] as HTMLElement;
    expect([launcher().getAttribute('aria-label'), host.lang, host.dir]).to.deep.equal(['Abrir el chat', 'es', 'ltr']);
    api.open();
    const root = host.shadowRoot!;
    await waitUntil(() => root.querySelector('sb-chat-panel')?.shadowRoot?.querySelector('textarea[aria-label="Su mensaje"]'), 'the panel mounts in Spanish');
    expect(launcher().getAttribute('aria-label')).to.equal('Cerrar el chat');
    api.setLocale('ar');
    expect([launcher().getAttribute('aria-label'), host.lang, host.dir]).to.deep.equal(['إغلاق المحادثة', 'ar', 'rtl']);
    await waitUntil(() => root.querySelector('sb-chat-panel')?.shadowRoot?.querySelector('textarea[aria-label="رسالتك"]'), 'the open panel redraws in Arabic');
    api.setLocale('zh-TW'); // no Traditional Chinese catalogue: English
    expect([launcher().getAttribute('aria-label'), host.dir]).to.deep.equal(['Close chat', 'ltr']);
  });

  it('writes every language it speaks in its own direction (the loader knows Arabic as its one right-to-left language)', () => {
    const api = installSwitchboard(window, { serverUrl, loadChat });
    const host = widgets()[0] as HTMLElement;
    for (const locale of APP_LOCALES) {
      api.setLocale(locale);
      expect(host.dir, locale).to.equal(directionOf(locale));
    }
  });

  it('follows the browser’s languages when the page sets none', () => {
    installSwitchboard(window, { serverUrl, loadChat });
    const expected = navigator.languages.some((l) => /^(es|fr|de|da|ar)\b|^zh(-cn|-sg|-hans)?$/i.test(l)) ? undefined : 'Open chat';
    if (expected) expect(launcher().getAttribute('aria-label')).to.equal(expected);
    expect((widgets()[0] as HTMLElement).lang).to.match(/^(en|es|fr|de|da|zh|ar)$/);
  });
});
