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
  .chip { border-radius: 999px; padding: 2px 10px; font-size: 13px; background: #eef2ff; border: 1px solid #c7d2fe; }
  .chip.article { background: #f0fdf4; border-color: #bbf7d0; }
  [role='listbox'] { list-style: none; margin: 0; padding: 4px; border: 1px solid #cbd5e1; border-radius: 8px; max-height: 180px; overflow-y: auto; }
  [role='option'] { max-width: none; padding: 4px 8px; border-radius: 6px; cursor: pointer; }
  [role='option'][aria-selected='true'] { background: #e0e7ff; }
  .file-input { display: none; }
  .attach { min-inline-size: 40px; font-size: 17px; }
  .uploads { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; font-size: 13px; }
  .uploads li { max-width: none; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
  .uploads progress { flex: 1; min-inline-size: 80px; }
  .uploads .failed { color: #b91c1c; }
`;
