/**
 * The look both report screens share: the filter form above, the figures tables (numbers aligned
 * at the end in tabular digits, the first two columns at the start), and headings between them.
 */
import { css } from 'lit';

export const reportStyles = css`
  form { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin-bottom: 12px; }
  label { display: grid; gap: 4px; font-size: 13px; }
  input, select { padding: 5px 8px; border: 1px solid var(--sb-color-border); border-radius: 8px; background: var(--sb-color-surface); color: inherit; }
  h2 { font-size: 16px; margin: 20px 0 8px; }
  /* Each table scrolls sideways on its own when its columns do not fit, rather than being cut (focusable, so a keyboard can scroll it). */
  .scroll { overflow-x: auto; max-width: 100%; }
  table { border-collapse: collapse; width: 100%; background: var(--sb-color-surface); border: 1px solid var(--sb-color-border-subtle); }
  th, td { padding: 5px 8px; border-bottom: 1px solid var(--sb-color-border-subtle); text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
  th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: start; }
`;
