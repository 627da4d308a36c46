/** Loads and saves the widget's topic menu for its editor in the Invitations screen. */
import type { Topic } from '../../../signaling/protocol/topic-menu.js';
import { api } from '../api-client.js';
import { SettingsController } from './settings-controller.js';

export class TopicMenuController extends SettingsController {
  topics: Topic[] = [];

  load = () => this.run(async () => void (this.topics = (await api.topicMenu()).topics));

  /** Replaces the menu; the server's refusal (unknown queue, empty label…) is shown and nothing changes. */
  save = (topics: Topic[]) => this.run(async () => void (this.topics = (await api.saveTopicMenu({ topics })).topics), true);
}
