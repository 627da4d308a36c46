/**
 * Fetches a file a channel message points at (`media[].url`) without letting the message steer
 * the server: http or https only, the host resolved first and every address it has judged
 * (private, loopback and link-local ones refused), the connection pinned to the address judged
 * (a second DNS answer cannot swap it), no redirects, a deadline and a size cap read as it streams.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress } from './public-address.js';

/** Why a fetch failed, in words an agent reads in the conversation. */
export class MediaFetchError extends Error {
  constructor(
    readonly reason: 'bad-url' | 'not-public' | 'unresolvable' | 'status' | 'too-large' | 'timeout' | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'MediaFetchError';
  }
}

export interface MediaFetchOptions {
  maxBytes: number;
  /** The whole fetch, from DNS to the last byte. */
  timeoutMs?: number;
  /** Tests only: a server on 127.0.0.1 stands in for the internet. */
  allowLoopback?: boolean;
}

export interface FetchedMedia {
  bytes: Uint8Array;
  /** The URL's last path segment, or `file` (only shown; the type is read from the bytes). */
  name: string;
}

export const DEFAULT_MEDIA_TIMEOUT_MS = 10_000;

/** @throws MediaFetchError */
export async function fetchMedia(rawUrl: string, options: MediaFetchOptions): Promise<FetchedMedia> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new MediaFetchError('bad-url', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new MediaFetchError('bad-url', `${url.protocol} URLs are not fetched (http and https only)`);
  if (url.username || url.password) throw new MediaFetchError('bad-url', 'URLs with credentials are not fetched');
  const deadline = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_MEDIA_TIMEOUT_MS);
  const address = await beforeDeadline(vettedAddress(url.hostname.replace(/^\[|\]$/g, ''), options.allowLoopback ?? false), deadline);
  const bytes = await download(url, address, options.maxBytes, deadline);
  return { bytes, name: nameOf(url) };
}

/** The one address to connect to, once every address of the host is judged public (or loopback, when allowed). */
async function vettedAddress(host: string, allowLoopback: boolean): Promise<{ address: string; family: 4 | 6 }> {
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await dnsLookup(host, { all: true, verbatim: true });
    } catch {
      throw new MediaFetchError('unresolvable', `${host} could not be resolved`);
    }
  }
  if (!addresses.length) throw new MediaFetchError('unresolvable', `${host} has no address`);
  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    if (verdict === 'not-public' || (verdict === 'loopback' && !allowLoopback)) throw new MediaFetchError('not-public', `${host} is not on the public internet (${address})`);
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

function download(url: URL, pinned: { address: string; family: 4 | 6 }, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  // The host name stays in the URL (Host header, TLS name and certificate check); only the
  // address is fixed. Node asks with `all: true` when it races address families.
  const lookup: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { lookup, signal, headers: { accept: '*/*', 'user-agent': 'Switchboard channel media' } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        response.resume();
        return reject(new MediaFetchError('status', status >= 300 && status < 400 ? `the server answered ${status} (redirects are not followed)` : `the server answered ${status}`));
      }
      if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
        response.destroy();
        return reject(new MediaFetchError('too-large', `larger than the ${maxBytes}-byte limit`));
      }
      const chunks: Buffer[] = [];
      let total = 0;
      response.on('data', (chunk: Buffer) => {
        total += chunk.byteLength;
        if (total > maxBytes) {
          response.destroy();
          reject(new MediaFetchError('too-large', `larger than the ${maxBytes}-byte limit`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', (error) => reject(failure(error, signal)));
    });
    request.on('error', (error) => reject(failure(error, signal)));
  });
}

/** A slow resolver counts against the same deadline as the download. */
function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new MediaFetchError('timeout', 'it took too long'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function failure(error: Error, signal: AbortSignal): MediaFetchError {
  return error instanceof MediaFetchError ? error : signal.aborted ? new MediaFetchError('timeout', 'it took too long') : new MediaFetchError('network', error.message);
}

function nameOf(url: URL): string {
  const last = url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || 'file';
  } catch {
    return last || 'file';
  }
}
