/** Headless Debian Chromium through playwright-core; one browser context per party. */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** For calls: a fake microphone (a beep) granted without a prompt, and WebRTC allowed on loopback. */
export const CHROMIUM_MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required', '--allow-loopback-in-peer-connection'];

export async function launchBrowser(options: { media?: boolean } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...(options.media ? CHROMIUM_MEDIA_ARGS : [])] });
}

/**
 * Keeps call traffic on loopback: each page ignores remote ICE candidates that are not
 * 127.0.0.1, so connectivity checks and media never leave the machine's loopback interface.
 * A string, not a function: tsx would wrap a function in helpers the page does not have.
 */
export const LOOPBACK_ONLY_ICE = `(() => {
  const add = RTCPeerConnection.prototype.addIceCandidate;
  RTCPeerConnection.prototype.addIceCandidate = function (candidate, ...rest) {
    const line = candidate && (candidate.candidate ?? '');
    if (line && !/ 127\\.0\\.0\\.1 /.test(line)) return Promise.resolve();
    return add.call(this, candidate, ...rest);
  };
})();`;

/** A fresh, isolated party (its own cookies and storage), failing fast on page errors; `options` set its language or screen. */
export async function newParty(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(15_000);
  return context;
}
