/** Loads and changes the signed-in person's own account: profile, password and sessions. The views stay pure. */
import type { ReactiveControllerHost } from 'lit';
import type { AgentProfile } from '../../../signaling/protocol/api.js';
import type { ProfileUpdate, SessionView } from '../../../signaling/protocol/team.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';
import { refusalOf, type Refusal } from './refusal.js';

/** The parts of the account screen, each with its own busy flag and refusal. */
export type AccountPart = 'profile' | 'password' | 'sessions';

export class AccountController extends ScreenController {
  sessions: SessionView[] = [];
  busy: AccountPart | undefined;
  refusal: Partial<Record<AccountPart, Refusal>> = {};
  /** The part whose last change went through, for a confirmation. */
  done: AccountPart | undefined;

  /** `profileChanged` gets the profile the server answered after each change. */
  constructor(
    host: ReactiveControllerHost,
    private readonly profileChanged: (profile: AgentProfile) => void,
  ) {
    super(host);
  }

  load = () => this.run('sessions', async () => void (this.sessions = await api.sessions()), false);

  saveProfile = (change: ProfileUpdate) => this.run('profile', async () => this.profileChanged(await api.updateProfile(change)));

  /** Other sessions end on the server when the password changes: the list is read again. */
  changePassword = (currentPassword: string, newPassword: string) =>
    this.run('password', async () => {
      this.profileChanged(await api.changePassword(currentPassword, newPassword));
      this.sessions = await api.sessions();
    });

  endSession = (id: string) =>
    this.run('sessions', async () => {
      await api.endSession(id);
      this.sessions = await api.sessions();
    });

  endOtherSessions = () =>
    this.run('sessions', async () => {
      await api.endOtherSessions();
      this.sessions = await api.sessions();
    });

  private async run(part: AccountPart, work: () => Promise<void>, confirm = true): Promise<void> {
    this.busy = part;
    this.done = undefined;
    this.refusal = { ...this.refusal, [part]: undefined };
    this.changed();
    try {
      await work();
      if (confirm) this.done = part;
    } catch (error) {
      this.refusal = { ...this.refusal, [part]: refusalOf(error) };
    } finally {
      this.busy = undefined;
      this.changed();
    }
  }
}
