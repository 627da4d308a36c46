/**
 * The workspace's top bar, on one line at every width: the tabs that fit (the others under More, or
 * all under Menu on a phone), the agent's presence, and the account menu (Your account, language,
 * shortcuts, Sign out). The tabs are one navigation landmark wherever each of them sits.
 */
import { html, nothing } from 'lit';
import type { AgentProfile } from '../../../signaling/protocol/server-frames.js';
import type { AgentStatus, ChoosableBreakReason } from '../../../signaling/protocol/presence.js';
import type { AgentState } from '../agent-state.js';
import { t } from '../i18n/en.js';
import { SHORTCUTS } from '../keyboard-shortcuts.js';
import { renderTabLinks, tabsFor, type Tab } from './tabs.js';
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

/** The bar; `topbar` decides how many tabs fit and which menu is open. */
export function renderTopbar({ profile, state, tab, topbar, openTab, setStatus, signOut }: TopbarOptions) {
  const tabs = tabsFor(profile.role);
  topbar.content(`${profile.role}|${document.documentElement.lang}|${profile.name}`, tabs.length);
  const choose = (next: Tab) => {
    topbar.close();
    openTab(next);
  };
  const onLine = tabs.slice(0, topbar.shown);
  const folded = tabs.slice(onLine.length);
  const menuOpen = topbar.open === 'tabs';
  const accountOpen = topbar.open === 'account';
  const tabsMenu = (button: unknown) => html`<div class="menu-anchor" data-menu="tabs">
    ${button}
    <div id="sb-tab-menu" class="dropdown start" ?hidden=${!menuOpen}>${renderTabLinks(folded, tab, choose)}</div>
  </div>`;
  const toggleTabs = () => topbar.toggle('tabs');
  return html`<header class="topbar">
    ${onLine.length === 0
      ? html`<nav class="tabs" aria-label=${t('appTitle')}>
          ${tabsMenu(
            html`<button type="button" class="menu-button" aria-expanded=${String(menuOpen)} aria-controls="sb-tab-menu" @click=${toggleTabs}>
              <span aria-hidden="true">☰</span> <span class="label">${t('menu')}</span>
            </button>`,
          )}
        </nav>`
      : nothing}
    <h1>${t('appTitle')}</h1>
    ${onLine.length > 0
      ? html`<nav class="tabs" aria-label=${t('appTitle')}>
          ${renderTabLinks(onLine, tab, choose)}
          ${folded.length > 0
            ? tabsMenu(
                html`<button type="button" class="more-button ${folded.includes(tab) ? 'holds-current' : ''}" aria-expanded=${String(menuOpen)} aria-controls="sb-tab-menu" @click=${toggleTabs}>
                  ${t('moreTabs')} <span aria-hidden="true">▾</span>
                </button>`,
              )
            : nothing}
        </nav>`
      : nothing}
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
