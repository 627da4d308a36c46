/**
 * The address a request comes from. Behind a reverse proxy the socket's address is the proxy's,
 * and X-Forwarded-For says who came before; TRUST_PROXY says how much of it to believe (a number
 * of hops, or the proxies' addresses and ranges), so a client cannot pick its own address by
 * sending the header itself. proxy-addr (Express's) walks the header exactly that way.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import proxyaddr from 'proxy-addr';

/** TRUST_PROXY as configured: hops (0 trusts nobody), or addresses and ranges (`loopback`, `10.0.0.0/8`). */
export type TrustProxy = number | string[];

/** @throws TypeError for an address or range proxy-addr cannot read (config validates with this). */
export function compileTrust(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust.length ? proxyaddr.compile(trust) : () => false;
}

/** Returns the function that tells a request's client address. */
export function clientAddressResolver(trust: TrustProxy = 0): (c: Context) => string {
  const trusted = compileTrust(trust);
  return function clientAddress(c) {
    let socketAddress: string | undefined;
    try {
      socketAddress = getConnInfo(c).remote.address;
    } catch {
      // In-memory requests (app.request in tests) have no socket.
    }
    if (!socketAddress) return 'unknown';
    const forwardedFor = c.req.header('x-forwarded-for');
    if (!forwardedFor) return socketAddress;
    return proxyaddr({ headers: { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress: socketAddress } } as never, trusted);
  };
}
