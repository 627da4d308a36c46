/**
 * A TCP proxy on a loopback port in front of the server, that can freeze: from then on nothing
 * passes either way and no connection is closed, so the server sees what it would see of a
 * frozen process, a laptop whose lid was shut or a pulled cable: silence, and no close frame.
 * A party whose pages are loaded through it (its own origin, same cookies host) can be cut off
 * this way while everyone else keeps talking to the server directly.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface FreezableProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Stops every byte both ways, closing nothing; connections opened afterwards hang as well. */
  freeze(): void;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

export async function startFreezableProxy(target: { host: string; port: number }): Promise<FreezableProxy> {
  let frozen = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };
  /** Copies `from` into `to` while not frozen; once frozen, what arrives is dropped and an end or close is not passed on. */
  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      if (!frozen) to.write(chunk);
    });
    from.on('end', () => {
      if (!frozen) to.end();
    });
    from.on('close', () => {
      if (!frozen) to.destroy();
    });
  };
  const server = createServer((client) => {
    track(client);
    if (frozen) return; // held open, never answered
    const upstream = connect(target.port, target.host);
    track(upstream);
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    freeze() {
      frozen = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
