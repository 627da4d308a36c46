/** Styles shared by the agent app's components: buttons, focus rings, visually hidden text. */
import { css } from 'lit';

export const sharedStyles = css`
  :host { box-sizing: border-box; }
  *, *::before, *::after { box-sizing: inherit; }
  button, input, select, textarea { font: inherit; color: inherit; }
  /* Chromium's dark form controls are grey (#6b6b6b) under light text: below 4.5:1. */
  input:not([type='checkbox']):not([type='radio']):not([type='range']), select, textarea { background-color: var(--sb-color-surface); }
  button { cursor: pointer; border-radius: 8px; padding: 6px 12px; border: 1px solid var(--sb-color-border); background: var(--sb-color-surface); }
  button.primary { background: var(--sb-color-accent); border-color: var(--sb-color-accent); color: var(--sb-color-on-accent); }
  button.danger { border-color: var(--sb-color-danger); color: var(--sb-color-danger); }
  button:disabled { opacity: 0.5; cursor: not-allowed; }
  :focus-visible { outline: 3px solid var(--sb-color-focus); outline-offset: 2px; }
  /* Pinned to its containing block's corner: left at its place in a wide table it escaped the scrolling box and made the whole page scroll sideways. */
  .visually-hidden { position: absolute; top: 0; inset-inline-start: 0; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .muted { color: var(--sb-color-muted); }
`;
