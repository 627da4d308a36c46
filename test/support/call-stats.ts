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

/**
 * Polls an async expression in the page every `intervalMs` until it yields anything but `false`,
 * and returns that. page.waitForFunction cannot do this: it takes the Promise an async predicate
 * returns as a truthy answer and resolves at once, without waiting for the condition.
 */
async function pollInPage<T>(page: Page, expression: string, what: string, intervalMs: number, timeoutMs = 15_000): Promise<T> {
  return (await page.evaluate(`(async () => {
    const deadline = Date.now() + ${timeoutMs};
    for (;;) {
      const value = await (${expression});
      if (value !== false) return value;
      if (Date.now() > deadline) throw new Error(${JSON.stringify(`timed out after ${timeoutMs} ms waiting until ${what}`)});
      await new Promise((resolve) => setTimeout(resolve, ${intervalMs}));
    }
  })()`)) as T;
}

/** Waits until the page has received more audio than `than` bytes (or any, by default). */
export async function audioArrives(page: Page, handle: string, than = 0): Promise<number> {
  return pollInPage<number>(page, `(async () => { const b = await ${audioBytes(handle, 'inbound')}; return b > ${than} ? b : false; })()`, `more than ${than} bytes of audio arrive`, 100);
}

/** Waits until no audio has arrived for a whole polling interval (muted or held at the other end). */
export async function audioStops(page: Page, handle: string): Promise<void> {
  await page.evaluate('window.__sbLastBytes = undefined');
  await pollInPage(
    page,
    `(async () => { const b = await ${audioBytes(handle, 'inbound')}; const prev = window.__sbLastBytes; window.__sbLastBytes = b; return prev !== undefined && b === prev ? b : false; })()`,
    'audio stops arriving',
    600,
  );
}

/** An expression for the inbound audio's energy so far (getStats' totalAudioEnergy) and over how many seconds of samples. */
const inboundEnergyOf = (handle: string) => `(async () => {
  const call = ${handle};
  let energy = 0, seconds = 0;
  if (call && call.peerConnection) (await call.peerConnection.getStats()).forEach((r) => { if (r.kind === 'audio' && r.type === 'inbound-rtp') { energy += r.totalAudioEnergy ?? 0; seconds += r.totalSamplesDuration ?? 0; } });
  return { energy, seconds };
})()`;

/** The inbound audio's energy so far and over how many seconds of samples. */
export async function inboundEnergy(page: Page, handle: string): Promise<{ energy: number; seconds: number }> {
  return page.evaluate(inboundEnergyOf(handle));
}

/**
 * The mean power of the audio a page received over the next `ms` (totalAudioEnergy per second of
 * samples, as WebRTC's stats define it: the mean of the squared level, 0 for silence, 1 at full scale).
 */
export async function inboundPower(page: Page, handle: string, ms: number): Promise<number> {
  const before = await inboundEnergy(page, handle);
  await page.waitForTimeout(ms); // a measuring window, not a wait for an event
  const later = await inboundEnergy(page, handle);
  const seconds = later.seconds - before.seconds;
  return seconds > 0 ? (later.energy - before.energy) / seconds : 0;
}

/**
 * Waits until what arrives is silence: the inbound power over one polling interval falls below
 * `below` (what was already on its way when the other side muted has played out).
 */
export async function audioFallsQuiet(page: Page, handle: string, below = 1e-4): Promise<void> {
  await page.evaluate('window.__sbLastEnergy = undefined');
  await pollInPage(
    page,
    `(async () => { const now = await ${inboundEnergyOf(handle)}; const prev = window.__sbLastEnergy; window.__sbLastEnergy = now; return prev !== undefined && now.seconds > prev.seconds && (now.energy - prev.energy) / (now.seconds - prev.seconds) < ${below} ? true : false; })()`,
    `the audio falls quiet (power below ${below})`,
    300,
  );
}
