/** Registers the agent app's elements, once each. */
import { defineElement } from '../../ui/define-element.js';
import { SbAccountLink } from './account/sb-account-link.js';
import { SbAccountSettings } from './account/sb-account-settings.js';
import { SbPasswordChange } from './account/sb-password-change.js';
import { SbSessionsList } from './account/sb-sessions-list.js';
import { SbAdminQueues } from './admin/sb-admin-queues.js';
import { SbAgentRouting } from './admin/sb-agent-routing.js';
import { SbSkillsPicker } from './admin/sb-skills-picker.js';
import { SbQueueEditor } from './admin/sb-queue-editor.js';
import { SbTransferForm } from './call/sb-transfer-form.js';
import { SbEscalateForm } from './call/sb-escalate-form.js';
import { SbComposer } from './composer/sb-composer.js';
import { SbAgentApp } from './sb-agent-app.js';
import { SbConversationView } from './sb-conversation-view.js';
import { SbInbox } from './sb-inbox.js';
import { SbLanguageSelect } from './sb-language-select.js';
import { SbLoginForm } from './sb-login-form.js';
import { SbPresenceSwitch } from './sb-presence-switch.js';
import { SbWrapUpPanel } from './sb-wrap-up-panel.js';
import { SbReports } from './supervisor/sb-reports.js';
import { SbActivityReport } from './supervisor/sb-activity-report.js';
import { SbQualityReport } from './supervisor/sb-quality-report.js';
import { SbWallboard } from './supervisor/sb-wallboard.js';
import { SbAddPerson } from './team/sb-add-person.js';
import { SbAuditLog } from './team/sb-audit-log.js';
import { SbConfirmDialog } from './team/sb-confirm-dialog.js';
import { SbLoginLimits } from './team/sb-login-limits.js';
import { SbSecretDialog } from './team/sb-secret-dialog.js';
import { SbTeamList } from './team/sb-team-list.js';
import { SbWorkspace } from './workspace/sb-workspace.js';
import { SbHeldReplies } from './review/sb-held-replies.js';
import { SbReviewList } from './review/sb-review-list.js';
import { SbReviewToggle } from './review/sb-review-toggle.js';

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
  'sb-skills-picker': SbSkillsPicker,
  'sb-wallboard': SbWallboard,
  'sb-reports': SbReports,
  'sb-activity-report': SbActivityReport,
  'sb-quality-report': SbQualityReport,
  'sb-transfer-form': SbTransferForm,
  'sb-escalate-form': SbEscalateForm,
  'sb-composer': SbComposer,
  'sb-account-link': SbAccountLink,
  'sb-password-change': SbPasswordChange,
  'sb-account-settings': SbAccountSettings,
  'sb-sessions-list': SbSessionsList,
  'sb-team-list': SbTeamList,
  'sb-add-person': SbAddPerson,
  'sb-confirm-dialog': SbConfirmDialog,
  'sb-secret-dialog': SbSecretDialog,
  'sb-login-limits': SbLoginLimits,
  'sb-audit-log': SbAuditLog,
  'sb-review-list': SbReviewList,
  'sb-held-replies': SbHeldReplies,
  'sb-review-toggle': SbReviewToggle,
} as const;

for (const [tag, element] of Object.entries(elements)) defineElement(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'sb-agent-app': SbAgentApp;
    'sb-review-list': SbReviewList;
    'sb-held-replies': SbHeldReplies;
    'sb-review-toggle': SbReviewToggle;
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
    'sb-activity-report': SbActivityReport;
    'sb-transfer-form': SbTransferForm;
    'sb-escalate-form': SbEscalateForm;
    'sb-composer': SbComposer;
    'sb-account-link': SbAccountLink;
    'sb-password-change': SbPasswordChange;
    'sb-account-settings': SbAccountSettings;
    'sb-sessions-list': SbSessionsList;
    'sb-team-list': SbTeamList;
    'sb-add-person': SbAddPerson;
    'sb-confirm-dialog': SbConfirmDialog;
    'sb-secret-dialog': SbSecretDialog;
    'sb-login-limits': SbLoginLimits;
    'sb-audit-log': SbAuditLog;
  }
}
