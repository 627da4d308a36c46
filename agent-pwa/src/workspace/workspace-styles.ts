/** Styles of the signed-in workspace: the top bar, banners, and the grid each tab lays out. */
import { css } from 'lit';
import { sharedStyles } from '../shared-styles.js';

export const workspaceStyles = [
  sharedStyles,
  css`
    :host { display: block; height: 100%; }
    /* One column no wider than the screen, and a top bar that wraps: longer words (Arabic, German) must not push the page sideways. */
    .workspace { display: grid; grid-template-rows: auto auto 1fr; grid-template-columns: minmax(0, 1fr); height: 100%; }
    /*
     * One line at every width: nothing in it wraps or shrinks, so when the tabs do not fit the bar
     * overflows, TopbarController measures that and moves the last ones under More, or all of them
     * under Menu (never a second row).
     */
    .topbar { position: relative; z-index: 10; display: flex; flex-wrap: nowrap; align-items: center; gap: 8px 12px; padding: 8px 16px; background: var(--sb-color-bar); color: var(--sb-color-on-bar); }
    .topbar > * { flex: none; }
    .topbar .spacer { flex: 1 1 0; }
    .topbar h1 { margin: 0; font-size: 18px; white-space: nowrap; }
    .topbar button { background: transparent; color: var(--sb-color-on-accent); border-color: var(--sb-color-accent-soft-text); white-space: nowrap; }
    sb-presence-switch { background: var(--sb-color-surface); color: var(--sb-color-text); border-radius: 8px; padding: 4px 8px; }
    .menu-anchor { position: relative; }
    .account-button { display: inline-flex; gap: 6px; align-items: center; max-width: 220px; }
    .account-button .name { overflow: hidden; text-overflow: ellipsis; }
    .dropdown {
      position: absolute; top: calc(100% + 8px); z-index: 20; min-width: 240px; max-width: calc(100vw - 24px);
      display: flex; flex-direction: column; align-items: stretch; gap: 6px; padding: 8px;
      background: var(--sb-color-surface); color: var(--sb-color-text); border: 1px solid var(--sb-color-border); border-radius: 10px; box-shadow: 0 10px 30px rgb(15 23 42 / 0.18);
    }
    .dropdown[hidden] { display: none; }
    .dropdown.start { inset-inline-start: 0; }
    .dropdown.end { inset-inline-end: 0; }
    .topbar .dropdown button, .topbar .dropdown a { color: var(--sb-color-text); border-color: transparent; text-align: start; }
    .topbar .dropdown button:hover, .topbar .dropdown a:hover { background: var(--sb-color-accent-soft); }
    .topbar .dropdown button[aria-current='page'], .topbar .dropdown a[aria-current='page'] { background: var(--sb-color-accent); color: var(--sb-color-on-accent); }
    /* More marks itself while the open tab is in its menu, as the tab would be marked on the line. */
    .topbar .more-button { padding-inline: 8px; font-size: 14px; }
    .topbar .more-button.holds-current { background: var(--sb-color-accent); color: var(--sb-color-on-accent); }
    .dropdown .shortcuts summary { padding: 6px 12px; cursor: pointer; }
    .dropdown .shortcuts dl { position: static; border: none; min-width: 0; padding: 4px 12px; }
    /* A phone: the product name gives way to the controls an agent needs. */
    @media (max-width: 480px) {
      .topbar { padding: 8px; gap: 6px; }
      .topbar h1 { display: none; }
      .menu-button .label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
      .account-button { max-width: 128px; }
      /* The status takes the room the hidden product name and tabs leave, and gives way first. */
      .topbar > sb-presence-switch { flex: 0 1 auto; min-width: 8rem; }
    }
    .banner { padding: 6px 16px; background: var(--sb-color-warn-soft); color: var(--sb-color-warn-soft-text); font-size: 14px; }
    .banner.error { background: var(--sb-color-danger-soft); color: var(--sb-color-danger-soft-text); }
    .panes { display: grid; grid-template-columns: minmax(240px, 300px) minmax(0, 1fr); min-height: 0; }
    .work { display: grid; grid-template-columns: minmax(0, 1fr) minmax(260px, 340px); height: 100%; min-height: 0; }
    .work > * { min-height: 0; }
    .work.cobrowsing { grid-template-columns: minmax(0, 1fr); }
    .shortcuts { position: relative; font-size: 14px; }
    .shortcuts dl { position: absolute; z-index: 5; inset-inline-end: 0; background: var(--sb-color-surface); color: var(--sb-color-text); border: 1px solid var(--sb-color-border); border-radius: 8px; padding: 8px 12px; display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; min-width: 280px; }
    .shortcuts dd { margin: 0; }
    .screen-pop { display: grid; grid-template-rows: auto 1fr; height: 100%; }
    .pop { margin: 12px 16px 0; font-size: 17px; }
    @media (max-width: 900px) { .work { grid-template-columns: minmax(0, 1fr); } .work sb-customer-pane { display: none; } }
    /* A tablet: a narrower inbox leaves the conversation room for its bubbles and buttons. */
    @media (max-width: 1024px) { .panes { grid-template-columns: minmax(200px, 240px) minmax(0, 1fr); } }
    /* A phone: the inbox sits above the conversation instead of squeezing it to a sliver. */
    @media (max-width: 640px) {
      .panes { grid-template-columns: minmax(0, 1fr); grid-template-rows: auto minmax(0, 1fr); }
      sb-inbox { max-height: 30vh; overflow: auto; border-inline-end: none; border-bottom: 1px solid var(--sb-color-border-subtle); }
    }
    sb-inbox { border-inline-end: 1px solid var(--sb-color-border-subtle); background: var(--sb-color-surface-sunken); }
    main { min-height: 0; }
    /* Every tab but Conversations sits in this main: its one row takes the room left (a scrolling table keeps its own scroll; a long form grows the page). */
    main.tab { min-height: auto; display: grid; grid-template-rows: 1fr; grid-template-columns: minmax(0, 1fr); }
    .empty { display: grid; place-items: center; height: 100%; }
    nav.tabs { display: flex; gap: 4px; }
    nav.tabs a { display: inline-block; padding: 6px 12px; border-radius: 8px; border: 1px solid transparent; color: var(--sb-color-on-bar); text-decoration: none; }
    nav.tabs a:hover { text-decoration: underline; }
    nav.tabs a[aria-current='page'] { background: var(--sb-color-accent); color: var(--sb-color-on-accent); }
    .admin { position: relative; min-height: 0; overflow: auto; }
    /* The review tab is a section of the workspace itself: it keeps the same margin as the screens that are components. */
    .admin.review { padding: 16px; }
    .notice { padding: 6px 16px; background: var(--sb-color-success-soft); color: var(--sb-color-success-soft-text); font-size: 14px; }
    nav.tabs a { white-space: nowrap; }
    /* In the bar, tighter tabs: more of an admin's twelve fit beside the status and account before the rest go under More. */
    .topbar > nav.tabs { gap: 2px; align-items: center; }
    .topbar > nav.tabs a { padding-inline: 6px; font-size: 14px; }
    .workspace { grid-template-columns: minmax(0, 1fr); }
    .team, .account { grid-template-columns: minmax(0, 1fr); display: grid; gap: 28px; align-content: start; padding: 16px 24px 32px; }
    .account { max-width: 860px; }
    .team h2 { font-size: 17px; margin: 0 0 8px; }
    .team section { min-width: 0; }
  `,
];
