/**
 * The agent app's shell: checks the sign-in, shows the sign-in form (or an invitation or reset
 * link, or the forced choice of a password), then the workspace (sb-workspace) of the signed-in agent.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { ErrorReason } from '../../signaling/protocol/errors.js';
import { ProtocolError } from '../../signaling/protocol/protocol-client.js';
import type { AgentProfile, SignOutReason } from '../../signaling/protocol/server-frames.js';
import { AccountGateController, renderAccountGate } from './account/account-gate.js';
import { accountLinkIn } from './account/account-link.js';
import { api } from './api-client.js';
import { setAppLocale } from './i18n/app-locale.js';

export class SbAgentApp extends LitElement {
  static override styles = css`
    :host { display: block; height: 100vh; }
  `;
  static override properties = {
    profile: { state: true },
    checked: { state: true },
    loginError: { state: true },
    loginBusy: { state: true },
    signedOut: { state: true },
  };
  /** The signed-in agent; the workspace is on the page while there is one. */
  declare profile: AgentProfile | undefined;
  /** Set once the server said whether this browser is signed in already. */
  declare checked: boolean;
  declare loginError: ErrorReason | undefined;
  declare loginBusy: boolean;
  /** Why the server ended this window's session, for the sign-in form to say. */
  declare signedOut: SignOutReason | undefined;
  private readonly gate = new AccountGateController(this, (profile) => this.signIn(profile));

  constructor() {
    super();
    this.checked = false;
    this.loginBusy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.openAccountLink();
    window.addEventListener('hashchange', this.openAccountLink);
    this.addEventListener('sb-locale-change', (e) => void this.onLocaleChange(e as CustomEvent<{ locale: string | null }>));
    // Signed out, the browser's languages decide; signed in, the agent's own setting.
    void Promise.all([setAppLocale(undefined), api.me().catch(() => undefined)])
      .then(async ([, profile]) => {
        if (profile?.locale) await setAppLocale(profile.locale);
        this.profile = profile;
      })
      .finally(() => (this.checked = true));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.openAccountLink);
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
    if (!this.checked) return nothing;
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
