/**
 * Whether an address is on the public internet: what the server may fetch a channel's media
 * from. Private, loopback, link-local, shared, documentation, multicast and reserved ranges are
 * not, so a signed message cannot make the server read its own network (SSRF).
 */
import { BlockList, isIP } from 'node:net';

const NOT_PUBLIC_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4'];
// NAT64 (64:ff9b::/96) and the v4-mapped range can reach any v4 address: refused whole, except
// v4-mapped addresses, which are judged as the v4 address they carry.
const NOT_PUBLIC_V6 = ['::/128', '64:ff9b::/96', '64:ff9b:1::/48', '100::/64', '2001:db8::/32', '2002::/16', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8'];

const blocked = new BlockList();
for (const range of NOT_PUBLIC_V4) blocked.addSubnet(range.split('/')[0]!, Number(range.split('/')[1]), 'ipv4');
for (const range of NOT_PUBLIC_V6) blocked.addSubnet(range.split('/')[0]!, Number(range.split('/')[1]), 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** `loopback`: this machine (127.0.0.0/8, ::1), allowed only when the caller says so (tests). */
export type AddressVerdict = 'public' | 'loopback' | 'not-public';

/** What kind of address `address` (a literal IPv4 or IPv6 address) is; anything unparsable is `not-public`. */
export function classifyAddress(address: string): AddressVerdict {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return classifyAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return 'not-public';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(address, type)) return 'loopback';
  // A v4-mapped address written in hex (::ffff:7f00:1) is not judged here: refused.
  if (type === 'ipv6' && /^::ffff:/i.test(address)) return 'not-public';
  return blocked.check(address, type) ? 'not-public' : 'public';
}
