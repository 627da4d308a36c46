/** Styles of the account and team forms: labelled fields in a column, errors beside them, a card for full-page forms. */
import { css } from 'lit';

export const formStyles = css`
  form { display: grid; gap: 12px; }
  label, .field { display: grid; gap: 4px; align-content: start; font-weight: 600; font-size: 14px; }
  input:not([type='checkbox']):not([type='radio']):not([type='range']), select { max-width: 32rem; padding: 8px 10px; border: 1px solid var(--sb-color-border); border-radius: 8px; font-weight: 400; background: var(--sb-color-surface); }
  input[aria-invalid='true'] { border-color: var(--sb-color-danger); }
  fieldset { border: 1px solid var(--sb-color-border); border-radius: 8px; padding: 8px 12px; display: grid; gap: 6px; margin: 0; min-width: 0; }
  legend { font-weight: 600; font-size: 14px; padding: 0 4px; }
  fieldset label, label.inline { display: flex; gap: 8px; align-items: center; font-weight: 400; }
  .field-error { color: var(--sb-color-danger); font-size: 13px; font-weight: 400; margin: 0; }
  .error { color: var(--sb-color-danger); margin: 0; }
  .hint { color: var(--sb-color-muted); font-size: 13px; font-weight: 400; margin: 0; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
  .card { width: min(420px, 92vw); padding: 28px; background: var(--sb-color-surface); border-radius: 14px; box-shadow: 0 6px 30px rgb(15 23 42 / 0.12); }
  .card h1 { margin: 0 0 8px; font-size: 22px; }
  section { margin-bottom: 24px; }
  h2 { font-size: 17px; margin: 0 0 8px; }
  .table-scroll { overflow-x: auto; max-width: 100%; }
  table { border-collapse: collapse; min-width: 100%; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--sb-color-border-subtle); font-size: 14px; vertical-align: top; }
  thead th { white-space: nowrap; }
`;
