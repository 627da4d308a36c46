/** Loads and changes the retention settings and visitors' deletion requests (admins). */
import type { ReactiveControllerHost } from 'lit';
import type { DeletionRequestView, RetentionSettings } from '../../../signaling/protocol/privacy.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';

export class PrivacyController extends ScreenController {
  retention: RetentionSettings | undefined;
  requests: DeletionRequestView[] = [];
  error: string | undefined;

  constructor(host: ReactiveControllerHost) {
    super(host);
  }

  load = () => this.run(async () => void ([this.retention, this.requests] = await Promise.all([api.retention(), api.deletionRequests()])));
  saveRetention = (settings: Partial<RetentionSettings>) => this.run(async () => void (this.retention = await api.setRetention(settings)));
  decide = (id: string, decision: 'approve' | 'reject') =>
    this.run(async () => {
      await api.decideDeletion(id, decision);
      this.requests = await api.deletionRequests();
    });

  private async run(work: () => Promise<void>): Promise<void> {
    this.error = undefined;
    try {
      await work();
    } catch (error) {
      this.error = error instanceof ProtocolError ? error.message : String(error);
    }
    this.changed();
  }
}
