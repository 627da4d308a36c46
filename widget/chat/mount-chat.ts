/**
 * One chat: joins a ChatSession
 * to the <sb-chat-panel> view inside the widget frame, and sends what the page said before it loaded.
 */
import type { ChatHandle, ChatMountOptions } from '../loader/api-types.js';
import { wireCalls } from './call-wiring.js';
import { wireCobrowse } from './cobrowse-wiring.js';
import { ChatSession } from './chat-session.js';
import { ContactOptions, type ContactForm } from '../contact/contact-options.js';
import { BotSession } from '../bot/bot-session.js';
import { TopicChoice } from './topic-choice.js';
import { requestDeletion } from './deletion-request.js';
import { format } from '../i18n/en.js';
import { loadCatalogue } from '../i18n/load-catalogue.js';
import { setWidgetLanguage, widgetLanguage } from '../i18n/widget-language.js';
import { sendPending } from './pending-calls.js';
import type { AppLocale } from '../../ui/i18n/locales.js';
import { storageKeys } from '../loader/storage-keys.js';
import type { AttachmentRef } from '../../signaling/protocol/attachments.js';
import './define.js';

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function mountChat(options: ChatMountOptions): ChatHandle {
  const session = new ChatSession({ serverUrl: options.serverUrl, ...(options.queue ? { queue: options.queue } : {}), storage: safeLocalStorage() });
  const panel = document.createElement('sb-chat-panel');
  panel.voice = options.voice !== false && typeof RTCPeerConnection !== 'undefined' && !!navigator.mediaDevices;
  let wantedLocale = options.locale;
  let unread = 0;
  const showUnread = (count: number) => {
    unread = count;
    const { messages, locale } = widgetLanguage();
    options.setUnread(count, format(messages, 'unreadBadge', { count }, locale));
  };
  /** Loads the language's catalogue (its own chunk), then redraws the panel in it; the last language asked for wins. */
  const useLocale = async (locale: AppLocale) => {
    wantedLocale = locale;
    const messages = await loadCatalogue(locale);
    if (wantedLocale !== locale) return;
    setWidgetLanguage(locale, messages);
    panel.messages = messages;
    panel.locale = locale;
    showUnread(unread);
  };
  // The panel shows once its words are there, so a Spanish visitor never sees it in English first.
  void useLocale(options.locale).then(() => options.container.append(panel));
  panel.cobrowse = options.cobrowse !== false;
  // The site's own name when the page names no company: what the visitor sees in the address bar.
  panel.company = options.company ?? (document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content || location.hostname);
  const calls = wireCalls(session, panel, options.serverUrl);
  const cobrowse = wireCobrowse(session, panel, options.serverUrl, () => options.requestOpen());
  // An agent's call opens the panel, where it rings.
  session.addEventListener('change', () => {
    if (session.state.ring && panel.voice) options.requestOpen();
  });
  const contact = new ContactOptions({ serverUrl: options.serverUrl, ...(options.queue ? { queue: options.queue } : {}), token: () => session.visitorToken() });
  // The panel follows each of these through its own controllers; this module wires what they do.
  panel.chatSession = session;
  panel.contactOptions = contact;
  let open = false;

  const markReadIfVisible = () => {
    if (open && document.visibilityState === 'visible') session.markRead();
    showUnread(open ? 0 : session.unreadCount());
  };
  // Besides the view: the call's media, the shared page and the read marks follow the session too.
  session.addEventListener('change', () => {
    calls.sync();
    cobrowse.sync();
    markReadIfVisible();
  });
  session.onPublicEvent = options.emit;
  document.addEventListener('visibilitychange', markReadIfVisible);

  const bot = !options.bot ? undefined : new BotSession(options.serverUrl, (question, articles) => session.handOff(question, articles));
  panel.botSession = bot;
  panel.addEventListener('sb-send', (e) => {
    const text = (e as CustomEvent<{ text: string }>).detail.text;
    // A first question with no conversation open goes to the help bot; a person is one click away.
    const open = session.state.conversation && session.state.conversation.status !== 'ended';
    // A reply to a proactive invitation answers a person who reached out: it skips the bot.
    if (bot && !open && !session.invitation.value && bot.takes()) void bot.ask(text);
    // Writing on while the bot answers means "a person, please": the question goes first.
    else if (bot && !open && bot.state.phase === 'answered') void bot.toPerson().then(() => session.send(text));
    else session.send(text);
  });
  // A file goes to a person, never to the bot: it opens the conversation if need be.
  panel.addEventListener('sb-send-files', (e) => session.send('', (e as CustomEvent<{ attachments: AttachmentRef[] }>).detail.attachments));
  panel.addEventListener('sb-bot-open', (e) => void bot?.open((e as CustomEvent<{ id: string }>).detail.id));
  panel.addEventListener('sb-bot-resolved', () => bot?.resolved());
  panel.addEventListener('sb-bot-person', () => void bot?.toPerson());
  // The topic menu: the chosen topic's queue takes the chat, and its status (alternatives, pre-chat form).
  const topics = new TopicChoice(options.serverUrl, (topic) => {
    session.chooseTopic(topic);
    void contact.chooseQueue(topic?.queue);
  });
  panel.topicChoice = topics;
  const thenFocus = () => panel.focusComposer();
  panel.addEventListener('sb-topic-choose', (e) => {
    const topic = contact.state.status?.topics?.[(e as CustomEvent<{ index: number }>).detail.index];
    if (topic) void topics.choose(topic).then(thenFocus);
  });
  panel.addEventListener('sb-topic-open', (e) => void topics.open((e as CustomEvent<{ id: string }>).detail.id));
  panel.addEventListener('sb-topic-talk', () => {
    topics.talk();
    thenFocus();
  });
  panel.addEventListener('sb-topic-back', () => {
    topics.back();
    thenFocus();
  });
  panel.addEventListener('sb-typing', (e) => session.typing((e as CustomEvent<{ isTyping: boolean }>).detail.isTyping));
  panel.addEventListener('sb-end', () => void session.end());
  panel.addEventListener('sb-new-conversation', () => {
    session.startNew();
    bot?.reset();
    topics.back();
    panel.focusComposer();
    void contact.refresh();
  });
  panel.addEventListener('sb-close', () => options.requestClose());
  panel.addEventListener('sb-delete-conversation', (e) => {
    const { conversationId } = (e as CustomEvent<{ conversationId: string }>).detail;
    void session.visitorToken().then(async (token) => (panel.deletion = await requestDeletion(options.serverUrl, token, conversationId)));
  });
  panel.addEventListener('sb-rate', (e) => void session.rate((e as CustomEvent<{ rating: number }>).detail.rating));
  panel.addEventListener('sb-contact-open', (e) => contact.open((e as CustomEvent<{ form?: ContactForm }>).detail.form));
  panel.addEventListener('sb-contact-cancel', (e) => void contact.cancelCallback((e as CustomEvent<{ id: string }>).detail.id));
  // Choosing a message or a callback while waiting replaces the chat that waits.
  const replaceWaitingChat = (done: boolean) => {
    if (done && session.state.conversation?.status === 'queued') void session.end();
  };
  panel.addEventListener('sb-contact-message', (e) => void contact.leaveMessage((e as CustomEvent<{ name: string; email: string; message: string }>).detail).then(replaceWaitingChat));
  panel.addEventListener('sb-contact-callback', (e) => void contact.bookCallback((e as CustomEvent<{ phone: string; when: 'asap' | number }>).detail).then(replaceWaitingChat));
  session.start();

  const handle: ChatHandle = {
    setOpen(next) {
      open = next;
      contact.watchStatus(open);
      if (open) {
        panel.focusComposer();
        // Whether anybody can answer now decides between the chat and its alternatives.
        void contact.refresh().then(() => panel.focusComposer());
      }
      markReadIfVisible();
    },
    setLocale: (locale) => void useLocale(locale),
    identify: (fields) => session.identify(fields),
    send: (text) => session.send(text),
    prefill: (text) => panel.prefill(text),
    trackEvent: (name, properties) => session.trackEvent(name, properties),
    setConversationAttributes: (attributes) => session.setConversationAttributes(attributes),
    destroy() {
      document.removeEventListener('visibilitychange', markReadIfVisible);
      session.destroy();
      panel.remove();
    },
  };
  // What the page said on earlier pages (or before this chunk loaded) goes with this chat.
  sendPending(
    { identify: (f) => session.identify(f), trackEvent: (n, p) => session.trackEvent(String(n), p), setConversationAttributes: (a) => session.setConversationAttributes(a) },
    storageKeys(options.serverUrl).pending,
    safeLocalStorage(),
  );
  return handle;
}
