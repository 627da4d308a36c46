/**
 * The line a node's front door sends before a forwarded connection's first byte, so that the ACD
 * owner knows the client's real address (rate limits and audit per client, not per node):
 * `SBFWD1 <unix ms> <client address> <hmac>\r\n`. It is our own PROXY-protocol-like line, signed
 * with the deployment's secret, because the owner's internal port must not let anyone who reaches
 * it claim any address; the time stamp keeps a captured line from being replayed for long.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const MAGIC = 'SBFWD1';
/** A preface older (or newer) than this is refused. */
const MAX_SKEW_MS = 30_000;
/** The longest line we wait for before giving up on a connection. */
export const MAX_PREFACE_BYTES = 256;

const mac = (secret: string, stamp: string, address: string) => createHmac('sha256', secret).update(`${MAGIC} ${stamp} ${address}`).digest('hex');

export function writePreface(secret: string, clientAddress: string, now = Date.now()): string {
  const stamp = String(now);
  return `${MAGIC} ${stamp} ${clientAddress} ${mac(secret, stamp, clientAddress)}\r\n`;
}

export type PrefaceResult = { ok: true; clientAddress: string; rest: Buffer } | { ok: false; reason: 'incomplete' | 'malformed' | 'bad-signature' | 'stale' };

/** Reads a preface from the start of `bytes`; `incomplete` means: wait for more bytes. */
export function readPreface(secret: string, bytes: Buffer, now = Date.now()): PrefaceResult {
  const end = bytes.indexOf('\r\n');
  if (end < 0) return { ok: false, reason: bytes.length > MAX_PREFACE_BYTES ? 'malformed' : 'incomplete' };
  if (end > MAX_PREFACE_BYTES) return { ok: false, reason: 'malformed' };
  const parts = bytes.subarray(0, end).toString('latin1').split(' ');
  if (parts.length !== 4 || parts[0] !== MAGIC) return { ok: false, reason: 'malformed' };
  const [, stamp, address, signature] = parts as [string, string, string, string];
  if (!/^\d{1,15}$/.test(stamp) || !/^[0-9A-Fa-f:.]{2,45}$/.test(address) || !/^[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(secret, stamp, address), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return { ok: false, reason: 'bad-signature' };
  if (Math.abs(now - Number(stamp)) > MAX_SKEW_MS) return { ok: false, reason: 'stale' };
  return { ok: true, clientAddress: address, rest: bytes.subarray(end + 2) };
}
