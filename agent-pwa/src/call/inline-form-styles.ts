/**
 * The look of the small forms that open above a conversation (transfer, escalate): a band across
 * the conversation, a heading, labelled fields, the actions at the end, and a refusal in red.
 */
import { css } from 'lit';

export const inlineFormStyles = css`
  form { display: grid; gap: 8px; padding: 12px 16px; background: var(--sb-color-page); border-bottom: 1px solid var(--sb-color-border-subtle); }
  h3 { margin: 0; font-size: 15px; }
  label { display: grid; gap: 4px; font-size: 14px; }
  select, textarea { font: inherit; padding: 6px 8px; border: 1px solid var(--sb-color-border); border-radius: 8px; background: var(--sb-color-surface); color: inherit; }
  .actions { display: flex; gap: 8px; justify-content: flex-end; }
  .error { margin: 0; color: var(--sb-color-danger); font-size: 14px; }
`;
