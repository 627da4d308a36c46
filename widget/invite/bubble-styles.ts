/**
 * The invitation bubble's styles: above the launcher, on its side (`data-left` on the host, set by
 * the loader for right-to-left languages and data-position="left"), never wider than a 360 px phone
 * allows. Themeable with the launcher's --sb-* properties and ::part(invitation).
 */
export const bubbleCss = `
.invite {
  position: fixed; z-index: 2147483000; box-sizing: border-box;
  right: var(--sb-offset-x, 20px); bottom: calc(var(--sb-offset-y, 20px) + 68px);
  width: min(300px, calc(100vw - 2 * var(--sb-offset-x, 20px)));
  padding: 12px 40px 12px 14px; border-radius: 12px;
  background: var(--sb-surface, #fff); color: var(--sb-text, #1f2937);
  box-shadow: 0 6px 24px #0003; font: 14px/1.4 system-ui, sans-serif; text-align: start;
}
:host([data-left]) .invite { right: auto; left: var(--sb-offset-x, 20px); }
:host([dir=rtl]) .invite { padding: 12px 14px 12px 40px; }
.invite-from { margin: 0 0 4px; font-weight: 600; }
.invite-text { margin: 0 0 10px; white-space: pre-line; overflow-wrap: anywhere; }
.invite-reply {
  border: 0; border-radius: 8px; padding: 8px 14px; min-height: 40px; cursor: pointer; font: inherit; font-weight: 600;
  background: var(--sb-accent, #4338ca); color: var(--sb-accent-contrast, #fff);
}
.invite-close {
  position: absolute; top: 6px; inset-inline-end: 6px; width: 32px; height: 32px; border: 0; border-radius: 50%;
  background: transparent; color: inherit; cursor: pointer; display: grid; place-items: center;
}
.invite-close svg { width: 16px; height: 16px; fill: currentColor; }
.invite button:focus-visible { outline: 3px solid var(--sb-focus, #f59e0b); outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) { .invite { animation: sb-invite-in .2s ease-out; } }
@keyframes sb-invite-in { from { opacity: 0; transform: translateY(8px); } }
`;
