/**
 * Every node's public port in cluster mode. The node that owns the ACD serves everything; the
 * front door of every node (the owner's too) forwards each connection, bytes as they are, to the
 * owner's internal port, after a signed line with the client's address. So any node can take any
 * connection (a load balancer needs no sticky sessions, WebSockets included), and when the owner
 * dies its clients reconnect through any front door to the next owner.
 *
 * The probes are answered here, by the node itself, so that a load balancer sees each node's own
 * health and role rather than the owner's. Only the first request of a connection can be looked
 * at (after it, the bytes are the owner's business): a probe sent later on a kept-alive,
 * forwarded connection is answered by the owner, which names itself in its answer. Load
 * balancers' health checks open a connection per check, and so reach the node itself.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface ProbeAnswer {
  status: number;
  body: unknown;
}

export interface FrontDoorOptions {
  /** The owner's internal address (host:port), if one is known. */
  owner: () => string | undefined;
  /** Asked again when the known owner refuses a connection (it may just have died). */
  refreshOwner: () => Promise<string | undefined>;
  /** `/livez` and `/readyz` for this node. */
  probe: (path: 'livez' | 'readyz') => ProbeAnswer;
  /** The signed preface carrying the client's address (see forward-preface.ts). */
  preface: (clientAddress: string) => string;
  /** Heard for each connection forwarded, and each that could not be. */
  counted?: (outcome: 'forwarded' | 'no-owner' | 'probe') => void;
}

/** How long a connection may take to send its first bytes. */
const FIRST_BYTES_MS = 10_000;
const PROBE = /^GET \/(livez|readyz)(?:[?# ]|$)/;

export interface FrontDoor {
  server: Server;
  /** Cuts every open connection (at shutdown: clients reconnect through another node). */
  destroyAll(): void;
}

export function frontDoor(options: FrontDoorOptions): FrontDoor {
  const open = new Set<Socket>();
  const server = createServer({ noDelay: true }, (client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.setTimeout(FIRST_BYTES_MS, () => client.destroy());
    client.on('error', () => client.destroy());
    client.once('data', (first: Buffer) => {
      client.setTimeout(0);
      client.pause();
      const probe = PROBE.exec(first.subarray(0, 32).toString('latin1'));
      if (probe) {
        options.counted?.('probe');
        answer(client, options.probe(probe[1] as 'livez' | 'readyz'));
        return;
      }
      void forward(client, first, options);
    });
  });
  return {
    server,
    destroyAll: () => {
      for (const socket of open) socket.destroy();
    },
  };
}

async function forward(client: Socket, first: Buffer, options: FrontDoorOptions, retried = false): Promise<void> {
  const address = (retried ? await options.refreshOwner() : options.owner()) ?? (retried ? undefined : await options.refreshOwner());
  if (!address) {
    options.counted?.('no-owner');
    answer(client, { status: 503, body: { error: { reason: 'internal', message: 'no node owns the contact center right now; try again in a moment' } } }, { 'Retry-After': '1' });
    return;
  }
  const [host, port] = splitAddress(address);
  const upstream = connect({ host, port, noDelay: true });
  let connected = false;
  upstream.once('connect', () => {
    connected = true;
    options.counted?.('forwarded');
    upstream.write(options.preface(client.remoteAddress ?? '0.0.0.0'));
    upstream.write(first);
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  });
  upstream.on('error', () => {
    // The owner died between two reads of its address: ask once more, then give up.
    if (!connected && !retried && !client.destroyed) void forward(client, first, options, true);
    else client.destroy();
  });
  upstream.on('close', () => {
    if (connected) client.destroy();
  });
  client.on('close', () => upstream.destroy());
}

function answer(client: Socket, { status, body }: ProbeAnswer, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  const lines = [
    `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Service Unavailable'}`,
    'Content-Type: application/json',
    'Cache-Control: no-store',
    'Connection: close',
    `Content-Length: ${Buffer.byteLength(text)}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  client.end(`${lines.join('\r\n')}\r\n\r\n${text}`);
}

function splitAddress(address: string): [string, number] {
  const at = address.lastIndexOf(':');
  return [address.slice(0, at).replace(/^\[|\]$/g, ''), Number(address.slice(at + 1))];
}
