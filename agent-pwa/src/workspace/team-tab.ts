/** The Team tab (admins): the people, adding one, sign-in limits and the audit log, and the dialog that shows a link once. */
import { html, nothing } from 'lit';
import type { AgentRole } from '../../../signaling/protocol/presence.js';
import type { TeamMemberCreate } from '../../../signaling/protocol/team.js';
import { t } from '../i18n/en.js';
import type { TeamController } from '../team/team-controller.js';

type Detail<T> = CustomEvent<T>;

export function renderTeamTab(team: TeamController, selfId: string) {
  const names = Object.fromEntries(team.members.map((m) => [m.id, m.name]));
  const loadRefusal = team.refusalFor('load');
  return html`<div class="admin team">
    ${loadRefusal ? html`<div class="banner error" role="alert">${loadRefusal.message}</div>` : nothing}
    <section aria-labelledby="team-title">
      <h2 id="team-title">${t('teamTitle')}</h2>
      <sb-team-list
        .members=${team.members}
        selfId=${selfId}
        ?busy=${team.busy}
        .rowError=${team.rowError}
        @sb-team-role=${(e: Detail<{ id: string; role: AgentRole }>) => void team.setRole(e.detail.id, e.detail.role)}
        @sb-team-deactivate=${(e: Detail<{ id: string }>) => void team.deactivate(e.detail.id)}
        @sb-team-reactivate=${(e: Detail<{ id: string }>) => void team.reactivate(e.detail.id)}
        @sb-team-reset=${(e: Detail<{ id: string; method: 'link' | 'temporary' }>) => void team.resetPassword(e.detail.id, e.detail.method)}
      ></sb-team-list>
    </section>
    <section>
      <sb-add-person ?busy=${team.busy} .refusal=${team.refusalFor('add')} added=${team.added} @sb-person-add=${(e: Detail<{ input: TeamMemberCreate }>) => void team.add(e.detail.input)}></sb-add-person>
    </section>
    <section>
      <sb-login-limits
        .limits=${team.limits}
        ?busy=${team.busy}
        .refusal=${team.refusalFor('limits')}
        @sb-limit-clear=${(e: Detail<{ email?: string; address?: string }>) => void team.clearLimit(e.detail)}
        @sb-limits-refresh=${() => void team.refreshLimits()}
      ></sb-login-limits>
    </section>
    <section>
      <sb-audit-log .entries=${team.audit} ?complete=${team.auditComplete} ?busy=${team.busy} .names=${names} .refusal=${team.refusalFor('audit')} @sb-audit-more=${() => void team.loadMoreAudit()}></sb-audit-log>
    </section>
    <sb-secret-dialog .secret=${team.secret} @sb-secret-close=${() => team.forgetSecret()}></sb-secret-dialog>
  </div>`;
}
