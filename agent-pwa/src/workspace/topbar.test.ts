import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { AgentProfile } from '../../../signaling/protocol/api.js';
import { initialAgentState } from '../agent-state.js';
import type { Tab } from './tabs.js';
import { renderTopbar } from './topbar.js';
import { TopbarController } from './topbar-controller.js';
import { workspaceStyles } from './workspace-styles.js';

/** The workspace's top bar alone, for one role. */
class TopbarHost extends LitElement {
  static override styles = workspaceStyles;
  static override properties = { role: { type: String }, tab: { state: true } };
  declare role: AgentProfile['role'];
  declare tab: Tab;
  readonly topbar = new TopbarController(this, () => this.renderRoot.querySelector<HTMLElement>('.topbar'));
  constructor() {
    super();
    this.role = 'agent';
    this.tab = 'conversations';
  }
  override render() {
    const profile = { id: 'a1', name: 'Ana Lima', email: 'ana@example.test', role: this.role } as AgentProfile;
    return renderTopbar({ profile, state: initialAgentState(), tab: this.tab, topbar: this.topbar, openTab: (tab) => (this.tab = tab), setStatus: () => {}, signOut: () => {} });
  }
}
customElements.define('test-topbar-host', TopbarHost);

const bar = (el: TopbarHost) => el.shadowRoot!.querySelector<HTMLElement>('.topbar')!;
const control = (el: TopbarHost, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, nav.tabs a')].find((b) => b.textContent!.trim() === name);
const visible = (e: Element | undefined) => !!e && (e as HTMLElement).offsetParent !== null;

describe('the top bar', () => {
  it('shows an agent’s two tabs on one line on a wide screen, with no Menu', async () => {
    const el = (await fixture(html`<div style="width: 1280px"><test-topbar-host></test-topbar-host></div>`)).firstElementChild as TopbarHost;
    await el.updateComplete;
    expect(visible(control(el, 'Conversations'))).to.equal(true);
    expect(el.shadowRoot!.querySelector('.menu-button')).to.equal(null);
    expect(bar(el).scrollWidth).to.be.at.most(bar(el).clientWidth + 1);
  });

  it('folds an admin’s twelve tabs into a Menu when they do not fit, never wrapping or overflowing', async () => {
    const el = (await fixture(html`<div style="width: 900px"><test-topbar-host role="admin"></test-topbar-host></div>`)).firstElementChild as TopbarHost;
    await el.updateComplete;
    const menu = el.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
    expect(menu, 'a Menu button').to.not.equal(null);
    expect(visible(control(el, 'Team'))).to.equal(false);
    expect(bar(el).scrollWidth).to.be.at.most(bar(el).clientWidth + 1);
    expect(bar(el).getBoundingClientRect().height).to.be.below(64);

    menu.click();
    await el.updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('true');
    control(el, 'Team')!.click();
    await el.updateComplete;
    expect(el.tab).to.equal('team');
    expect(menu.getAttribute('aria-expanded'), 'choosing a tab closes the menu').to.equal('false');
  });

  it('closes the account menu with Escape and gives focus back to its button', async () => {
    const el = (await fixture(html`<div style="width: 1280px"><test-topbar-host></test-topbar-host></div>`)).firstElementChild as TopbarHost;
    const account = el.shadowRoot!.querySelector<HTMLButtonElement>('.account-button')!;
    account.click();
    await el.updateComplete;
    expect(visible(control(el, 'Sign out'))).to.equal(true);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await el.updateComplete;
    expect(visible(control(el, 'Sign out'))).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(account);
  });
});
