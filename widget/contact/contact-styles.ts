/** Styles of the contact options inside the panel (they reuse the panel's buttons and colours). */
import { css } from 'lit';

export const contactStyles = css`
  :host { display: block; height: auto; }
  .contact { display: flex; flex-direction: column; gap: 10px; padding: 12px 14px; }
  .contact p { margin: 0; }
  .notice { background: var(--sb-notice, var(--sb-color-accent-soft)); border-radius: 8px; padding: 8px 10px; }
  .booked { display: flex; flex-direction: column; gap: 6px; align-items: flex-start; }
  .choices { display: flex; flex-wrap: wrap; gap: 8px; }
  form { display: flex; flex-direction: column; gap: 8px; }
  h3 { margin: 0; font-size: 1em; }
  label { display: flex; flex-direction: column; gap: 4px; font-weight: 500; }
  label.inline { flex-direction: row; align-items: center; gap: 6px; font-weight: 400; }
  input:not([type='radio']), textarea, select { font: inherit; padding: 6px 8px; border: 1px solid var(--sb-color-border); border-radius: 6px; }
  [aria-invalid='true'] { border-color: var(--sb-color-danger); outline: 1px solid var(--sb-color-danger); }
  fieldset { border: 1px solid var(--sb-color-border); border-radius: 8px; display: flex; flex-direction: column; gap: 6px; }
  .hint { font-size: 0.85em; color: var(--sb-color-muted); }
  .error { color: var(--sb-color-danger); }
`;
