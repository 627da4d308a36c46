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
/** Until the bar has stopped measuring: a render that moves tabs asks for one more. */
const settled = async (el: TopbarHost) => {
  while (!(await el.updateComplete));
};

describe('the top bar', () => {
  it('shows an agent’s three tabs on one line on a wide screen, with neither More nor Menu', async () => {
    const el = (await fixture(html`<div style="width: 1280px"><test-topbar-host></test-topbar-host></div>`)).firstElementChild as TopbarHost;
    await el.updateComplete;
    expect(['Conversations', 'Replies & articles', 'Quality'].map((name) => visible(control(el, name)))).to.deep.equal([true, true, true]);
    expect(el.shadowRoot!.querySelector('[aria-controls="sb-tab-menu"]')).to.equal(null);
    expect(bar(el).scrollWidth).to.be.at.most(bar(el).clientWidth + 1);
  });

  it('keeps as many of an admin’s twelve tabs on the line as fit and puts the rest under More, never wrapping or overflowing', async () => {
    const el = (await fixture(html`<div style="width: 1100px"><test-topbar-host role="admin"></test-topbar-host></div>`)).firstElementChild as TopbarHost;
    await settled(el);
    const onLine = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.topbar > nav.tabs > a')].map((a) => a.textContent!.trim());
    expect(onLine.slice(0, 3)).to.deep.equal(['Conversations', 'Replies & articles', 'Wallboard']);
    expect(onLine.length).to.be.below(12);
    const more = control(el, 'More ▾')!;
    expect(visible(more), 'a More button').to.equal(true);
    expect(visible(control(el, 'Team')), 'Team waits under More').to.equal(false);
    expect(bar(el).scrollWidth).to.be.at.most(bar(el).clientWidth + 1);
    expect(bar(el).getBoundingClientRect().height).to.be.below(64);
    // Every tab is there exactly once: on the line or in the menu.
    expect(el.shadowRoot!.querySelectorAll('nav.tabs a').length).to.equal(12);

    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    control(el, 'Team')!.click();
    await el.updateComplete;
    expect(el.tab).to.equal('team');
    expect(more.getAttribute('aria-expanded'), 'choosing a tab closes the menu').to.equal('false');
    expect(more.classList.contains('holds-current'), 'More is marked while the open tab is in it').to.equal(true);
  });

  it('puts every tab under Menu on a phone, and brings them back to the line when the window widens', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 390px"><test-topbar-host role="admin"></test-topbar-host></div>`);
    const el = box.firstElementChild as TopbarHost;
    await settled(el);
    const menu = el.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
    expect(menu, 'a Menu button').to.not.equal(null);
    expect(el.shadowRoot!.querySelectorAll('.topbar > nav.tabs > a').length).to.equal(0);
    expect(bar(el).scrollWidth).to.be.at.most(bar(el).clientWidth + 1);
    menu.click();
    await el.updateComplete;
    expect(visible(control(el, 'Team'))).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('#sb-tab-menu a').length).to.equal(12);

    box.style.width = '1920px';
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await settled(el);
    expect(visible(control(el, 'Conversations')), 'tabs on the line again').to.equal(true);
    expect(el.shadowRoot!.querySelector('.menu-button')).to.equal(null);
    expect(bar(el).scrollWidth).to.be.at.most(bar(el).clientWidth + 1);
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
