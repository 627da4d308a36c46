/** Registers the agent app's elements, once each. */
import { defineElement } from '../../ui/define-element.js';
import { SbAdminQueues } from './admin/sb-admin-queues.js';
import { SbAgentRouting } from './admin/sb-agent-routing.js';
import { SbQueueEditor } from './admin/sb-queue-editor.js';
import { SbTransferForm } from './call/sb-transfer-form.js';
import { SbComposer } from './composer/sb-composer.js';
import { SbAgentApp } from './sb-agent-app.js';
import { SbConversationView } from './sb-conversation-view.js';
import { SbInbox } from './sb-inbox.js';
import { SbLanguageSelect } from './sb-language-select.js';
import { SbLoginForm } from './sb-login-form.js';
import { SbPresenceSwitch } from './sb-presence-switch.js';
import { SbWrapUpPanel } from './sb-wrap-up-panel.js';
import { SbReports } from './supervisor/sb-reports.js';
import { SbWallboard } from './supervisor/sb-wallboard.js';
import { SbWorkspace } from './workspace/sb-workspace.js';

const elements = {
  'sb-agent-app': SbAgentApp,
  'sb-workspace': SbWorkspace,
  'sb-login-form': SbLoginForm,
  'sb-presence-switch': SbPresenceSwitch,
  'sb-language-select': SbLanguageSelect,
  'sb-inbox': SbInbox,
  'sb-conversation-view': SbConversationView,
  'sb-wrap-up-panel': SbWrapUpPanel,
  'sb-admin-queues': SbAdminQueues,
  'sb-queue-editor': SbQueueEditor,
  'sb-agent-routing': SbAgentRouting,
  'sb-wallboard': SbWallboard,
  'sb-reports': SbReports,
  'sb-transfer-form': SbTransferForm,
  'sb-composer': SbComposer,
} as const;

for (const [tag, element] of Object.entries(elements)) defineElement(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'sb-agent-app': SbAgentApp;
    'sb-workspace': SbWorkspace;
    'sb-login-form': SbLoginForm;
    'sb-presence-switch': SbPresenceSwitch;
    'sb-language-select': SbLanguageSelect;
    'sb-inbox': SbInbox;
    'sb-conversation-view': SbConversationView;
    'sb-wrap-up-panel': SbWrapUpPanel;
    'sb-admin-queues': SbAdminQueues;
    'sb-queue-editor': SbQueueEditor;
    'sb-agent-routing': SbAgentRouting;
    'sb-wallboard': SbWallboard;
    'sb-reports': SbReports;
    'sb-transfer-form': SbTransferForm;
    'sb-composer': SbComposer;
  }
}
