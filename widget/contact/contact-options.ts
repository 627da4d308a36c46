/**
 * What the widget knows and does about the alternatives to a live chat: whether anybody can
 * answer now, the visitor's booked callbacks, and the forms' progress. No UI; the panel
 * renders `state` and calls the methods.
 */
import type { CallbackRequest, CallbackView, OfflineMessageReceipt, QueueStatus } from '../../signaling/protocol/contact-options.js';
import { newClientId } from '../chat/client-id.js';
import { ContactClient, ContactError } from './contact-client.js';
import { visitorLocale } from '../i18n/widget-language.js';

export type ContactForm = 'message' | 'callback';

export interface ContactState {
  status?: QueueStatus;
  /** Booked and still to come. */
  callbacks: CallbackView[];
  /** The form the visitor chose, if one is open. */
  form?: ContactForm;
  /** What the last message left produced: its reference, and where the answer will go. */
  receipt?: OfflineMessageReceipt & { email: string };
  busy: boolean;
  error?: { reason: ContactError['reason']; fields: string[] };
}

export interface ContactOptionsInit {
  serverUrl: string;
  queue?: string;
  token: () => Promise<string>;
}

/** Why the widget offers alternatives: closed or nobody signed in (`offline`), a long known wait (`wait`), or no agent free in a time anyone can tell (`nobody-soon`). */
export type ContactReason = 'offline' | 'wait' | 'nobody-soon';

/** Nobody can answer a chat now: closed, or no agent available. */
export const isOffline = (status: QueueStatus | undefined): boolean => !!status && (!status.open || status.agentsAvailable === 0);

/** How often an open panel reads the queue's state again. */
const STATUS_EVERY_MS = 5_000;

export class ContactOptions extends EventTarget {
  state: ContactState = { callbacks: [], busy: false };
  private readonly client: ContactClient;
  /** One id per form attempt: a retried submit is the same booking, a new form a new one. */
  private attemptId = newClientId();
  private watching: ReturnType<typeof setInterval> | undefined;

  /** The queue the page asked for, before any topic was chosen. */
  private readonly pageQueue: string | undefined;

  constructor(private readonly init: ContactOptionsInit) {
    super();
    this.pageQueue = init.queue;
    this.client = new ContactClient(init.serverUrl, init.token);
  }

  /** Reads the queue's state and the visitor's callbacks (when the panel opens). */
  async refresh(): Promise<void> {
    const [status, callbacks] = await Promise.all([this.client.queueStatus(this.init.queue).catch(() => this.state.status), this.client.pendingCallbacks().catch(() => this.state.callbacks)]);
    this.update({ ...(status ? { status } : {}), callbacks });
  }

  /**
   * While the panel is open, reads the queue's state again every few seconds, so "Call us" and
   * the alternatives follow agents signing in, taking calls and finishing wrap-up.
   */
  watchStatus(on: boolean): void {
    if (!on) {
      clearInterval(this.watching);
      this.watching = undefined;
      return;
    }
    this.watching ??= setInterval(() => {
      const asked = this.init.queue;
      void this.client.queueStatus(asked).then((status) => this.init.queue === asked && this.update({ status }), () => {});
    }, STATUS_EVERY_MS);
  }

  /**
   * Follows the queue of the topic the visitor chose (or the page's again, with `undefined`): its
   * status decides the alternatives and its pre-chat form. The old queue's form goes at once, so
   * it never shows for the new queue.
   */
  async chooseQueue(queue: string | undefined): Promise<void> {
    this.init.queue = queue ?? this.pageQueue;
    if (this.state.status?.preChatForm) {
      const { preChatForm: _old, ...kept } = this.state.status;
      this.update({ status: kept });
    }
    const asked = this.init.queue;
    const status = await this.client.queueStatus(asked).catch(() => undefined);
    // A later choice may have answered first: only the queue chosen last counts.
    if (status && this.init.queue === asked) this.update({ status });
  }

  open(form: ContactForm | undefined): void {
    this.attemptId = newClientId();
    const { error: _error, ...rest } = this.state;
    this.state = { ...rest, ...(form ? { form } : {}) };
    if (!form) delete this.state.form;
    this.changed();
  }

  async leaveMessage(fields: { name: string; email: string; message: string }): Promise<boolean> {
    return this.submit(async () => {
      const receipt = await this.client.leaveMessage({ id: this.attemptId, ...fields, ...this.context() });
      this.update({ receipt: { ...receipt, email: fields.email } });
    });
  }

  async bookCallback(fields: { phone: string; when: CallbackRequest['when']; name?: string }): Promise<boolean> {
    return this.submit(async () => {
      const booked = await this.client.bookCallback({ id: this.attemptId, phone: fields.phone, when: fields.when, ...(fields.name ? { name: fields.name } : {}), ...this.context() });
      this.update({ callbacks: [...this.state.callbacks.filter((c) => c.id !== booked.id), booked].sort((a, b) => a.dueAt - b.dueAt) });
    });
  }

  async cancelCallback(id: string): Promise<boolean> {
    return this.submit(async () => {
      await this.client.cancelCallback(id);
      this.update({ callbacks: this.state.callbacks.filter((c) => c.id !== id) });
    }, false);
  }

  private context() {
    return {
      ...(this.init.queue ? { queue: this.init.queue } : {}),
      locale: visitorLocale(),
      page: { url: location.href.slice(0, 2048), title: document.title.slice(0, 512) },
    };
  }

  private async submit(work: () => Promise<void>, closesForm = true): Promise<boolean> {
    this.update({ busy: true });
    try {
      await work();
      const { error: _error, form: _form, ...rest } = this.state;
      this.state = closesForm ? { ...rest, busy: false } : { ...this.state, busy: false };
      if (!closesForm) delete this.state.error;
      this.changed();
      return true;
    } catch (error) {
      const e = error instanceof ContactError ? error : new ContactError('internal');
      this.update({ busy: false, error: { reason: e.reason, fields: e.fields } });
      return false;
    }
  }

  private update(patch: Partial<ContactState>): void {
    this.state = { ...this.state, ...patch };
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
