/** Styles of the chat panel. Theme with --sb-* custom properties or ::part(). Logical sides only: the panel mirrors under dir="rtl". */
import { css } from 'lit';

export const chatPanelStyles = css`
  :host {
    display: block;
    height: 100%;
    font: 15px/1.4 var(--sb-font, system-ui, -apple-system, 'Segoe UI', sans-serif);
    color: var(--sb-text, var(--sb-color-text));
  }
  section {
    display: flex; flex-direction: column; height: 100%; box-sizing: border-box;
    background: var(--sb-surface, var(--sb-color-surface)); border-radius: var(--sb-radius, 14px);
    box-shadow: 0 10px 40px rgb(0 0 0 / 0.22); overflow: hidden;
  }
  /* A div, not a <header>: inside the shadow root a header would be a second banner beside the site's own. */
  .header {
    display: flex; align-items: center; gap: 8px; padding: 14px 16px;
    background: var(--sb-accent, var(--sb-color-accent)); color: var(--sb-accent-contrast, var(--sb-color-on-accent));
  }
  .header h2 { flex: 1; min-width: 0; overflow-wrap: anywhere; margin: 0; font-size: 16px; font-weight: 600; }
  button { font: inherit; cursor: pointer; }
  button:focus-visible, textarea:focus-visible { outline: 3px solid var(--sb-focus, var(--sb-color-focus)); outline-offset: 2px; }
  .call-button { background: var(--sb-accent-contrast, var(--sb-color-on-accent)); color: var(--sb-accent, var(--sb-color-accent)); border: none; border-radius: 999px; padding: 4px 12px; font-weight: 600; }
  /* 44 px: a finger's width (WCAG 2.5.5), so Close is not missed on a phone. */
  .icon-button { background: transparent; border: none; color: inherit; min-width: 44px; min-height: 44px; padding: 4px 8px; border-radius: 6px; font-size: 22px; line-height: 1; }
  .status { padding: 8px 16px; font-size: 13px; background: var(--sb-status-bg, var(--sb-color-accent-soft)); color: var(--sb-status-text, var(--sb-color-accent-soft-text)); }
  .status.warn { background: var(--sb-color-warn-soft); color: var(--sb-color-warn-soft-text); }
  .status:empty { display: none; }
  .topic-bar { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; padding: 6px 16px; font-size: 13px; border-bottom: 1px solid var(--sb-border, var(--sb-color-border-subtle)); }
  .topic-bar .link { font: inherit; background: none; border: none; padding: 0; cursor: pointer; color: var(--sb-accent, var(--sb-color-accent-text)); text-decoration: underline; }
  .topic-bar .link:focus-visible { outline: 3px solid var(--sb-focus, var(--sb-color-focus)); outline-offset: 2px; }
  .log { flex: 1; overflow-y: auto; }
  ol { list-style: none; margin: 0; padding: 12px 16px; display: flex; flex-direction: column; gap: 8px; }
  li { max-width: 85%; }
  li.bot { max-width: 95%; }
  .system { align-self: center; max-width: 100%; font-size: 13px; color: var(--sb-muted, var(--sb-color-muted)); text-align: center; }
  .message { padding: 8px 12px; border-radius: 12px; overflow-wrap: anywhere; }
  /* Only the message text keeps its line breaks; the template's own whitespace must not show. */
  .text { white-space: pre-wrap; }
  .message.visitor { align-self: flex-end; background: var(--sb-visitor-bubble, var(--sb-color-accent)); color: var(--sb-visitor-bubble-text, var(--sb-color-on-accent)); border-end-end-radius: 4px; }
  .message.agent { align-self: flex-start; background: var(--sb-agent-bubble, var(--sb-color-surface-sunken)); border-end-start-radius: 4px; }
  .message.pending { opacity: 0.7; }
  .author { display: block; font-size: 12px; font-weight: 600; margin-bottom: 2px; }
  /* Runs of messages from one person: the agent's initials beside the first bubble, a tighter gap, the time under the last. */
  .message { position: relative; }
  .message.agent { margin-inline-start: 36px; }
  .message.continued { margin-block-start: -4px; }
  .avatar {
    position: absolute; inset-block-start: 0; inset-inline-start: -36px; width: 28px; height: 28px; border-radius: 999px;
    display: grid; place-items: center; font-size: 11px; font-weight: 700;
    background: var(--sb-avatar-bg, var(--sb-color-accent-soft)); color: var(--sb-avatar-text, var(--sb-color-accent-soft-text));
  }
  .time { display: block; font-size: 11px; opacity: 0.85; margin-top: 2px; text-align: end; }
  .divider { align-self: stretch; max-width: 100%; display: flex; align-items: center; gap: 8px; font-size: 12px; font-weight: 600; color: var(--sb-color-danger); }
  .divider::before, .divider::after { content: ''; flex: 1; border-top: 1px solid currentColor; }
  .meta { display: block; font-size: 11px; opacity: 0.8; margin-top: 2px; text-align: end; }
  .typing { padding: 0 16px 6px; font-size: 13px; color: var(--sb-muted, var(--sb-color-muted)); min-height: 1em; }
  form { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid var(--sb-border, var(--sb-color-border-subtle)); }
  textarea {
    flex: 1; min-width: 0; resize: none; font: inherit; padding: 8px 10px; border-radius: 8px;
    border: 1px solid var(--sb-border, var(--sb-color-border)); min-height: 40px; max-height: 120px;
  }
  .primary { background: var(--sb-accent, var(--sb-color-accent)); color: var(--sb-accent-contrast, var(--sb-color-on-accent)); border: none; border-radius: 8px; padding: 8px 14px; min-height: 44px; min-width: 64px; flex: none; }
  .secondary { background: transparent; border: 1px solid var(--sb-border, var(--sb-color-border)); border-radius: 8px; padding: 6px 12px; color: inherit; }
  .footer { display: flex; justify-content: center; gap: 8px; padding: 0 12px 10px; flex-wrap: wrap; align-items: center; font-size: 13px; }
  .error { color: var(--sb-color-danger); font-size: 13px; padding: 0 16px 6px; }
  .length { font-size: 12px; padding: 0 12px; color: var(--sb-color-muted); text-align: end; }
  .length:empty { display: none; }
  .length.over { color: var(--sb-color-danger); font-weight: 600; text-align: start; padding-bottom: 6px; }
  textarea[aria-invalid='true'] { border-color: var(--sb-color-danger); }
  .text ul, .text ol { margin: 4px 0; padding-inline-start: 20px; white-space: normal; }
  .text code { font-family: ui-monospace, monospace; font-size: 0.92em; background: rgb(0 0 0 / 0.07); border-radius: 4px; padding: 0 3px; }
  .text a { color: inherit; text-decoration: underline; }
  .rating { display: flex; flex-direction: column; align-items: center; gap: 6px; font-size: 14px; }
  .star { width: 36px; height: 36px; border-radius: 50%; border: 1px solid var(--sb-border, var(--sb-color-border)); background: transparent; color: inherit; }
  .ended { display: flex; flex-direction: column; align-items: center; gap: 8px; padding: 12px; border-top: 1px solid var(--sb-border, var(--sb-color-border-subtle)); }
  .cobrowse { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; padding: 8px 16px; border-bottom: 1px solid var(--sb-border, var(--sb-color-border-subtle)); font-size: 14px; }
  .cobrowse.ask { background: var(--sb-color-accent-soft); }
  .cobrowse p { margin: 0; }
  .cobrowse-actions { display: flex; gap: 8px; }
  .web-call-ring { display: grid; gap: 8px; padding: 12px 16px; background: var(--sb-color-accent-soft); border-bottom: 1px solid var(--sb-border, var(--sb-color-border-subtle)); }
  .web-call-ring p { margin: 0; }
  .web-call-ring .ring-title { font-weight: 600; font-size: 15px; }
  .web-call-ring .ring-hint { font-size: 13px; }
  .web-call-setting { display: flex; align-items: center; gap: 6px; padding: 4px 16px; font-size: 13px; color: var(--sb-color-muted); }
  .file-input { display: none; }
  .attach { flex: none; min-width: 44px; min-height: 44px; border-radius: 8px; border: 1px solid var(--sb-border, #d1d5db); background: transparent; font-size: 18px; }
  .message sb-attachments { margin-block-start: 4px; }
  .uploads { list-style: none; margin: 0; padding-block: 4px; padding-inline: 16px; display: flex; flex-direction: column; gap: 4px; font-size: 13px; }
  .uploads li { max-width: 100%; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
  .uploads progress { flex: 1; min-width: 80px; }
  .uploads .failed { color: #b91c1c; }
  .transcript { display: flex; flex-wrap: wrap; justify-content: center; align-items: center; gap: 8px; font-size: 13px; }
  .transcript-form { border: none; padding: 0; flex-wrap: wrap; align-items: center; justify-content: center; }
  .transcript-form input { font: inherit; padding: 6px 8px; border-radius: 8px; border: 1px solid var(--sb-border, #d1d5db); min-width: 0; }
  /* Full screen on phones (the loader's breakpoint): square corners, and 16 px text in the composer so iOS does not zoom into it. */
  @media (max-width: 480px), (max-height: 500px) {
    section { border-radius: 0; box-shadow: none; }
    textarea { font-size: 16px; }
  }
`;
