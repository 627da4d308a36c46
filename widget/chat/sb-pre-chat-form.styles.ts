/** Styles of the pre-chat form: one column of labelled fields that fits a 360 px panel. */
import { css } from 'lit';

export const preChatFormStyles = css`
  :host { display: block; height: auto; overflow-y: auto; min-height: 0; flex: 1 1 auto; }
  input:focus-visible { outline: 3px solid var(--sb-focus, var(--sb-color-focus)); outline-offset: 2px; }
  form { display: flex; flex-direction: column; gap: 10px; padding: 12px 14px; }
  p { margin: 0; }
  .field { display: flex; flex-direction: column; gap: 4px; }
  label { font-weight: 500; overflow-wrap: anywhere; }
  .need { font-weight: 400; color: var(--sb-color-muted); font-size: 0.85em; }
  input:not([type='checkbox']), textarea { font: inherit; padding: 6px 8px; border: 1px solid var(--sb-color-border); border-radius: 6px; width: 100%; box-sizing: border-box; }
  textarea { resize: vertical; }
  .consent { display: grid; grid-template-columns: auto 1fr; gap: 4px 8px; align-items: start; }
  .consent input { margin: 3px 0 0; width: 18px; height: 18px; }
  .consent label { font-weight: 400; }
  .consent .error { grid-column: 2; }
  [aria-invalid='true'] { border-color: var(--sb-color-danger); outline: 1px solid var(--sb-color-danger); }
  .error { color: var(--sb-color-danger); font-size: 0.9em; }
  .error:empty { display: none; }
`;
