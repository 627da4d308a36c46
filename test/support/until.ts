/**
 * Waits for a condition that no event announces (a socket's close seen by the server, a count the
 * parties of a load test reach): checks it every 20 ms, and fails naming `what` after
 * `timeoutMs`. For what the browser shows, use Playwright's own waits instead.
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
