/**
 * Reads a page's live call from outside, through getStats(): is audio arriving, and has it
 * stopped? Expressions are strings, evaluated in the page (see LOOPBACK_ONLY_ICE for why).
 */
import type { Page } from 'playwright-core';

/** The widget's call, and the agent app's newest live call. */
export const VISITOR_CALL = 'window.__switchboardCall';
export const AGENT_CALL = "Object.values(window.__switchboardCalls ?? {}).find((c) => c.state.status !== 'closed')";

const audioBytes = (handle: string, direction: 'inbound' | 'outbound') => `(async () => {
  const call = ${handle};
  if (!call || !call.peerConnection) return -1;
  const report = await call.peerConnection.getStats();
  let bytes = 0;
  report.forEach((r) => { if (r.kind === 'audio' && r.type === '${direction}-rtp') bytes += ${direction === 'inbound' ? 'r.bytesReceived' : 'r.bytesSent'}; });
  return bytes;
})()`;

export async function receivedBytes(page: Page, handle: string): Promise<number> {
  return page.evaluate(audioBytes(handle, 'inbound'));
}

/** Waits until the page has received more audio than `than` bytes (or any, by default). */
export async function audioArrives(page: Page, handle: string, than = 0): Promise<number> {
  const result = await page.waitForFunction(`(async () => { const b = await ${audioBytes(handle, 'inbound')}; return b > ${than} ? b : false; })()`, undefined, { polling: 100, timeout: 15_000 });
  return (await result.jsonValue()) as number;
}

/** Waits until no audio has arrived for a whole polling interval (muted or held at the other end). */
export async function audioStops(page: Page, handle: string): Promise<void> {
  await page.evaluate('window.__sbLastBytes = undefined');
  await page.waitForFunction(
    `(async () => { const b = await ${audioBytes(handle, 'inbound')}; const prev = window.__sbLastBytes; window.__sbLastBytes = b; return prev !== undefined && b === prev; })()`,
    undefined,
    { polling: 600, timeout: 15_000 },
  );
}
