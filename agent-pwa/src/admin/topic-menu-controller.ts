/** Loads and saves the widget's topic menu for its editor in the Invitations screen. */
import type { ReactiveControllerHost } from 'lit';
import type { Topic } from '../../../signaling/protocol/topic-menu.js';
import { ProtocolError } from '../../../signaling/protocol/protocol-client.js';
import { api } from '../api-client.js';
import { ScreenController } from '../screen-controller.js';

export class TopicMenuController extends ScreenController {
  topics: Topic[] = [];
  error: string | undefined;
  /** The last save worked (shown until the next change). */
  saved = false;

  constructor(host: ReactiveControllerHost) {
    super(host);
  }

  load = () => this.run(async () => void (this.topics = (await api.topicMenu()).topics));

  /** Replaces the menu; the server's refusal (unknown queue, empty label…) is shown and nothing changes. */
  save = (topics: Topic[]) =>
    this.run(async () => {
      this.topics = (await api.saveTopicMenu({ topics })).topics;
      this.saved = true;
    });

  private async run(work: () => Promise<void>): Promise<void> {
    this.error = undefined;
    this.saved = false;
    try {
      await work();
    } catch (error) {
      this.error = error instanceof ProtocolError ? error.message : String(error);
    }
    this.changed();
  }
}
