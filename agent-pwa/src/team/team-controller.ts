/**
 * Loads and changes the team for the Team tab (admins): people, sign-in limits, the audit log.
 * Links and temporary passwords the server hands over are kept only until the admin closes
 * the dialog that shows them.
 */
import type { AuditEntryView } from '../../../signaling/protocol/audit.js';
import type { AgentRole } from '../../../signaling/protocol/presence.js';
import type { LoginLimit, TeamMember, TeamMemberCreate } from '../../../signaling/protocol/team.js';
import { refusalOf, type Refusal } from '../account/refusal.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';
import type { OneTimeSecret } from './one-time-secret.js';

const AUDIT_PAGE = 25;

/** Which part of the screen a refusal belongs to: the add form, a person (their id), the limits or the log. */
export type TeamPart = 'add' | 'limits' | 'audit' | 'load' | { memberId: string };

export class TeamController extends ScreenController {
  members: TeamMember[] = [];
  limits: LoginLimit[] = [];
  audit: AuditEntryView[] = [];
  auditComplete = false;
  busy = false;
  refusal: { part: TeamPart; refusal: Refusal } | undefined;
  /** Shown once, then forgotten. */
  secret: OneTimeSecret | undefined;
  /** How many people this admin added here: the add form clears each time it grows. */
  added = 0;

  load = () =>
    this.run('load', async () => {
      [this.members, this.limits] = await Promise.all([api.team(), api.loginLimits()]);
      this.audit = await api.audit(undefined, AUDIT_PAGE);
      this.auditComplete = this.audit.length < AUDIT_PAGE;
    });

  add = (input: TeamMemberCreate) =>
    this.run('add', async () => {
      const created = await api.addTeamMember(input);
      this.added++;
      if (created.invitation) this.secret = { kind: 'invitation', name: created.member.name, value: created.invitation.url, expiresAt: created.invitation.expiresAt };
    });

  setRole = (id: string, role: AgentRole) => this.run({ memberId: id }, async () => void (await api.updateTeamMember(id, { role })));
  deactivate = (id: string) => this.run({ memberId: id }, async () => void (await api.deactivateTeamMember(id)));
  reactivate = (id: string) => this.run({ memberId: id }, async () => void (await api.reactivateTeamMember(id)));

  resetPassword = (id: string, method: 'link' | 'temporary') =>
    this.run({ memberId: id }, async () => {
      const reset = await api.resetPassword(id, method);
      const member = this.members.find((m) => m.id === id);
      const name = member?.name ?? '';
      if (reset.link) this.secret = { kind: member?.invited ? 'invitation' : 'reset-link', name, value: reset.link.url, expiresAt: reset.link.expiresAt };
      else if (reset.temporaryPassword) this.secret = { kind: 'temporary-password', name, value: reset.temporaryPassword };
    });

  clearLimit = (which: { email?: string; address?: string }) => this.run('limits', async () => void (await api.clearLoginLimits(which)));
  refreshLimits = () => this.run('limits', async () => void (this.limits = await api.loginLimits()), false);

  loadMoreAudit = () =>
    this.run(
      'audit',
      async () => {
        const page = await api.audit(this.audit.at(-1)?.id, AUDIT_PAGE);
        this.audit = [...this.audit, ...page];
        this.auditComplete = page.length < AUDIT_PAGE;
      },
      false,
    );

  forgetSecret(): void {
    this.secret = undefined;
    this.changed();
  }

  /** The refusal shown in one part of the screen. */
  refusalFor(part: 'add' | 'limits' | 'audit' | 'load'): Refusal | undefined {
    return this.refusal?.part === part ? this.refusal.refusal : undefined;
  }

  /** The refusal about one person, for their row. */
  get rowError(): { id: string; message: string } | undefined {
    const part = this.refusal?.part;
    return part && typeof part === 'object' ? { id: part.memberId, message: this.refusal!.refusal.message } : undefined;
  }

  /** Runs a change, then reads back what it may have changed (people, limits, the newest log entries). */
  private async run(part: TeamPart, work: () => Promise<void>, refresh = true): Promise<void> {
    this.busy = true;
    this.refusal = undefined;
    this.changed();
    try {
      await work();
    } catch (error) {
      this.refusal = { part, refusal: refusalOf(error) };
    }
    try {
      if (refresh && part !== 'load') await this.refresh();
    } catch {
      // The change itself went through or was refused; a failed re-read shows the old lists.
    }
    this.busy = false;
    this.changed();
  }

  private async refresh(): Promise<void> {
    const [members, limits, newest] = await Promise.all([api.team(), api.loginLimits(), api.audit(undefined, AUDIT_PAGE)]);
    this.members = members;
    this.limits = limits;
    const latest = this.audit[0]?.id ?? 0;
    this.audit = [...newest.filter((e) => e.id > latest), ...this.audit];
    if (this.audit.length === newest.length) this.auditComplete = newest.length < AUDIT_PAGE;
  }
}
