/** Styles of the signed-in workspace: the top bar, banners, and the grid each tab lays out. */
import { css } from 'lit';
import { sharedStyles } from '../shared-styles.js';

export const workspaceStyles = [
  sharedStyles,
  css`
    :host { display: block; height: 100%; }
    /* One column no wider than the screen, and a top bar that wraps: longer words (Arabic, German) must not push the page sideways. */
    .workspace { display: grid; grid-template-rows: auto auto 1fr; grid-template-columns: minmax(0, 1fr); height: 100%; }
    .topbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 10px 16px; background: #312e81; color: #fff; }
    .topbar h1 { margin: 0; font-size: 18px; flex: 1; }
    .topbar button { background: transparent; color: #fff; border-color: #818cf8; }
    sb-presence-switch { background: #fff; color: #0f172a; border-radius: 8px; padding: 4px 8px; }
    .banner { padding: 6px 16px; background: #fef3c7; color: #92400e; font-size: 14px; }
    .banner.error { background: #fee2e2; color: #991b1b; }
    .panes { display: grid; grid-template-columns: minmax(240px, 300px) 1fr; min-height: 0; }
    .work { display: grid; grid-template-columns: 1fr minmax(260px, 340px); height: 100%; min-height: 0; }
    .work > * { min-height: 0; }
    .shortcuts { position: relative; font-size: 14px; }
    .shortcuts dl { position: absolute; z-index: 5; inset-inline-end: 0; background: #fff; color: #0f172a; border: 1px solid #cbd5e1; border-radius: 8px; padding: 8px 12px; display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; min-width: 280px; }
    .shortcuts dd { margin: 0; }
    .screen-pop { display: grid; grid-template-rows: auto 1fr; height: 100%; }
    .pop { margin: 12px 16px 0; font-size: 17px; }
    @media (max-width: 900px) { .work { grid-template-columns: 1fr; } .work sb-customer-pane { display: none; } }
    sb-inbox { border-inline-end: 1px solid #e2e8f0; background: #f1f5f9; }
    main { min-height: 0; }
    .empty { display: grid; place-items: center; height: 100%; }
    nav.tabs { display: flex; gap: 4px; }
    nav.tabs button { background: transparent; color: #e0e7ff; border-color: transparent; }
    nav.tabs button[aria-current='page'] { background: #4338ca; color: #fff; }
    .admin { min-height: 0; overflow: auto; }
    .notice { padding: 6px 16px; background: #dcfce7; color: #166534; font-size: 14px; }
    .topbar button.account-button[aria-current='page'] { background: #4338ca; }
    /* The bar wraps rather than widening the page when an admin's tabs do not fit on one line. */
    .topbar { flex-wrap: wrap; row-gap: 8px; }
    nav.tabs { flex-wrap: wrap; }
    nav.tabs button { white-space: nowrap; }
    .workspace { grid-template-columns: minmax(0, 1fr); }
    .team, .account { grid-template-columns: minmax(0, 1fr); display: grid; gap: 28px; align-content: start; padding: 16px 24px 32px; }
    .account { max-width: 860px; }
    .team h2 { font-size: 17px; margin: 0 0 8px; }
    .team section { min-width: 0; }
  `,
];
