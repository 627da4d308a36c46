/** Loads and saves routing administration for the admin screens; the views stay pure. */
import type { AgentRoutingInput, AgentView, QueueCreateInput, QueueMemberInput, QueueView } from '../../../signaling/protocol/admin.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';

export const AdminStatus = { idle: 'idle', loading: 'loading', ready: 'ready', saving: 'saving', failed: 'failed' } as const;
export type AdminStatus = (typeof AdminStatus)[keyof typeof AdminStatus];

export class AdminController extends ScreenController {
  status: AdminStatus = AdminStatus.idle;
  queues: QueueView[] = [];
  agents: AgentView[] = [];
  /** The server's explanation of the last refused change. */
  error: string | undefined;
  /** Set after a successful save, for a confirmation. */
  savedAt: number | undefined;

  async load(): Promise<void> {
    this.set(AdminStatus.loading);
    try {
      [this.queues, this.agents] = await Promise.all([api.queues(), api.agents()]);
      this.set(AdminStatus.ready);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Creates or updates a queue, then replaces its members. Resolves with the queue's id, or undefined when refused. */
  async saveQueue(id: string | undefined, input: QueueCreateInput, members: QueueMemberInput[]): Promise<string | undefined> {
    this.set(AdminStatus.saving);
    try {
      const queue = id ? await api.updateQueue(id, input) : await api.createQueue(input);
      await api.setMembers(queue.id, members);
      await this.reload();
      return queue.id;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  async saveAgent(id: string, input: AgentRoutingInput): Promise<void> {
    this.set(AdminStatus.saving);
    try {
      await api.updateAgentRouting(id, input);
      await this.reload();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Reports a form the browser could not even turn into input. */
  reject(message: string): void {
    this.error = message;
    this.set(AdminStatus.failed);
  }

  /** Forgets the last save's confirmation or error: they belong to the tab they were made on, not the next one. */
  dismiss(): void {
    if (this.savedAt === undefined && this.error === undefined) return;
    this.savedAt = undefined;
    this.error = undefined;
    this.changed();
  }

  private async reload(): Promise<void> {
    [this.queues, this.agents] = await Promise.all([api.queues(), api.agents()]);
    this.error = undefined;
    this.savedAt = Date.now();
    this.set(AdminStatus.ready);
  }

  private fail(error: unknown): void {
    this.error = error instanceof ProtocolError || error instanceof Error ? error.message : String(error);
    this.savedAt = undefined;
    this.set(AdminStatus.failed);
  }

  private set(status: AdminStatus): void {
    this.status = status;
    if (status === AdminStatus.loading) this.error = undefined;
    this.changed();
  }
}
