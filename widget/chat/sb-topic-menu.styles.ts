/** Styles of the topic menu: a column of full-width buttons that fits a 360 px panel, either direction. */
import { css } from 'lit';

export const topicMenuStyles = css`
  :host { display: block; overflow-y: auto; min-height: 0; flex: 1 1 auto; }
  .menu { display: flex; flex-direction: column; gap: 8px; padding: 12px 14px; }
  p { margin: 0; }
  .question { font-weight: 600; }
  button { font: inherit; cursor: pointer; border-radius: 8px; padding: 8px 12px; border: 1px solid var(--sb-color-accent-soft); background: var(--sb-color-surface); color: inherit; text-align: start; overflow-wrap: anywhere; }
  .topic { width: 100%; }
  .primary { background: var(--sb-accent, var(--sb-color-accent)); color: var(--sb-accent-contrast, var(--sb-color-on-accent)); border-color: transparent; }
  .link { background: none; border: none; padding: 0; color: var(--sb-accent, var(--sb-color-accent-text)); text-decoration: underline; }
  button:focus-visible { outline: 3px solid var(--sb-focus, var(--sb-color-focus)); outline-offset: 2px; }
  ul { margin: 0; padding-inline-start: 18px; display: grid; gap: 6px; }
  .article { white-space: pre-wrap; font-size: 14px; background: var(--sb-color-surface-sunken); border-radius: 8px; padding: 6px 8px; }
  .actions { display: flex; flex-wrap: wrap; gap: 6px; }
`;
