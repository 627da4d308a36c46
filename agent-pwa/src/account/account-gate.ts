/**
 * What stands between a person and the workspace besides the sign-in form: an invitation or
 * reset link to accept, and an initial or temporary password to replace. The shell asks
 * `renderAccountGate` first; while it returns a screen, the workspace waits.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LinkInfo } from '../../../signaling/protocol/team.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import type { AgentProfile } from '../../../signaling/protocol/server-frames.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';
import { forgetAccountLink } from './account-link.js';
import { refusalOf, type Refusal } from './refusal.js';

type Detail<T> = CustomEvent<T>;

/** A used, revoked or unknown token: the server answers not-found (a malformed one, invalid-input). */
const isDeadLink = (error: unknown) => error instanceof ProtocolError && (error.reason === 'not-found' || error.reason === 'invalid-input');

export class AccountGateController extends ScreenController {
  /** The link being accepted, with what the server said it is for. */
  link: { token: string; info?: LinkInfo; expired: boolean } | undefined;
  busy = false;
  refusal: Refusal | undefined;

  /** `signedIn` gets the person's profile once they may work. */
  constructor(
    host: ReactiveControllerHost,
    private readonly signedIn: (profile: AgentProfile) => void,
  ) {
    super(host);
  }

  async openLink(token: string): Promise<void> {
    this.link = { token, expired: false };
    this.refusal = undefined;
    this.changed();
    try {
      const info = await api.inspectLink(token);
      if (this.link?.token === token) this.link = { token, info, expired: false };
    } catch (error) {
      if (this.link?.token === token) this.link = { token, expired: isDeadLink(error) };
      if (!isDeadLink(error)) this.refusal = refusalOf(error);
    }
    this.changed();
  }

  /** Sets the password the link is for; the server signs the person in. */
  async acceptLink(password: string, name?: string): Promise<void> {
    const link = this.link;
    if (!link) return;
    await this.attempt(async () => {
      try {
        const profile = await api.acceptLink(link.token, password, name);
        this.dismissLink();
        this.signedIn(profile);
      } catch (error) {
        if (!(error instanceof ProtocolError && error.reason === 'not-found')) throw error;
        this.link = { token: link.token, expired: true };
      }
    });
  }

  dismissLink(): void {
    forgetAccountLink();
    this.link = undefined;
    this.refusal = undefined;
    this.changed();
  }

  /** Replaces an initial or temporary password; the workspace opens after. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.attempt(async () => this.signedIn(await api.changePassword(currentPassword, newPassword)));
  }

  private async attempt(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.refusal = undefined;
    this.changed();
    try {
      await work();
    } catch (error) {
      this.refusal = refusalOf(error);
    } finally {
      this.busy = false;
      this.changed();
    }
  }
}

/** The link form, or the forced password change, or undefined when the person may go on. */
export function renderAccountGate(gate: AccountGateController, profile: AgentProfile | undefined, signOut: () => void): TemplateResult | undefined {
  if (gate.link) {
    return html`<sb-account-link
      .info=${gate.link.info}
      ?expired=${gate.link.expired}
      ?busy=${gate.busy}
      .refusal=${gate.refusal}
      @sb-link-accept=${(e: Detail<{ password: string; name?: string }>) => void gate.acceptLink(e.detail.password, e.detail.name)}
      @sb-link-dismiss=${() => gate.dismissLink()}
    ></sb-account-link>`;
  }
  if (profile?.mustChangePassword) {
    return html`<sb-password-change
      forced
      ?busy=${gate.busy}
      .refusal=${gate.refusal}
      @sb-password-change=${(e: Detail<{ currentPassword: string; newPassword: string }>) => void gate.changePassword(e.detail.currentPassword, e.detail.newPassword)}
      @sb-sign-out=${signOut}
    ></sb-password-change>`;
  }
  return undefined;
}
