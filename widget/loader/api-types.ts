/** The public `window.Switchboard` API, as documented in the README. */
import type { AppLocale } from '../../ui/i18n/locales.js';

export type SwitchboardEventName = 'ready' | 'open' | 'close' | 'message' | 'agent-joined' | 'conversation-ended' | 'unread' | 'error';

/** Payloads of the public events. */
export interface SwitchboardEvents {
  ready: Record<string, never>;
  open: Record<string, never>;
  close: Record<string, never>;
  message: { conversationId: string; seq: number; text: string; from: 'visitor' | 'agent'; name?: string };
  'agent-joined': { conversationId: string; name: string };
  'conversation-ended': { conversationId: string; by: 'visitor' | 'agent' | 'system' };
  /** Agent messages the visitor has not read yet (0 once they have). */
  unread: { count: number };
  /** A call the page made was refused (bad input, too long…) or the chat could not be loaded. */
  error: { reason: string; message: string; method?: string };
}

/** A name and a few properties the page reports (`trackEvent`), shown to agents in the screen pop. */
export type EventProperties = Record<string, string | number | boolean>;

export interface IdentifyFields {
  name?: string;
  email?: string;
  phone?: string;
  /** Your own user id; with `userHash` (hex HMAC-SHA256 of it with the identity secret, computed by your backend) it links this visitor to that customer. */
  userId?: string;
  userHash?: string;
  /** Custom attributes agents see (plan, account number…): at most 50, strings, numbers or booleans. */
  attributes?: Record<string, string | number | boolean>;
}

export interface SwitchboardApi {
  open(): void;
  close(): void;
  toggle(): void;
  /**
   * Who the visitor is. Kept on this device and sent with the first conversation (or the next page
   * that has one): it neither downloads the chat nor opens a connection by itself.
   */
  identify(fields: IdentifyFields): void;
  send(text: string): void;
  /**
   * Opens the widget with `text` written in the composer, for the visitor to edit and send.
   * @example Switchboard.showNewMessage('I have a question about my invoice');
   */
  showNewMessage(text: string): void;
  /**
   * Something the visitor did, shown to the agent in the screen pop (at most 20 kept, name up to 64
   * characters, up to 20 properties). Sent with the conversation like `identify`.
   * @example Switchboard.trackEvent('added-to-cart', { sku: 'A-42', price: 19.9 });
   */
  trackEvent(name: string, properties?: EventProperties): void;
  /**
   * Facts about this conversation shown to the agent (`{ orderId: '1042' }`): up to 50, keys of
   * letters, digits, `_ . -`, values strings (256 characters), numbers or booleans.
   */
  setConversationAttributes(attributes: EventProperties): void;
  /** Signs the visitor out on this device (a shared computer): forgets the token, the history and anything stored. */
  reset(): void;
  /**
   * Switches the widget's language at once (`'fr'`, `'es-MX'`…); a language without a catalogue shows English.
   * @example Switchboard.setLocale('da');
   */
  setLocale(locale: string): void;
  on<E extends SwitchboardEventName>(event: E, handler: (detail: SwitchboardEvents[E]) => void): void;
  off<E extends SwitchboardEventName>(event: E, handler: (detail: SwitchboardEvents[E]) => void): void;
}

/**
 * The widget as the page configured it: the script tag's data attributes as written (strings, so
 * the loader passes its `dataset` on without code of its own), and the server.
 */
export interface WidgetOptions {
  /** The Switchboard server, for example https://help.example.com. */
  serverUrl: string;
  /** `data-queue`: queue slug for conversations started from this page. */
  queue?: string;
  /** `data-voice="false"`: no calls from the browser. */
  voice?: string;
  /** `data-cobrowse="false"`: the visitor is not offered to share the page. */
  cobrowse?: string;
  /** `data-bot="true"`: the help bot answers a first question from the knowledge base. */
  bot?: string;
  /** `data-locale`: the widget's language; otherwise the visitor's browser languages decide. */
  locale?: string;
  /** `data-launcher="false"`: no launcher, the site opens the widget with `Switchboard.open()`. */
  launcher?: string;
  /** `data-position="left"`: launcher and panel at the inline start instead of the end. */
  position?: string;
  /** `data-invitations="true"`: the site has proactive invitations; the invitation chunk asks for one on each page. */
  invitations?: string;
  /** `data-company="Northwind"`: the name an agent's call shows ("Ana from Northwind is calling"); the site's name otherwise. */
  company?: string;
}

/** What the loader hands the chat chunk when it takes over: the drawn launcher and the page's handlers. */
export interface WidgetFrame {
  /**
   * The element holding the widget's open shadow root (with the launcher, absent with
   * `data-launcher="false"`), with `lang`, `dir` and `data-left` set by the loader.
   */
  host: HTMLElement;
  options: WidgetOptions;
  locale: AppLocale;
  emit<E extends SwitchboardEventName>(event: E, detail: SwitchboardEvents[E]): void;
}

/** The calls the chat chunk serves once loaded (the loader keeps `on`, `off` and the language). */
export type WidgetControl = Pick<SwitchboardApi, 'open' | 'close' | 'toggle' | 'identify' | 'send' | 'showNewMessage' | 'trackEvent' | 'setConversationAttributes' | 'reset' | 'setLocale'>;

/** What one chat (session and panel) receives from the widget frame. */
export interface ChatMountOptions {
  /** The element the panel goes into, inside the widget's shadow root. */
  container: HTMLElement;
  /** The server, for example https://help.example.com. */
  serverUrl: string;
  queue?: string;
  /** Offer calls from the browser; on unless the page says `data-voice="false"`. */
  voice?: boolean;
  /** Let the visitor offer to share the page; on unless the page says `data-cobrowse="false"`. Agents may always ask. */
  cobrowse?: boolean;
  /** The help bot answers a first question from the knowledge base; off unless the page says `data-bot="true"`. */
  bot?: boolean;
  /** `data-company`: the name an agent's call to the visitor shows. */
  company?: string;
  /** The widget's language, as the loader chose it. */
  locale: AppLocale;
  emit<E extends SwitchboardEventName>(event: E, detail: SwitchboardEvents[E]): void;
  /** Tells the frame the panel wants to close (the close button, Escape). */
  requestClose(): void;
  /** Tells the frame the panel must open (the agent asks to see the page). */
  requestOpen(): void;
  /** Unread agent messages while the panel is closed, for the launcher badge, with the words for them in the widget's language. */
  setUnread(count: number, words?: string): void;
}

export interface ChatHandle {
  setOpen(open: boolean): void;
  setLocale(locale: AppLocale): void;
  identify(fields: IdentifyFields): void;
  send(text: string): void;
  /** Writes `text` into the composer (the visitor sends it). */
  prefill(text: string): void;
  trackEvent(name: string, properties?: EventProperties): void;
  setConversationAttributes(attributes: EventProperties): void;
  /** Closes the connection and removes the panel. */
  destroy(): void;
}
