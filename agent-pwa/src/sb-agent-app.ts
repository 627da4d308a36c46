/** The agent app's shell: checks the sign-in, shows the sign-in form, then the workspace (sb-workspace) of the signed-in agent. */
import { css, html, LitElement, nothing } from 'lit';
import type { ErrorReason } from '../../signaling/protocol/errors.js';
import { ProtocolError } from '../../signaling/protocol/protocol-client.js';
import type { AgentProfile } from '../../signaling/protocol/server-frames.js';
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
  };
  /** The signed-in agent; the workspace is on the page while there is one. */
  declare profile: AgentProfile | undefined;
  /** Set once the server said whether this browser is signed in already. */
  declare checked: boolean;
  declare loginError: ErrorReason | undefined;
  declare loginBusy: boolean;

  constructor() {
    super();
    this.checked = false;
    this.loginBusy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('sb-locale-change', (e) => void this.onLocaleChange(e as CustomEvent<{ locale: string | null }>));
    // Signed out, the browser's languages decide; signed in, the agent's own setting.
    void Promise.all([setAppLocale(undefined), api.me().catch(() => undefined)])
      .then(async ([, profile]) => {
        if (profile?.locale) await setAppLocale(profile.locale);
        this.profile = profile;
      })
      .finally(() => (this.checked = true));
  }

  /** The agent picked a language: saved on their profile (it follows them to every device), shown at once. */
  private async onLocaleChange(e: CustomEvent<{ locale: string | null }>): Promise<void> {
    await setAppLocale(e.detail.locale);
    try {
      this.profile = await api.updateMe({ locale: e.detail.locale });
    } catch {
      // Not saved (offline?): the app still shows the chosen language until the next sign-in.
    }
  }

  private async onLogin(e: CustomEvent<{ email: string; password: string }>): Promise<void> {
    this.loginBusy = true;
    this.loginError = undefined;
    // Asked on this click (browsers want a gesture): calls ring as notifications when the app is in the background.
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => {});
    try {
      const profile = await api.login(e.detail);
      await setAppLocale(profile.locale);
      this.profile = profile;
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
    if (!this.profile) return html`<sb-login-form .error=${this.loginError} ?busy=${this.loginBusy} @sb-login=${this.onLogin}></sb-login-form>`;
    return html`<sb-workspace .profile=${this.profile} @sb-sign-out=${this.onSignOut}></sb-workspace>`;
  }
}
