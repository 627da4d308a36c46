/** The look of the Quality screen's parts: cards for proposals and reviews, and the forms inside them. */
import { css } from 'lit';

export const qualityStyles = css`
  form { display: grid; gap: 10px; }
  fieldset { border: 1px solid var(--sb-color-border-subtle); border-radius: 8px; padding: 6px 10px; margin: 0; }
  legend { font-size: 14px; padding: 0 4px; }
  label { font-size: 14px; }
  .choices { display: flex; flex-wrap: wrap; gap: 4px 14px; }
  .stacked { display: grid; gap: 4px; }
  input[type='text'], input[type='number'], textarea, select { font: inherit; padding: 5px 8px; border: 1px solid var(--sb-color-border); border-radius: 8px; background: var(--sb-color-surface); color: inherit; }
  textarea { min-block-size: 4em; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; }
  .error { margin: 0; color: var(--sb-color-danger); font-size: 14px; }
`;
