/** The agent app's shell: sign-in, then the workspace (presence, inbox, conversation) over one AgentSession. */
import { html, LitElement, css, nothing } from 'lit';
import type { CannedReply, CannedReplyInput, TransferTargets } from '../../signaling/protocol/api.js';
import type { ArticleInput } from '../../signaling/protocol/articles.js';
import type { ContactOptionsView, MailRuleView, WebhookEvent } from '../../signaling/protocol/channels.js';
import type { ErrorReason } from '../../signaling/protocol/errors.js';
import type { AgentRoutingInput, QueueCreateInput, QueueMemberInput } from '../../signaling/protocol/admin.js';
import type { CallbackOutcome, Disposition } from '../../signaling/protocol/conversation.js';
import type { AgentStatus, BreakReason } from '../../signaling/protocol/presence.js';
import { ProtocolError } from '../../signaling/protocol/protocol-client.js';
import type { AgentProfile } from '../../signaling/protocol/server-frames.js';
import { AdminController } from './admin/admin-controller.js';
import { AgentCalls } from './call/agent-calls.js';
import { AgentSession } from './agent-session.js';
import { api } from './api-client.js';
import { t } from './i18n/en.js';
import type { SbConversationView } from './sb-conversation-view.js';
import { CustomerController } from './customer/customer-controller.js';
import { SHORTCUTS, shortcutFor, type ShortcutAction } from './keyboard-shortcuts.js';
import { LibraryController } from './library/library-controller.js';
import { IntegrationsController } from './admin/integrations-controller.js';


import './customer/sb-customer-pane.js';
import { sharedStyles } from './shared-styles.js';

type Detail<T> = CustomEvent<T>;
type Tab = 'conversations' | 'library' | 'wallboard' | 'reports' | 'queues' | 'agents' | 'integrations';

export class SbAgentApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; height: 100vh; }
      .workspace { display: grid; grid-template-rows: auto auto 1fr; height: 100%; }
      .topbar { display: flex; align-items: center; gap: 16px; padding: 10px 16px; background: #312e81; color: #fff; }
      .topbar h1 { margin: 0; font-size: 18px; flex: 1; }
      .topbar button { background: transparent; color: #fff; border-color: #818cf8; }
      sb-presence-switch { background: #fff; color: #0f172a; border-radius: 8px; padding: 4px 8px; }
      .banner { padding: 6px 16px; background: #fef3c7; color: #92400e; font-size: 14px; }
      .banner.error { background: #fee2e2; color: #991b1b; }
      .panes { display: grid; grid-template-columns: minmax(240px, 300px) 1fr; min-height: 0; }
      .work { display: grid; grid-template-columns: 1fr minmax(260px, 340px); height: 100%; min-height: 0; }
      .work > * { min-height: 0; }
      .shortcuts { position: relative; font-size: 14px; }
      .shortcuts dl { position: absolute; z-index: 5; right: 0; background: #fff; color: #0f172a; border: 1px solid #cbd5e1; border-radius: 8px; padding: 8px 12px; display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; min-width: 280px; }
      .shortcuts dd { margin: 0; }
      .screen-pop { display: grid; grid-template-rows: auto 1fr; height: 100%; }
      .pop { margin: 12px 16px 0; font-size: 17px; }
      @media (max-width: 900px) { .work { grid-template-columns: 1fr; } .work sb-customer-pane { display: none; } }
      sb-inbox { border-right: 1px solid #e2e8f0; background: #f1f5f9; }
      main { min-height: 0; }
      .empty { display: grid; place-items: center; height: 100%; }
      nav.tabs { display: flex; gap: 4px; }
      nav.tabs button { background: transparent; color: #e0e7ff; border-color: transparent; }
      nav.tabs button[aria-current='page'] { background: #4338ca; color: #fff; }
      .admin { min-height: 0; overflow: auto; }
      .notice { padding: 6px 16px; background: #dcfce7; color: #166534; font-size: 14px; }
    `,
  ];
  static override properties = {
    profile: { state: true },
    checked: { state: true },
    loginError: { state: true },
    loginBusy: { state: true },
    selectedId: { state: true },
    actionError: { state: true },
    cannedReplies: { state: true },
    tick: { state: true },
    tab: { state: true },
    selectedQueueId: { state: true },
    transferTargets: { state: true },
    transferring: { state: true },
  };
  declare profile: AgentProfile | undefined;
  declare checked: boolean;
  declare loginError: ErrorReason | undefined;
  declare loginBusy: boolean;
  declare selectedId: string | undefined;
  declare actionError: ErrorReason | undefined;
  declare cannedReplies: CannedReply[];
  /** Bumped on every session change, so the view re-renders. */
  declare tick: number;
  declare tab: Tab;
  declare selectedQueueId: string | undefined;
  /** Set while the transfer form is open (with the targets once loaded). */
  declare transferring: boolean;
  declare transferTargets: TransferTargets | undefined;
  private session: AgentSession | undefined;
  private readonly admin = new AdminController(this);
  private readonly calls = new AgentCalls(this);
  private readonly integrations = new IntegrationsController(this);
  private readonly library = new LibraryController(this, (replies) => (this.cannedReplies = replies));
  private readonly customer = new CustomerController(this, () => this.session, (error) => (this.actionError = error instanceof ProtocolError ? error.reason : 'internal'));

  constructor() {
    super();
    this.checked = false;
    this.loginBusy = false;
    this.cannedReplies = [];
    this.tick = 0;
    this.tab = 'conversations';
    this.transferring = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On the document: the shortcuts work wherever focus is, also on the page outside this app.
    document.addEventListener('keydown', this.onShortcut);
    api
      .me()
      .then((profile) => this.signedIn(profile))
      .catch(() => {})
      .finally(() => (this.checked = true));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onShortcut);
    this.session?.destroy();
  }

  private signedIn(profile: AgentProfile): void {
    this.profile = profile;
    this.session = new AgentSession();
    this.session.addEventListener('change', () => {
      this.tick++;
      this.calls.offers(this.session!.state.offers);
      this.calls.sync(this.session!.state.calls);
      if (this.selectedId) this.session!.markRead(this.selectedId);
    });
    this.session.start();
    api.cannedReplies().then((r) => (this.cannedReplies = r), () => {});
  }

  private async onLogin(e: Detail<{ email: string; password: string }>): Promise<void> {
    this.loginBusy = true;
    this.loginError = undefined;
    // Asked on this click (browsers want a gesture): calls ring as notifications when the app is in the background.
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => {});
    try {
      this.signedIn(await api.login(e.detail));
    } catch (error) {
      this.loginError = error instanceof ProtocolError ? error.reason : 'internal';
    } finally {
      this.loginBusy = false;
    }
  }

  private async onLogout(): Promise<void> {
    await api.logout().catch(() => {});
    this.session?.destroy();
    this.session = undefined;
    this.profile = undefined;
    this.selectedId = undefined;
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.actionError = undefined;
    try {
      await work();
    } catch (error) {
      this.actionError = error instanceof ProtocolError ? error.reason : 'internal';
    }
  }

  private select(conversationId: string): void {
    if (this.session?.state.monitored) void this.session.stopMonitoring();
    this.selectedId = conversationId;
    this.transferring = false;
    void this.session?.load(conversationId);
    this.session?.markRead(conversationId);
    void this.updateComplete.then(() => this.renderRoot.querySelector<SbConversationView>('sb-conversation-view')?.focusComposer());
  }

  private readonly onShortcut = (event: KeyboardEvent): void => {
    const action = shortcutFor(event);
    if (!action || !this.session) return;
    event.preventDefault();
    this.runShortcut(action);
  };

  private runShortcut(action: ShortcutAction): void {
    const s = this.session!.state;
    this.tab = 'conversations';
    const open = s.conversations.filter((c) => c.status !== 'ended');
    const at = open.findIndex((c) => c.id === this.selectedId);
    switch (action) {
      case 'accept': {
        const offer = s.offers[0];
        if (offer)
          void this.act(async () => {
            await this.session!.accept(offer.conversationId);
            this.select(offer.conversationId);
          });
        return;
      }
      case 'next':
      case 'previous': {
        if (!open.length) return;
        const step = action === 'next' ? 1 : open.length - 1;
        this.select(open[(Math.max(at, action === 'next' ? -1 : 0) + step) % open.length]!.id);
        return;
      }
      case 'reply':
        if (this.selectedId) this.select(this.selectedId);
        return;
      case 'transfer':
        if (this.selectedId) this.openTransfer();
        return;
      case 'end':
        if (this.selectedId && !s.calls[this.selectedId]) void this.act(() => this.session!.end(this.selectedId!));
        return;
    }
  }

  private openTransfer(): void {
    this.transferring = true;
    this.transferTargets = undefined;
    void this.act(async () => {
      this.transferTargets = await api.transferTargets();
    });
  }

  private async transfer(conversationId: string, to: { agentId: string } | { queueId: string }, note?: string): Promise<void> {
    await this.session!.transfer(conversationId, to, note);
    this.transferring = false;
    this.selectedId = undefined;
  }

  private openTab(tab: Tab): void {
    this.tab = tab;
    // Screens most agents rarely open load with their first visit.
    if (tab === 'library') {
      void import('./library/sb-reply-library.js');
      void this.act(() => this.library.load());
    } else if (tab === 'integrations') {
      void import('./admin/sb-integrations.js');
      void this.integrations.load();
    }
    else if (tab !== 'conversations' && tab !== 'wallboard' && this.admin.status === 'idle') void this.admin.load();
  }

  private async onQueueSave(e: Detail<{ id?: string; input: QueueCreateInput; members: QueueMemberInput[] }>): Promise<void> {
    const id = await this.admin.saveQueue(e.detail.id, e.detail.input, e.detail.members);
    if (id) this.selectedQueueId = id;
  }

  private async startMonitoring(conversationId: string): Promise<void> {
    await this.session!.monitor(await api.conversation(conversationId));
    this.selectedId = undefined;
    this.tab = 'conversations';
  }

  private renderTabs() {
    const role = this.profile?.role;
    const tabs: Tab[] = role === 'agent' ? ['conversations', 'library'] : ['conversations', 'library', 'wallboard', 'reports', 'queues', 'agents', ...(role === 'admin' ? (['integrations'] as const) : [])];
    const label = { conversations: t('tabConversations'), library: t('tabLibrary'), wallboard: t('tabWallboard'), reports: t('tabReports'), queues: t('tabQueues'), agents: t('tabAgents'), integrations: t('tabIntegrations') };
    return html`<nav class="tabs" aria-label=${t('appTitle')}>
      ${tabs.map((tab) => html`<button type="button" aria-current=${this.tab === tab ? 'page' : 'false'} @click=${() => this.openTab(tab)}>${label[tab]}</button>`)}
    </nav>`;
  }

  private renderAdmin() {
    const busy = this.admin.status === 'saving' || this.admin.status === 'loading';
    const readOnly = this.profile?.role !== 'admin';
    return html`<div class="admin">
      ${this.admin.error ? html`<div class="banner error" role="alert">${t('errorInvalidSettings', { details: this.admin.error })}</div>` : nothing}
      ${this.admin.savedAt && !this.admin.error ? html`<div class="notice" role="status">${t('saved')}</div>` : nothing}
      ${this.tab === 'queues'
        ? html`<sb-admin-queues
            .queues=${this.admin.queues}
            .agents=${this.admin.agents}
            .selectedId=${this.selectedQueueId ?? this.admin.queues[0]?.id}
            ?busy=${busy || readOnly}
            @sb-queue-select=${(e: Detail<{ id?: string }>) => (this.selectedQueueId = e.detail.id ?? '')}
            @sb-queue-save=${this.onQueueSave}
            @sb-queue-invalid=${(e: Detail<{ message: string }>) => this.admin.reject(e.detail.message)}
          ></sb-admin-queues>`
        : html`<sb-agent-routing
            .agents=${this.admin.agents}
            ?busy=${busy || readOnly}
            @sb-agent-save=${(e: Detail<{ id: string; input: AgentRoutingInput }>) => this.admin.saveAgent(e.detail.id, e.detail.input)}
            @sb-agent-invalid=${(e: Detail<{ message: string }>) => this.admin.reject(e.detail.message)}
          ></sb-agent-routing>`}
    </div>`;
  }

  protected override willUpdate(): void {
    // The customer on screen: the selected conversation's, else the first offer's (screen pop).
    const s = this.session?.state;
    const onScreen = s && this.tab === 'conversations';
    const selected = onScreen ? s.conversations.find((c) => c.id === this.selectedId) : undefined;
    const offer = onScreen && !s.monitored ? this.screenPop(selected) : undefined;
    const shown = onScreen && !offer ? (s.monitored ?? selected) : undefined;
    this.customer.show(shown?.id ?? offer?.conversationId, shown ? shown.lastSeq : `offer:${offer?.preview ?? ''}`);
  }

  override render() {
    if (!this.checked) return nothing;
    if (!this.profile || !this.session) {
      return html`<sb-login-form .error=${this.loginError} ?busy=${this.loginBusy} @sb-login=${this.onLogin}></sb-login-form>`;
    }
    const s = this.session.state;
    const selected = s.conversations.find((c) => c.id === this.selectedId);
    const unread = Object.fromEntries(s.conversations.map((c) => [c.id, c.id === this.selectedId ? 0 : this.session!.unreadCount(c.id)]));
    return html`<div class="workspace">
      <div class="topbar">
        <h1>${t('appTitle')}</h1>
        ${this.renderTabs()}
        <details class="shortcuts">
          <summary>${t('shortcutsTitle')}</summary>
          <dl>${SHORTCUTS.map((sc) => html`<dt><kbd>${sc.keys}</kbd></dt><dd>${t(`shortcut_${sc.action}`)}</dd>`)}<dt><kbd>/</kbd></dt><dd>${t('shortcut_canned')}</dd></dl>
        </details>
        <span>${this.profile.name}</span>
        <sb-presence-switch
          .status=${s.status}
          .breakReason=${s.breakReason}
          @sb-presence-change=${(e: Detail<{ status: AgentStatus; reason?: Exclude<BreakReason, 'no-answer'> }>) => this.act(() => this.session!.setStatus(e.detail.status, e.detail.reason))}
        ></sb-presence-switch>
        <button type="button" @click=${this.onLogout}>${t('signOut')}</button>
      </div>
      <div>
        ${s.connection !== 'open'
          ? html`<div class="banner" role="status">${t(s.connection === 'closed' ? 'connectionClosed' : s.connection === 'reconnecting' ? 'connectionReconnecting' : 'connectionConnecting')}</div>`
          : nothing}
        ${this.actionError
          ? html`<div class="banner error" role="alert">${t(this.actionError === 'offer-unavailable' ? 'errorOfferUnavailable' : this.actionError === 'invalid-input' && s.wrapUp ? 'errorDispositionRequired' : 'errorGeneric')}</div>`
          : nothing}
        ${s.status === 'away' && s.breakReason === 'no-answer' ? html`<div class="banner" role="alert">${t('pausedNotice')}</div>` : nothing}
        ${this.calls.microphoneDenied ? html`<div class="banner error" role="alert">${t('microphoneDenied')}</div>` : nothing}
        ${this.calls.recordingFailed ? html`<div class="banner error" role="alert">${t('recordingFailed')}</div>` : nothing}
        ${s.wrapUp
          ? html`<sb-wrap-up-panel
              .until=${s.wrapUp.until}
              ?dispositionRequired=${s.wrapUp.dispositionRequired}
              @sb-wrap-up-done=${(e: Detail<{ disposition?: Disposition }>) => this.act(() => this.session!.wrapUpDone(e.detail.disposition))}
            ></sb-wrap-up-panel>`
          : nothing}
      </div>
      ${this.tab === 'conversations'
        ? this.renderConversations(s, selected, unread)
        : this.tab === 'wallboard'
          ? html`<sb-wallboard
              class="admin"
              .wallboard=${s.wallboard}
              @sb-force-presence=${(e: Detail<{ agentId: string; status: string; reason?: string }>) => this.act(() => api.forcePresence(e.detail.agentId, e.detail.status, e.detail.reason))}
              @sb-monitor=${(e: Detail<{ conversationId: string }>) => this.act(() => this.startMonitoring(e.detail.conversationId))}
            ></sb-wallboard>`
          : this.tab === 'reports'
            ? html`<sb-reports class="admin" .queues=${this.admin.queues.map((q) => ({ id: q.id, name: q.name }))}></sb-reports>`
            : this.tab === 'integrations'
              ? html`<sb-integrations
                  class="admin"
                  .channels=${this.integrations.channels}
                  .webhooks=${this.integrations.webhooks}
                  .rules=${this.integrations.rules}
                  .queues=${this.integrations.queues}
                  .contactOptions=${this.integrations.contactOptions}
                  .error=${this.integrations.error}
                  @sb-contact-options=${(e: Detail<{ queueId: string; options: ContactOptionsView }>) => void this.integrations.setContactOptions(e.detail.queueId, e.detail.options)}
                  @sb-channel-create=${(e: Detail<{ name: string; queue: string; outboundUrl?: string }>) => void this.integrations.createChannel(e.detail)}
                  @sb-channel-remove=${(e: Detail<{ id: string }>) => void this.integrations.removeChannel(e.detail.id)}
                  @sb-webhook-create=${(e: Detail<{ url: string; events: WebhookEvent[] }>) => void this.integrations.createWebhook(e.detail)}
                  @sb-webhook-remove=${(e: Detail<{ id: string }>) => void this.integrations.removeWebhook(e.detail.id)}
                  @sb-mail-rules=${(e: Detail<{ rules: MailRuleView[] }>) => void this.integrations.setRules(e.detail.rules)}
                ></sb-integrations>`
            : this.tab === 'library'
              ? html`<sb-reply-library
                  class="admin"
                  .replies=${this.library.replies}
                  .articles=${this.library.articles}
                  .error=${this.library.error}
                  ?canEditTeam=${this.profile?.role !== 'agent'}
                  @sb-reply-save=${(e: Detail<{ id?: string; input: CannedReplyInput }>) => void this.library.saveReply(e.detail.id, e.detail.input)}
                  @sb-reply-remove=${(e: Detail<{ id: string }>) => void this.library.removeReply(e.detail.id)}
                  @sb-article-save=${(e: Detail<{ id?: string; input: ArticleInput }>) => void this.library.saveArticle(e.detail.id, e.detail.input)}
                  @sb-article-remove=${(e: Detail<{ id: string }>) => void this.library.removeArticle(e.detail.id)}
                ></sb-reply-library>`
              : this.renderAdmin()}
    </div>`;
  }

  /** The offer whose customer pops up: the first one, unless the agent is working an open conversation. */
  private screenPop(selected: AgentSession['state']['conversations'][number] | undefined) {
    const offer = this.session?.state.offers[0];
    return offer && (!selected || selected.status === 'ended') ? offer : undefined;
  }

  /** The customer pane of the selected conversation, or (read-only) of the first offer: the screen pop. */
  private renderCustomer(conversationId: string, readOnly: boolean) {
    const c = this.customer;
    const s = this.session!.state;
    return html`<sb-customer-pane
      ?readOnly=${readOnly}
      .conversationId=${conversationId}
      .profile=${c.profile}
      .timeline=${c.timeline}
      .searchResults=${c.searchResults}
      .viewers=${(c.customerId && s.viewers[c.customerId]) || []}
      .selfId=${s.agent?.id ?? ''}
      @sb-customer-timeline=${(e: Detail<{ open: boolean }>) => this.act(() => c.toggleTimeline(e.detail.open))}
      @sb-customer-search=${(e: Detail<{ q: string }>) => this.act(() => c.search(e.detail.q))}
      @sb-customer-merge=${(e: Detail<{ customerId: string }>) => this.act(() => c.merge(e.detail.customerId))}
      @sb-customer-split=${(e: Detail<{ visitorId: string }>) => this.act(() => c.split(e.detail.visitorId))}
      @sb-customer-link-match=${(e: Detail<{ matchId: string }>) => this.act(() => c.linkMatch(e.detail.matchId))}
      @sb-customer-dismiss-match=${(e: Detail<{ matchId: string }>) => this.act(() => c.dismissMatch(e.detail.matchId))}
      @sb-customer-tags=${(e: Detail<{ tags: string[] }>) => this.act(() => c.setTags(e.detail.tags))}
      @sb-customer-note=${(e: Detail<{ text: string }>) => this.act(() => c.addNote(e.detail.text))}
    ></sb-customer-pane>`;
  }

  private renderConversations(s: AgentSession['state'], selected: AgentSession['state']['conversations'][number] | undefined, unread: Record<string, number>) {
    return html`<div class="panes">
        <sb-inbox
          .offers=${s.offers}
          .conversations=${s.conversations}
          .selectedId=${this.selectedId}
          .unread=${unread}
          @sb-accept=${(e: Detail<{ conversationId: string }>) =>
            this.act(async () => {
              await this.session!.accept(e.detail.conversationId);
              this.select(e.detail.conversationId);
            })}
          @sb-decline=${(e: Detail<{ conversationId: string }>) => this.act(() => this.session!.decline(e.detail.conversationId))}
          @sb-select=${(e: Detail<{ conversationId: string }>) => this.select(e.detail.conversationId)}
        ></sb-inbox>
        <main>
          ${s.monitored
            ? html`<div class="work"><sb-conversation-view
                monitoring
                .conversation=${s.monitored}
                .events=${s.events[s.monitored.id] ?? []}
                .notes=${s.notes[s.monitored.id] ?? []}
                ?visitorTyping=${s.visitorTyping[s.monitored.id] ?? false}
                @sb-whisper=${(e: Detail<{ text: string }>) => this.act(() => this.session!.whisper(s.monitored!.id, e.detail.text))}
                @sb-barge=${() => this.act(async () => {
                  const id = s.monitored!.id;
                  await this.session!.barge(id);
                  this.select(id);
                })}
                @sb-stop-monitoring=${() => this.act(() => this.session!.stopMonitoring())}
              ></sb-conversation-view>${this.renderCustomer(s.monitored.id, true)}</div>`
            : this.screenPop(selected)
              ? html`<div class="screen-pop"><h2 class="pop">${t('screenPopHeading', { name: s.offers[0]!.visitor.name ?? s.offers[0]!.visitor.email ?? t('visitorWord') })}</h2>${this.renderCustomer(s.offers[0]!.conversationId, true)}</div>`
            : selected
            ? html`<div class="work"><sb-conversation-view
                .conversation=${selected}
                .events=${s.events[selected.id] ?? []}
                .pending=${s.pending[selected.id] ?? []}
                ?visitorTyping=${s.visitorTyping[selected.id] ?? false}
                .cannedReplies=${this.cannedReplies}
                .notes=${s.notes[selected.id] ?? []}
                .call=${s.calls[selected.id]}
                .cobrowse=${s.cobrowse[selected.id]}
                .agentName=${s.agent?.name ?? ''}
                .suggestions=${this.customer.suggestions}
                @sb-cobrowse-request=${() => this.act(() => this.session!.requestCobrowse(selected.id))}
                @sb-cobrowse-stop=${() => this.act(() => this.session!.stopCobrowse(selected.id))}
                @sb-cobrowse-gone=${() => this.session!.forgetCobrowse(selected.id)}
                @sb-cobrowse-control-request=${() => this.act(() => this.session!.requestCobrowseControl(selected.id))}
                .media=${this.calls.media[selected.id]}
                ?transferring=${this.transferring}
                .transferTargets=${this.transferTargets}
                .recordingSince=${this.calls.recordingSince(selected.id)}
                @sb-call-record=${(e: Detail<{ recording: boolean }>) => this.calls.setRecording(selected.id, e.detail.recording)}
                @sb-call-mute=${(e: Detail<{ muted: boolean }>) => this.calls.setMuted(selected.id, e.detail.muted)}
                @sb-call-hold=${(e: Detail<{ held: boolean }>) => this.act(() => this.session!.hold(selected.id, e.detail.held))}
                @sb-call-hangup=${() => this.act(() => this.session!.end(selected.id))}
                @sb-transfer-open=${() => (this.transferring ? (this.transferring = false) : this.openTransfer())}
                @sb-transfer-cancel=${() => (this.transferring = false)}
                @sb-transfer=${(e: Detail<{ to: { agentId: string } | { queueId: string }; note?: string }>) => this.act(() => this.transfer(selected.id, e.detail.to, e.detail.note))}
                @sb-reply=${(e: Detail<{ text: string }>) => this.act(() => this.session!.reply(selected.id, e.detail.text))}
                @sb-callback-outcome=${(e: Detail<{ outcome: CallbackOutcome; retryAt?: number }>) => this.act(async () => void (await api.callbackOutcome(selected.id, e.detail.outcome, e.detail.retryAt)))}
                @sb-typing=${(e: Detail<{ isTyping: boolean }>) => this.session!.typing(selected.id, e.detail.isTyping)}
                @sb-end=${() => this.act(() => this.session!.end(selected.id))}
              ></sb-conversation-view>${this.renderCustomer(selected.id, false)}</div>`
            : html`<div class="empty muted">${t('selectPrompt')}</div>`}
        </main>
      </div>`;
  }
}
