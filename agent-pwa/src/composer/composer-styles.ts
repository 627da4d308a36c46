/** Styles of the reply composer's own parts, adopted by the conversation view it renders in. */
import { css } from 'lit';

export const composerStyles = css`
  sb-composer { display: contents; }
  .hint-inline { font-size: 12px; }
  .length { font-size: 12px; color: #475569; text-align: end; }
  .length:empty { display: none; }
  .length.over { color: #b91c1c; font-weight: 600; text-align: start; }
  textarea[aria-invalid='true'] { border-color: #b91c1c; }
  .chips { display: flex; flex-wrap: wrap; gap: 6px; }
  .chip { border-radius: 999px; padding: 2px 10px; font-size: 13px; background: var(--sb-color-accent-soft); border: 1px solid var(--sb-color-accent-soft); }
  .chip.article { background: var(--sb-color-success-soft); border-color: var(--sb-color-success-soft-text); }
  .chip svg { vertical-align: -2px; }
  [role='listbox'] { list-style: none; margin: 0; padding: 4px; border: 1px solid var(--sb-color-border); border-radius: 8px; max-height: 180px; overflow-y: auto; }
  [role='option'] { max-width: none; padding: 4px 8px; border-radius: 6px; cursor: pointer; }
  [role='option'][aria-selected='true'] { background: var(--sb-color-accent-soft); }
  .file-input { display: none; }
  .attach { min-inline-size: 40px; font-size: 17px; }
  .uploads { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; font-size: 13px; }
  .uploads li { max-width: none; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
  .uploads progress { flex: 1; min-inline-size: 80px; }
  .uploads .failed { color: var(--sb-color-danger); }
  .held { display: flex; flex-direction: column; gap: 2px; font-size: 13px; }
  .held li span[dir] { overflow-wrap: anywhere; }
`;
