/**
 * The agent app's shell: checks the sign-in, shows the sign-in form (or an invitation or reset
 * link, or the forced choice of a password), then the workspace (sb-workspace) of the signed-in agent.
 * Above them: "offline, reconnecting" when the server cannot be reached, and "Reload to update"
 * when a new version of the app is installed.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { ErrorReason } from '../../signaling/protocol/errors.js';
import { ProtocolError } from '../../signaling/protocol/protocol-client.js';
import type { AgentProfile, SignOutReason } from '../../signaling/protocol/server-frames.js';
import { AccountGateController, renderAccountGate } from './account/account-gate.js';
import { accountLinkIn } from './account/account-link.js';
import { api } from './api-client.js';
import { setAppLocale } from './i18n/app-locale.js';
import { t } from './i18n/en.js';
import { AppStatusController } from './pwa/app-status-controller.js';

export class SbAgentApp extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; height: 100vh; }
    :host > :last-child { flex: 1; min-height: 0; }
    .app-banner { display: flex; align-items: center; justify-content: center; gap: 12px; padding: 8px 12px; background: var(--sb-color-bar); color: var(--sb-color-on-bar); font-size: 14px; }
    .app-banner.offline { background: var(--sb-color-warn-soft-text); }
    .app-banner button { font: inherit; padding: 3px 12px; border-radius: 6px; border: 1px solid var(--sb-color-border-subtle); background: var(--sb-color-surface); color: var(--sb-color-accent-soft-text); cursor: pointer; }
  `;
  static override properties = {
    profile: { state: true },
    checked: { state: true },
    loginError: { state: true },
    loginBusy: { state: true },
    signedOut: { state: true },
    unreachable: { state: true },
  };
  /** The signed-in agent; the workspace is on the page while there is one. */
  declare profile: AgentProfile | undefined;
  /** Set once the server said whether this browser is signed in already. */
  declare checked: boolean;
  declare loginError: ErrorReason | undefined;
  declare loginBusy: boolean;
  /** Why the server ended this window's session, for the sign-in form to say. */
  declare signedOut: SignOutReason | undefined;
  /** Set while the server cannot be reached to check the sign-in (no network): the app says so and retries. */
  declare unreachable: boolean;
  private readonly status = new AppStatusController(this, () => this.checkSignIn());
  private retry: ReturnType<typeof setTimeout> | undefined;
  private readonly gate = new AccountGateController(this, (profile) => this.signIn(profile));

  constructor() {
    super();
    this.checked = false;
    this.loginBusy = false;
    this.unreachable = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.openAccountLink();
    window.addEventListener('hashchange', this.openAccountLink);
    this.addEventListener('sb-locale-change', (e) => void this.onLocaleChange(e as CustomEvent<{ locale: string | null }>));
    void setAppLocale(undefined).then(() => this.checkSignIn());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.openAccountLink);
    clearTimeout(this.retry);
  }

  /**
   * Asks the server who is signed in. Signed out, the browser's languages decide; signed in, the
   * agent's own setting. No answer at all (offline, server down): says so, and asks again when
   * the network comes back or after a while, rather than showing a sign-in form to a signed-in agent.
   */
  private async checkSignIn(): Promise<void> {
    clearTimeout(this.retry);
    try {
      const profile = await api.session().then(
        ({ agent }) => agent ?? undefined,
        (error: unknown) => {
          if (error instanceof ProtocolError) return undefined; // answered, with an error: treat as signed out
          throw error;
        },
      );
      if (profile?.locale) await setAppLocale(profile.locale);
      this.profile = profile;
      this.unreachable = false;
    } catch {
      this.unreachable = true;
      this.retry = setTimeout(() => void this.checkSignIn(), 5000);
    } finally {
      this.checked = true;
    }
  }

  /** An invitation or reset link opened here (also pasted into an open app's address bar). */
  private readonly openAccountLink = (): void => {
    const link = accountLinkIn(location.hash);
    if (link) void this.gate.openLink(link.token);
  };

  /** In the agent's own language from the first screen on (no English flash before it). */
  private async signIn(profile: AgentProfile): Promise<void> {
    await setAppLocale(profile.locale);
    this.profile = profile;
    this.signedOut = undefined;
  }

  /** The agent picked a language: saved on their profile (it follows them to every device), shown at once. */
  private async onLocaleChange(e: CustomEvent<{ locale: string | null }>): Promise<void> {
    await setAppLocale(e.detail.locale);
    try {
      this.profile = await api.updateProfile({ locale: e.detail.locale });
    } catch {
      // Not saved (offline?): the app still shows the chosen language until the next sign-in.
    }
  }

  /** The agent changed their profile (name, language) in Your account. */
  private async onProfile(profile: AgentProfile): Promise<void> {
    if (profile.locale !== this.profile?.locale) await setAppLocale(profile.locale);
    this.profile = profile;
  }

  private async onLogin(e: CustomEvent<{ email: string; password: string }>): Promise<void> {
    this.loginBusy = true;
    this.loginError = undefined;
    // Asked on this click (browsers want a gesture): calls ring as notifications when the app is in the background.
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => {});
    try {
      await this.signIn(await api.login(e.detail));
    } catch (error) {
      this.loginError = error instanceof ProtocolError ? error.reason : 'internal';
    } finally {
      this.loginBusy = false;
    }
  }

  /** Signs out on the server; the workspace leaves the page and closes its session. */
  private async onSignOut(): Promise<void> {
    await api.logout().catch(() => {});
    this.profile = undefined;
    void setAppLocale(undefined);
  }

  override render() {
    return html`${this.renderBanners()}${this.renderScreen()}`;
  }

  private renderBanners() {
    const offline = this.unreachable || !this.status.online;
    return html`${offline ? html`<div class="app-banner offline" role="status">${t('offlineReconnecting')}</div>` : nothing}
      ${this.status.updateReady
        ? html`<div class="app-banner" role="status">${t('updateReady')} <button type="button" @click=${() => this.status.reload()}>${t('reloadToUpdate')}</button></div>`
        : nothing}`;
  }

  private renderScreen() {
    if (!this.checked || (this.unreachable && !this.profile)) return html`<div></div>`;
    const gate = renderAccountGate(this.gate, this.profile, () => void this.onSignOut());
    if (gate) return gate;
    if (!this.profile) return html`<sb-login-form .error=${this.loginError} .notice=${this.signedOut} ?busy=${this.loginBusy} @sb-login=${this.onLogin}></sb-login-form>`;
    return html`<sb-workspace
      .profile=${this.profile}
      @sb-sign-out=${this.onSignOut}
      @sb-signed-out=${(e: CustomEvent<{ reason: SignOutReason }>) => ((this.profile = undefined), (this.signedOut = e.detail.reason))}
      @sb-profile=${(e: CustomEvent<{ profile: AgentProfile }>) => void this.onProfile(e.detail.profile)}
    ></sb-workspace>`;
  }
}
