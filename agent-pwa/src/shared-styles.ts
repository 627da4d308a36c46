/** Styles shared by the agent app's components: buttons, focus rings, visually hidden text. */
import { css } from 'lit';

export const sharedStyles = css`
  :host { box-sizing: border-box; }
  *, *::before, *::after { box-sizing: inherit; }
  button, input, select, textarea { font: inherit; color: inherit; }
  button { cursor: pointer; border-radius: 8px; padding: 6px 12px; border: 1px solid #cbd5e1; background: #fff; }
  button.primary { background: #4338ca; border-color: #4338ca; color: #fff; }
  button.danger { border-color: #b91c1c; color: #b91c1c; }
  button:disabled { opacity: 0.5; cursor: not-allowed; }
  :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  /* Pinned to its containing block's corner: left at its place in a wide table it escaped the scrolling box and made the whole page scroll sideways. */
  .visually-hidden { position: absolute; top: 0; inset-inline-start: 0; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .muted { color: #64748b; }
`;
