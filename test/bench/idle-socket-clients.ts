/**
 * The clients of the idle-socket benchmark, in a process of their own (with the server's 10,000
 * sockets, one process would pass its file-descriptor limit). Asked over IPC to open `count`
 * sockets to `url`, it keeps at most `window` handshakes in flight (below the server's listen
 * backlog of 511, so no SYN is dropped and retried a second later), then reports how long
 * opening all of them took. The sockets say nothing once open; ws answers the servers' pings.
 */
import { WebSocket } from 'ws';

interface OpenRequest {
  url: string;
  origin: string;
  count: number;
  window: number;
}

const sockets: WebSocket[] = [];

function openAll({ url, origin, count, window }: OpenRequest): Promise<{ openMs: number; failures: string[] }> {
  const started = performance.now();
  const failures: string[] = [];
  let begun = 0;
  let settled = 0;
  return new Promise((resolve) => {
    const next = () => {
      if (begun === count) return;
      const index = begun++;
      const ws = new WebSocket(url.replaceAll('{i}', String(index)), { headers: { origin } });
      sockets.push(ws);
      const done = (failure?: string) => {
        if (failure && failures.length < 5) failures.push(failure);
        if (++settled === count) resolve({ openMs: performance.now() - started, failures });
        else next();
      };
      ws.once('open', () => done());
      ws.once('error', (error) => done(error.message));
    };
    for (let i = 0; i < Math.min(window, count); i++) next();
  });
}

process.on('message', (message: OpenRequest | 'close') => {
  if (message === 'close') {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
  void openAll(message).then((result) => process.send!(result));
});
