/** The built front ends in memory: each file with its ETag and its precompressed variants. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Coding } from './accept-encoding.js';

/** One file as it is served. */
export interface StaticFile {
  type: string;
  /** Of the uncompressed content; each variant's ETag adds its coding (`"…-br"`). */
  hash: string;
  body: Uint8Array<ArrayBuffer>;
  /** The `.br` / `.gz` files written beside it at build time, when they hold exactly this content. */
  variants: Partial<Record<Coding, Uint8Array<ArrayBuffer>>>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const VARIANTS: Record<Coding, { suffix: string; decode: (data: Uint8Array) => Uint8Array }> = {
  br: { suffix: '.br', decode: brotliDecompressSync },
  gzip: { suffix: '.gz', decode: gunzipSync },
};

/**
 * Reads files under one directory and keeps them, checking the file's size and modification
 * time on every request so a rebuild (`npm run dev`) is picked up. A variant is checked once, by
 * decompressing it, against the file it stands for: one left from an earlier build (the watcher
 * rebuilt the file but nothing recompressed it) is ignored, so a stale copy is never served, and
 * no file timestamps are trusted (copies and image layers do not always keep them).
 * Only files that exist are kept: the cache is bounded by the build.
 */
export class StaticFiles {
  readonly #root: string;
  readonly #cache = new Map<string, { mtimeMs: number; size: number; file: StaticFile }>();

  constructor(root: string) {
    this.#root = normalize(root);
  }

  /** The file at a path relative to the root, or undefined when there is none (or it leaves the root). */
  async load(relative: string): Promise<StaticFile | undefined> {
    const path = normalize(join(this.#root, relative));
    if (!path.startsWith(this.#root + sep)) return undefined;
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = this.#cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.file;
    const body = new Uint8Array(await readFile(path));
    const variants: StaticFile['variants'] = {};
    for (const coding of Object.keys(VARIANTS) as Coding[]) {
      const { suffix, decode } = VARIANTS[coding];
      const variant = await readFile(path + suffix).catch(() => undefined);
      if (variant && holds(variant, body, decode)) variants[coding] = new Uint8Array(variant);
    }
    const ext = /\.[a-z0-9]+$/i.exec(path)?.[0] ?? '';
    const file: StaticFile = { type: TYPES[ext] ?? 'application/octet-stream', hash: createHash('sha256').update(body).digest('base64url').slice(0, 22), body, variants };
    this.#cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, file });
    return file;
  }
}

function holds(variant: Uint8Array, body: Uint8Array, decode: (data: Uint8Array) => Uint8Array): boolean {
  try {
    return Buffer.from(decode(variant)).equals(body);
  } catch {
    return false; // truncated or not compressed at all
  }
}
