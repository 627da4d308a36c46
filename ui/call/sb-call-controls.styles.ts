/** Styles of the call controls: the widget's look by default, themable with --sb-* properties; the agent app's denser look with side="agent". */
import { css } from 'lit';

export const callControlsStyles = css`
  :host { display: block; box-sizing: border-box; }
  *, *::before, *::after { box-sizing: inherit; }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 16px; background: var(--sb-call-bg, var(--sb-color-success-soft)); border-bottom: 1px solid var(--sb-border, var(--sb-color-border-subtle)); font-size: 14px; }
  .what { flex: 1 1 100%; display: flex; justify-content: space-between; gap: 8px; }
  .timer { font-variant-numeric: tabular-nums; }
  meter { flex: 1; min-width: 60px; height: 10px; }
  button { font: inherit; color: inherit; cursor: pointer; border-radius: 8px; padding: 6px 10px; border: 1px solid var(--sb-border, var(--sb-color-border)); background: var(--sb-color-surface); }
  button[aria-pressed='true'] { background: var(--sb-color-warn-soft); }
  button:focus-visible { outline: 3px solid var(--sb-focus, var(--sb-color-focus)); outline-offset: 2px; }
  .hangup { background: var(--sb-color-danger-fill); border-color: var(--sb-color-danger); color: var(--sb-color-on-accent); }
  .recording { color: var(--sb-color-danger); font-variant-numeric: tabular-nums; }
  .muted { color: var(--sb-color-muted); }

  /* The agent app: one line, its own button style, an outlined hang-up. */
  :host([side='agent']) .bar { gap: 10px; border-bottom-color: var(--sb-color-success-soft-text); font-size: inherit; }
  :host([side='agent']) .what { display: contents; }
  :host([side='agent']) .state { font-weight: 600; }
  :host([side='agent']) meter { flex: none; width: 120px; min-width: 0; }
  :host([side='agent']) button { padding: 6px 12px; border-color: var(--sb-color-border); }
  :host([side='agent']) button:disabled { opacity: 0.5; cursor: not-allowed; }
  :host([side='agent']) .hangup { background: var(--sb-color-surface); color: var(--sb-color-danger); }
`;
