/** What the team screen's dialogs share: their look, and finding the element to give focus back to. */
import { css } from 'lit';

export const dialogStyles = css`
  dialog { border: none; border-radius: 14px; padding: 24px; width: min(480px, 92vw); box-shadow: 0 12px 40px rgb(15 23 42 / 0.3); color: var(--sb-color-text); }
  dialog::backdrop { background: rgb(15 23 42 / 0.45); }
  h2 { margin: 0 0 12px; font-size: 19px; }
  .actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; margin-top: 16px; }
`;

/** The element that has focus, looking inside shadow roots (document.activeElement stops at the first host). */
export function focusedElement(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}
