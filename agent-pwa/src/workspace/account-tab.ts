/** Your account: everyone's own name, app language, notifications, offer sounds, password and sessions. */
import { html } from 'lit';
import type { AgentProfile } from '../../../signaling/protocol/api.js';
import type { ProfileUpdate } from '../../../signaling/protocol/team.js';
import type { AccountController } from '../account/account-controller.js';
import type { OfferAlertsController } from '../offers/offer-alerts-controller.js';
import { renderOfferSoundSettings } from '../offers/offer-sound-settings.js';

type Detail<T> = CustomEvent<T>;

export function renderAccountTab(account: AccountController, profile: AgentProfile, alerts: OfferAlertsController) {
  return html`<div class="admin account">
    <sb-account-settings
      .profile=${profile}
      ?busy=${account.busy === 'profile'}
      ?saved=${account.done === 'profile'}
      .refusal=${account.refusal.profile}
      @sb-profile-save=${(e: Detail<{ change: ProfileUpdate }>) => void account.saveProfile(e.detail.change)}
    ></sb-account-settings>
    ${renderOfferSoundSettings(alerts.sound, (settings) => alerts.setSound(settings))}
    <sb-password-change
      ?busy=${account.busy === 'password'}
      ?done=${account.done === 'password'}
      .refusal=${account.refusal.password}
      @sb-password-change=${(e: Detail<{ currentPassword: string; newPassword: string }>) => void account.changePassword(e.detail.currentPassword, e.detail.newPassword)}
    ></sb-password-change>
    <sb-sessions-list
      .sessions=${account.sessions}
      ?busy=${account.busy === 'sessions'}
      .refusal=${account.refusal.sessions}
      @sb-session-end=${(e: Detail<{ id: string }>) => void account.endSession(e.detail.id)}
      @sb-sessions-end-others=${() => void account.endOtherSessions()}
    ></sb-sessions-list>
  </div>`;
}
