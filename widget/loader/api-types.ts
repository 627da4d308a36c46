/** The public `window.Switchboard` API, as documented in the README. */
import type { AppLocale } from '../../ui/i18n/locales.js';

export type SwitchboardEventName = 'ready' | 'open' | 'close' | 'message' | 'agent-joined' | 'conversation-ended';

/** Payloads of the public events. */
export interface SwitchboardEvents {
  ready: Record<string, never>;
  open: Record<string, never>;
  close: Record<string, never>;
  message: { conversationId: string; seq: number; text: string; from: 'visitor' | 'agent'; name?: string };
  'agent-joined': { conversationId: string; name: string };
  'conversation-ended': { conversationId: string; by: 'visitor' | 'agent' | 'system' };
}

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
  identify(fields: IdentifyFields): void;
  send(text: string): void;
  /**
   * Switches the widget's language at once (`'fr'`, `'es-MX'`…); a language without a catalogue shows English.
   * @example Switchboard.setLocale('da');
   */
  setLocale(locale: string): void;
  on<E extends SwitchboardEventName>(event: E, handler: (detail: SwitchboardEvents[E]) => void): void;
  off<E extends SwitchboardEventName>(event: E, handler: (detail: SwitchboardEvents[E]) => void): void;
}

/** What the chat chunk receives from the loader, and what it gives back. */
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
  /** The widget's language, as the loader chose it. */
  locale: AppLocale;
  emit<E extends SwitchboardEventName>(event: E, detail: SwitchboardEvents[E]): void;
  /** Tells the loader the panel wants to close (the close button, Escape). */
  requestClose(): void;
  /** Tells the loader the panel must open (the agent asks to see the page). */
  requestOpen(): void;
  /** Unread agent messages while the panel is closed, for the launcher badge, with the words for them in the widget's language. */
  setUnread(count: number, words?: string): void;
}

export interface ChatHandle {
  setOpen(open: boolean): void;
  setLocale(locale: AppLocale): void;
  identify(fields: IdentifyFields): void;
  send(text: string): void;
}
