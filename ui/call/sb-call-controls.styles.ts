/** Styles of the call controls: the widget's look by default, themable with --sb-* properties; the agent app's denser look with side="agent". */
import { css } from 'lit';

export const callControlsStyles = css`
  :host { display: block; box-sizing: border-box; }
  *, *::before, *::after { box-sizing: inherit; }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 16px; background: var(--sb-call-bg, #ecfdf5); border-bottom: 1px solid var(--sb-border, #e5e7eb); font-size: 14px; }
  .what { flex: 1 1 100%; display: flex; justify-content: space-between; gap: 8px; }
  .timer { font-variant-numeric: tabular-nums; }
  meter { flex: 1; min-width: 60px; height: 10px; }
  button { font: inherit; color: inherit; cursor: pointer; border-radius: 8px; padding: 6px 10px; border: 1px solid var(--sb-border, #d1d5db); background: #fff; }
  button[aria-pressed='true'] { background: #fef3c7; }
  button:focus-visible { outline: 3px solid var(--sb-focus, #f59e0b); outline-offset: 2px; }
  .hangup { background: #b91c1c; border-color: #b91c1c; color: #fff; }
  .recording { color: #b91c1c; font-variant-numeric: tabular-nums; }
  .muted { color: #64748b; }

  /* The agent app: one line, its own button style, an outlined hang-up. */
  :host([side='agent']) .bar { gap: 10px; border-bottom-color: #a7f3d0; font-size: inherit; }
  :host([side='agent']) .what { display: contents; }
  :host([side='agent']) .state { font-weight: 600; }
  :host([side='agent']) meter { flex: none; width: 120px; min-width: 0; }
  :host([side='agent']) button { padding: 6px 12px; border-color: #cbd5e1; }
  :host([side='agent']) button:disabled { opacity: 0.5; cursor: not-allowed; }
  :host([side='agent']) .hangup { background: #fff; color: #b91c1c; }
`;
