/** The workspace's tabs: which a role sees, and the bar that switches between them. */
import { html } from 'lit';
import type { AgentRole } from '../../../signaling/protocol/presence.js';
import { t, type MessageKey } from '../i18n/en.js';

/** `account` opens from the agent's name in the top bar, not from the tab bar. */
export type Tab = 'conversations' | 'library' | 'wallboard' | 'reports' | 'review' | 'quality' | 'queues' | 'agents' | 'integrations' | 'invitations' | 'privacy' | 'team' | 'account';

const LABEL: Record<Tab, MessageKey> = {
  conversations: 'tabConversations',
  library: 'tabLibrary',
  wallboard: 'tabWallboard',
  reports: 'tabReports',
  review: 'tabReview',
  quality: 'tabQuality',
  queues: 'tabQueues',
  agents: 'tabAgents',
  integrations: 'tabIntegrations',
  invitations: 'tabInvitations',
  privacy: 'tabPrivacy',
  team: 'tabTeam',
  account: 'accountSettingsTitle',
};

/** Agents work conversations and the library; supervisors also watch and configure; admins also connect and manage the team. */
export function tabsFor(role: AgentRole | undefined): Tab[] {
  if (role === 'agent') return ['conversations', 'library', 'quality'];
  return ['conversations', 'library', 'wallboard', 'reports', 'review', 'quality', 'queues', 'agents', ...(role === 'admin' ? (['integrations', 'invitations', 'privacy', 'team'] as const) : [])];
}

/**
 * The tabs as links; `open` is called with the tab chosen. Tabs are links (`?tab=`, the address the
 * app opens at, as the installed app's shortcuts do), so a middle click or "open in new tab" works;
 * a plain click switches in place.
 */
export function renderTabLinks(tabs: Tab[], current: Tab, open: (tab: Tab) => void) {
  const choose = (tab: Tab) => (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(tab);
  };
  return tabs.map((tab) => html`<a href="?tab=${tab}" aria-current=${current === tab ? 'page' : 'false'} @click=${choose(tab)}>${t(LABEL[tab])}</a>`);
}
