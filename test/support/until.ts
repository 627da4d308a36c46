/**
 * Waits for a condition on the server's side that no event announces (a socket's close seen by
 * the server): checks it on every turn of the event loop's timers, and fails with `what` after
 * `timeoutMs`. For what the browser shows, use Playwright's own waits instead.
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
