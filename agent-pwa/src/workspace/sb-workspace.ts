/**
 * The signed-in agent's workspace over one AgentSession: the top bar (tabs, shortcuts, presence,
 * sign-out), the banners, and the open tab. The session opens when the workspace is put on the
 * page and closes when it leaves; the workspace follows it through a SessionController.
 */
import { html, LitElement, nothing } from 'lit';
import type { CannedReply, TransferTargets } from '../../../signaling/protocol/api.js';
import type { VoiceClip } from '../../../signaling/protocol/voice-clips.js';
import type { Disposition } from '../../../signaling/protocol/conversation.js';
import type { ErrorReason } from '../../../signaling/protocol/errors.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import type { AgentProfile } from '../../../signaling/protocol/server-frames.js';
import { assertNever } from '../../../ui/assert-never.js';
import { SessionController } from '../../../ui/controllers/session-controller.js';
import { AccountController } from '../account/account-controller.js';
import { AdminController } from '../admin/admin-controller.js';
import { IntegrationsController } from '../admin/integrations-controller.js';
import { PrivacyController } from '../admin/privacy-controller.js';
import { AgentSession } from '../agent-session.js';
import type { AgentState } from '../agent-state.js';
import { api } from '../api-client.js';
import { AgentCalls } from '../call/agent-calls.js';
import { CustomerController } from '../customer/customer-controller.js';
import '../customer/sb-customer-pane.js';
import { t } from '../i18n/en.js';
import { LibraryController } from '../library/library-controller.js';
import { QualityController } from '../quality/quality-controller.js';
import { OfferAlertsController } from '../offers/offer-alerts-controller.js';
import { OfferOpenController } from '../offers/offer-open-controller.js';
import type { SbInbox } from '../sb-inbox.js';
import type { SbConversationView } from '../sb-conversation-view.js';
import { TeamController } from '../team/team-controller.js';
import { renderAccountTab } from './account-tab.js';
import { renderIntegrationsTab, renderInvitationsTab, renderPrivacyTab, renderRoutingTab } from './admin-tabs.js';
import { renderConversationsTab, type ConversationsTabHost } from './conversations-tab.js';
import { customerOnScreen } from './customer-on-screen.js';
import { renderLibraryTab } from './library-tab.js';
import { renderQualityTab } from './quality-tab.js';
import { ShortcutsController, type ShortcutsHost } from './shortcuts-controller.js';
import { renderReportsTab, renderReviewTab, renderWallboardTab } from './supervisor-tabs.js';
import { ReviewController } from '../review/review-controller.js';
import { tabsFor, type Tab } from './tabs.js';
import { renderTopbar } from './topbar.js';
import { TopbarController } from './topbar-controller.js';
import { renderTeamTab } from './team-tab.js';
import { workspaceStyles } from './workspace-styles.js';

type Detail<T> = CustomEvent<T>;
type TransferTo = { agentId: string } | { queueId: string };

const reasonOf = (error: unknown): ErrorReason => (error instanceof ProtocolError ? error.reason : 'internal');

/**
 * @fires sb-sign-out - the agent pressed Sign out (the app ends the sign-in).
 * @fires sb-signed-out - `{ reason }`: the server ended this window's session (deactivated, new role, new password, signed out elsewhere).
 * @fires sb-profile - `{ profile }`: the agent changed their own name, language, notifications or password.
 */
export class SbWorkspace extends LitElement implements ConversationsTabHost, ShortcutsHost {
  static override styles = workspaceStyles;
  static override properties = {
    profile: { attribute: false },
    selectedId: { state: true },
    actionError: { state: true },
    cannedReplies: { state: true },
    voiceClips: { state: true },
    tab: { state: true },
    selectedQueueId: { state: true },
    transferTargets: { state: true },
    transferring: { state: true },
    escalating: { state: true },
    escalationRefused: { state: true },
  };
  /** The signed-in agent. */
  declare profile: AgentProfile;
  declare selectedId: string | undefined;
  declare actionError: ErrorReason | undefined;
  declare cannedReplies: CannedReply[];
  /** The team's voice replies, played into calls from the list or with Alt+1…Alt+9. */
  declare voiceClips: VoiceClip[];
  declare tab: Tab;
  declare selectedQueueId: string | undefined;
  /** Set while the transfer form is open (with the targets once loaded). */
  declare transferring: boolean;
  declare escalating: boolean;
  declare escalationRefused: boolean;
  declare transferTargets: TransferTargets | undefined;
  private readonly agent = new SessionController<AgentSession>(this, { onChange: (session) => this.sessionChanged(session) });
  private readonly admin = new AdminController(this);
  readonly calls = new AgentCalls(this);
  readonly alerts = new OfferAlertsController(this);
  private readonly offerOpen = new OfferOpenController(this, {
    show: (conversationId) => {
      this.showConversations();
      void this.updateComplete.then(() => this.renderRoot.querySelector<SbInbox>('sb-inbox')?.focusOffer(conversationId));
    },
    accept: (conversationId) => {
      this.showConversations();
      void this.act(async () => {
        await this.session.accept(conversationId);
        this.select(conversationId);
      });
    },
  });
  private readonly integrations = new IntegrationsController(this);
  private readonly privacy = new PrivacyController(this);
  private readonly library = new LibraryController(
    this,
    (replies) => (this.cannedReplies = replies),
    (clips) => (this.voiceClips = clips),
  );
  private readonly quality = new QualityController(this);
  readonly customer = new CustomerController(this, () => this.agent.value, (error) => (this.actionError = reasonOf(error)));
  private readonly shortcuts = new ShortcutsController(this);
  private readonly team = new TeamController(this);
  private readonly review = new ReviewController(this);
  private readonly topbar = new TopbarController(this, () => this.renderRoot.querySelector<HTMLElement>('.topbar'));
  private readonly account = new AccountController(this, (profile) => this.fire('sb-profile', { profile }));

  constructor() {
    super();
    this.cannedReplies = [];
    this.voiceClips = [];
    this.tab = 'conversations';
    this.transferring = false;
    this.escalating = false;
    this.escalationRefused = false;
  }

  /** The agent's session: there is one while the workspace is on the page. */
  get session(): AgentSession {
    return this.agent.value!;
  }

  get currentSession(): AgentSession | undefined {
    return this.agent.value;
  }

  /** Alt+`slot`: plays that voice reply into the call shown (or the only one); whether there was one to play. */
  playVoiceSlot(slot: number): boolean {
    const conversationId = this.calls.liveCall(this.selectedId);
    const clip = this.voiceClips.find((c) => c.slot === slot);
    if (!conversationId || !clip) return false;
    void this.calls.playClip(conversationId, clip);
    return true;
  }

  showConversations(): void {
    this.tab = 'conversations';
  }

  protected override shouldUpdate(): boolean {
    // A call just answered is exchanging its offer and answer: redrawing now would delay the audio.
    return !this.calls.redrawHeld;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const session = new AgentSession();
    this.agent.value = session;
    session.start();
    api.cannedReplies().then((r) => (this.cannedReplies = r), () => {});
    api.voiceClips().then((c) => (this.voiceClips = c), () => {});
    // The installed app's shortcuts open a tab (`/agent/?tab=wallboard`), where the agent's role has it.
    const asked = new URLSearchParams(location.search).get('tab');
    const tab = tabsFor(this.profile?.role).find((known) => known === asked);
    if (tab && tab !== this.tab) this.openTab(tab);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.agent.value?.destroy();
    this.agent.value = undefined;
  }

  /** What follows the session besides the view: the calls' media, and read marks on the open conversation. */
  private sessionChanged(session: AgentSession): void {
    this.alerts.update({ agentId: session.state.agent?.id, offers: session.state.offers, conversations: session.state.conversations });
    this.offerOpen.offers(session.state.offers);
    this.calls.sync(session.state.calls);
    this.calls.offers(session.state.offers);
    if (this.tab === 'review') this.review.follow(session.state.heldReplies);
    if (this.selectedId) session.markRead(this.selectedId);
    if (session.state.signedOut) this.fire('sb-signed-out', { reason: session.state.signedOut });
  }

  private fire(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  async act(work: () => Promise<void>): Promise<void> {
    this.actionError = undefined;
    try {
      await work();
    } catch (error) {
      this.actionError = reasonOf(error);
    }
  }

  select(conversationId: string): void {
    const session = this.agent.value;
    if (session?.state.monitored) void session.stopMonitoring();
    this.selectedId = conversationId;
    this.transferring = false;
    this.escalating = false;
    void session?.load(conversationId);
    session?.markRead(conversationId);
    void this.updateComplete.then(() => this.renderRoot.querySelector<SbConversationView>('sb-conversation-view')?.focusComposer());
  }

  toggleTransfer(): void {
    if (this.transferring) this.closeTransfer();
    else this.openTransfer();
  }

  closeTransfer(): void {
    this.transferring = false;
  }

  async transfer(conversationId: string, to: TransferTo, note?: string): Promise<void> {
    await this.session.transfer(conversationId, to, note);
    this.transferring = false;
    this.selectedId = undefined;
  }

  toggleEscalate(): void {
    this.escalating = !this.escalating;
    this.escalationRefused = false;
    if (this.escalating) this.transferring = false;
  }

  /** Escalates to the next tier; the conversation leaves this agent, as after a transfer. */
  async escalate(conversationId: string, reason: string): Promise<void> {
    try {
      await api.escalate(conversationId, reason);
    } catch (error) {
      // Past the last tier the form says so where the agent is looking, and nothing changed.
      if (error instanceof ProtocolError && error.reason === 'invalid-input') return void (this.escalationRefused = true);
      throw error;
    }
    this.escalationRefused = false;
    this.escalating = false;
    this.selectedId = undefined;
  }

  openTransfer(): void {
    this.escalating = false;
    this.transferring = true;
    this.transferTargets = undefined;
    void this.act(async () => {
      this.transferTargets = await api.transferTargets();
    });
  }

  private openTab(tab: Tab): void {
    if (tab !== this.tab) this.admin.dismiss();
    this.tab = tab;
    // Screens most agents rarely open load with their first visit.
    if (tab === 'library') {
      void import('../library/sb-reply-library.js');
      void import('../library/sb-voice-clips.js');
      void this.act(() => this.library.load());
    } else if (tab === 'integrations') {
      void import('../admin/sb-integrations.js');
      void this.integrations.load();
    } else if (tab === 'quality') {
      void import('../quality/sb-quality.js');
      if (this.profile) void this.quality.load(this.profile.role);
    } else if (tab === 'invitations') {
      void import('../admin/sb-invitations.js');
      void import('../admin/sb-topic-menu-editor.js');
      void import('../admin/sb-file-policy-editor.js');
      if (this.admin.status === 'idle') void this.admin.load();
    } else if (tab === 'privacy') {
      void import('../admin/sb-privacy.js');
      void this.privacy.load();
    } else if (tab === 'review') void this.review.load();
    else if (tab === 'team') void this.team.load();
    else if (tab === 'account') void this.account.load();
    else if (tab !== 'conversations' && tab !== 'wallboard' && this.admin.status === 'idle') void this.admin.load();
  }

  private async startMonitoring(conversationId: string): Promise<void> {
    await this.session.monitor(await api.conversation(conversationId));
    this.selectedId = undefined;
    this.tab = 'conversations';
  }

  protected override willUpdate(): void {
    const s = this.agent.value?.state;
    const shown = s && this.tab === 'conversations' ? customerOnScreen(s, this.selectedId) : { conversationId: undefined, version: 'offer:' };
    this.customer.show(shown.conversationId, shown.version);
  }

  override render() {
    const s = this.agent.value?.state;
    if (!s) return nothing;
    // The Conversations tab holds its own <main> beside the inbox; every other tab is the page's main content.
    const tab = this.tab === 'conversations' ? this.renderTab(s) : html`<main class="tab">${this.renderTab(s)}</main>`;
    return html`<div class="workspace">${this.renderTopbar(s)}${this.renderBanners(s)}${tab}</div>
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true">${this.alerts.announcement}</div>`;
  }

  private renderTopbar(s: AgentState) {
    return renderTopbar({
      profile: this.profile,
      state: s,
      tab: this.tab,
      topbar: this.topbar,
      openTab: (tab) => this.openTab(tab),
      setStatus: (status, reason) => void this.act(() => this.session.setStatus(status, reason)),
      signOut: () => this.dispatchEvent(new CustomEvent('sb-sign-out', { bubbles: true, composed: true })),
    });
  }

  private renderBanners(s: AgentState) {
    return html`<div>
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
            @sb-wrap-up-done=${(e: Detail<{ disposition?: Disposition }>) => this.act(() => this.session.wrapUpDone(e.detail.disposition))}
          ></sb-wrap-up-panel>`
        : nothing}
    </div>`;
  }

  private renderTab(s: AgentState) {
    switch (this.tab) {
      case 'conversations':
        return renderConversationsTab(this);
      case 'library':
        return renderLibraryTab(this.library, this.profile.role !== 'agent');
      case 'quality':
        return renderQualityTab(this.quality, this.profile.role);
      case 'wallboard':
        return renderWallboardTab(s.wallboard, {
          forcePresence: (agentId, status, reason) => void this.act(() => api.forcePresence(agentId, status, reason)),
          monitor: (conversationId) => void this.act(() => this.startMonitoring(conversationId)),
        });
      case 'reports':
        return renderReportsTab(this.admin);
      case 'review':
        return renderReviewTab(this.review);
      case 'queues':
      case 'agents':
        return renderRoutingTab(this.admin, {
          tab: this.tab,
          readOnly: this.profile.role !== 'admin',
          selectedQueueId: this.selectedQueueId,
          selectQueue: (id) => (this.selectedQueueId = id),
        });
      case 'integrations':
        return renderIntegrationsTab(this.integrations);
      case 'invitations':
        return renderInvitationsTab(this.admin);
      case 'privacy':
        return renderPrivacyTab(this.privacy);
      case 'team':
        return renderTeamTab(this.team, this.profile.id);
      case 'account':
        return renderAccountTab(this.account, this.profile, this.alerts);
      default:
        return assertNever(this.tab);
    }
  }
}
