/**
 * What most end-to-end files set up the same way: a data folder of their own, the real server on
 * it, and one Chromium; torn down in reverse order whatever failed. Called inside a `describe`,
 * it adds that suite's first `before` and `after`, so the file's own hooks (signing in, seeding
 * through the API) run with the server and browser already there:
 *
 *   describe('…', () => {
 *     const stage = useStage({ env: e2eAdminEnv });
 *     it('…', async () => {
 *       const page = await stage.page();
 *       await page.goto(stage.server.url);
 *     });
 *   });
 */
import { after, before } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, newParty } from './browser.js';
import { startServer, tempDataDir, type RunningServer } from './server-process.js';

type DataDir = ReturnType<typeof tempDataDir>;

export interface StageOptions {
  /** The server's environment on top of the test's own database; a function when it needs the data folder. */
  env?: Record<string, string> | ((data: DataDir) => Record<string, string>);
  /** Fake microphone and camera, autoplay and loopback WebRTC (calls, sounds). */
  media?: boolean;
}

export interface Stage {
  readonly data: DataDir;
  /** The running server; a test that restarts it puts the new one here (`stage.server = await stage.startServer(…)`). */
  server: RunningServer;
  readonly browser: Browser;
  /** Starts the server again on the stage's database and environment (on `port` to keep its address). */
  startServer(port?: number): Promise<RunningServer>;
  /** A new party (its own cookies and storage): `options` set its language or screen. */
  party(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new party's first page. */
  page(options?: BrowserContextOptions): Promise<Page>;
}

export function useStage(options: StageOptions = {}): Stage {
  const data = tempDataDir();
  const env = typeof options.env === 'function' ? options.env(data) : (options.env ?? {});
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the stage's ${what} is not started: use the stage inside a test or a later hook`);
    return value;
  };
  const stage: Stage = {
    data,
    get server() {
      return ready(server, 'server');
    },
    set server(next) {
      server = next;
    },
    get browser() {
      return ready(browser, 'browser');
    },
    startServer: (port) => startServer({ databaseUrl: data.databaseUrl, env, ...(port !== undefined ? { port } : {}) }),
    party: (contextOptions) => newParty(stage.browser, contextOptions),
    page: async (contextOptions) => (await stage.party(contextOptions)).newPage(),
  };
  before(async () => {
    server = await stage.startServer();
    browser = await launchBrowser({ media: options.media ?? false });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    data.dispose();
  });
  return stage;
}
