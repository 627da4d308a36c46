/**
 * The workspace's top bar, on one line at every width: the tabs (folded into a Menu when they do not
 * fit), the agent's presence, and the account menu (Your account, language, shortcuts, Sign out).
 */
import { html, nothing } from 'lit';
import type { AgentProfile } from '../../../signaling/protocol/server-frames.js';
import type { AgentStatus, ChoosableBreakReason } from '../../../signaling/protocol/presence.js';
import type { AgentState } from '../agent-state.js';
import { t } from '../i18n/en.js';
import { SHORTCUTS } from '../keyboard-shortcuts.js';
import { renderTabs, tabsFor, type Tab } from './tabs.js';
import type { TopbarController } from './topbar-controller.js';

export interface TopbarOptions {
  profile: AgentProfile;
  state: AgentState;
  tab: Tab;
  topbar: TopbarController;
  openTab(tab: Tab): void;
  setStatus(status: AgentStatus, reason?: ChoosableBreakReason): void;
  signOut(): void;
}

type PresenceDetail = CustomEvent<{ status: AgentStatus; reason?: ChoosableBreakReason }>;

/** The bar; `topbar` decides whether the tabs fit and which menu is open. */
export function renderTopbar({ profile, state, tab, topbar, openTab, setStatus, signOut }: TopbarOptions) {
  topbar.content(`${profile.role}|${document.documentElement.lang}|${profile.name}`);
  const choose = (next: Tab) => {
    topbar.close();
    openTab(next);
  };
  const nav = renderTabs(tabsFor(profile.role), tab, choose);
  const menuOpen = topbar.open === 'tabs';
  const accountOpen = topbar.open === 'account';
  return html`<header class="topbar">
    ${topbar.collapsed
      ? html`<div class="menu-anchor" data-menu="tabs">
          <button type="button" class="menu-button" aria-expanded=${String(menuOpen)} aria-controls="sb-tab-menu" @click=${() => topbar.toggle('tabs')}>
            <span aria-hidden="true">☰</span> <span class="label">${t('menu')}</span>
          </button>
          <div id="sb-tab-menu" class="dropdown start" ?hidden=${!menuOpen}>${nav}</div>
        </div>`
      : nothing}
    <h1>${t('appTitle')}</h1>
    ${topbar.collapsed ? nothing : nav}
    <span class="spacer"></span>
    <sb-presence-switch
      .status=${state.status}
      .breakReason=${state.breakReason}
      .wrapUp=${state.wrapUp}
      .connection=${state.connection}
      .contacts=${state.conversations.filter((c) => c.status === 'active' && c.agent?.id === state.agent?.id).length}
      @sb-presence-change=${(e: PresenceDetail) => setStatus(e.detail.status, e.detail.reason)}></sb-presence-switch>
    <div class="menu-anchor" data-menu="account">
      <button type="button" class="account-button" dir="auto" aria-label=${t('accountOf', { name: profile.name })} aria-expanded=${String(accountOpen)} aria-controls="sb-account-menu" @click=${() => topbar.toggle('account')}>
        <span class="name">${profile.name}</span> <span aria-hidden="true">▾</span>
      </button>
      <div id="sb-account-menu" class="dropdown end" ?hidden=${!accountOpen}>
        <button type="button" aria-current=${tab === 'account' ? 'page' : 'false'} @click=${() => choose('account')}>${t('accountSettingsTitle')}</button>
        <sb-language-select .value=${profile.locale ?? ''}></sb-language-select>
        <details class="shortcuts">
          <summary>${t('shortcutsTitle')}</summary>
          <dl>${SHORTCUTS.map((sc) => html`<dt><kbd>${sc.keys}</kbd></dt><dd>${t(`shortcut_${sc.action}`)}</dd>`)}<dt><kbd>/</kbd></dt><dd>${t('shortcut_canned')}</dd><dt><kbd>Alt+1…9</kbd></dt><dd>${t('shortcut_voiceReply')}</dd></dl>
        </details>
        <button type="button" @click=${() => (topbar.close(), signOut())}>${t('signOut')}</button>
      </div>
    </div>
  </header>`;
}
