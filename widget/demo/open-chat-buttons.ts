/**
 * The demo store's own buttons that open the chat ("Chat with an expert"), wired by a data
 * attribute rather than an inline onclick: the demo site runs under a strict
 * Content-Security-Policy, as a careful customer's site would.
 */
for (const button of document.querySelectorAll<HTMLElement>('[data-open-chat]')) {
  button.addEventListener('click', () => (window as unknown as { Switchboard: { open(): void } }).Switchboard.open());
}
