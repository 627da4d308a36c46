/**
 * Loads the customer of the conversation (or offer) on screen and keeps the server told that
 * this window shows them, so other agents see "also viewing". Reloads after the agent changes
 * something, and when the conversation's timeline grows (a new contact, a transfer).
 */
import type { ReactiveControllerHost } from 'lit';
import type { Suggestions } from '../../../signaling/protocol/articles.js';
import type { CustomerProfile, CustomerTimeline } from '../../../signaling/protocol/customers.js';
import type { AgentSession } from '../agent-session.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';

export class CustomerController extends ScreenController {
  profile: CustomerProfile | undefined;
  timeline: CustomerTimeline | undefined;
  searchResults: { id: string; name?: string; email?: string; phone?: string }[] | undefined;
  /** Replies and articles that fit the customer's last message. */
  suggestions: Suggestions | undefined;
  private conversationId: string | undefined;
  /** What the shown profile was loaded at (a conversation's last seq, an offer's preview): a change reloads it. */
  private loadedAt: string | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly session: () => AgentSession | undefined,
    private readonly onError: (error: unknown) => void,
  ) {
    super(host);
  }

  /** Shows the customer of `conversationId` (undefined: none); a new `version` (the timeline grew, the offer's preview changed) reloads it. */
  show(conversationId: string | undefined, version: string | number = 0): void {
    if (conversationId === this.conversationId) {
      if (conversationId && String(version) !== this.loadedAt) void this.load(String(version));
      return;
    }
    const session = this.session();
    if (this.conversationId) void session?.viewCustomer(this.conversationId, false).catch(() => {});
    this.conversationId = conversationId;
    this.profile = undefined;
    this.timeline = undefined;
    this.searchResults = undefined;
    this.suggestions = undefined;
    this.loadedAt = undefined;
    this.changed();
    if (!conversationId) return;
    void session?.viewCustomer(conversationId, true).catch(() => {});
    void this.load(String(version));
  }

  get customerId(): string | undefined {
    return this.profile?.id;
  }

  async toggleTimeline(open: boolean): Promise<void> {
    this.timeline = open && this.conversationId ? await api.customerTimeline(this.conversationId) : undefined;
    this.changed();
  }

  async search(q: string): Promise<void> {
    this.searchResults = await api.searchCustomers(q);
    this.changed();
  }

  async merge(customerId: string): Promise<void> {
    if (!this.conversationId) return;
    this.profile = await api.mergeCustomer(this.conversationId, customerId);
    this.searchResults = undefined;
    this.changed();
  }

  /** Links a possible match (the server audits it); the answer is the customer with their whole history. */
  async linkMatch(matchId: string): Promise<void> {
    if (!this.conversationId) return;
    this.profile = await api.linkCustomerMatch(this.conversationId, matchId);
    this.changed();
  }

  async dismissMatch(matchId: string): Promise<void> {
    if (!this.conversationId) return;
    this.profile = await api.dismissCustomerMatch(this.conversationId, matchId);
    this.changed();
  }

  async split(visitorId: string): Promise<void> {
    if (!this.conversationId) return;
    this.profile = await api.splitCustomer(this.conversationId, visitorId);
    this.changed();
  }

  async setTags(tags: string[]): Promise<void> {
    if (!this.conversationId) return;
    await api.setTags(this.conversationId, tags);
    await this.load(this.loadedAt ?? '');
  }

  async addNote(text: string): Promise<void> {
    if (!this.conversationId) return;
    await this.session()?.addNote(this.conversationId, text);
    await this.load(this.loadedAt ?? '');
  }

  override hostDisconnected(): void {
    this.show(undefined);
    super.hostDisconnected();
  }

  private async load(version: string): Promise<void> {
    const id = this.conversationId;
    if (!id) return;
    this.loadedAt = version;
    try {
      const [profile, suggestions] = await Promise.all([api.customer(id), api.suggestions(id)]);
      if (id !== this.conversationId) return;
      this.profile = profile;
      this.suggestions = suggestions;
      this.changed();
    } catch (error) {
      this.onError(error);
    }
  }
}
