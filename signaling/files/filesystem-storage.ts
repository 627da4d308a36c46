/** The embedded default FileStorage: one file per key under a folder (the data folder's `files/`). */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStorage } from './file-storage.js';

const KEY = /^[A-Za-z0-9_-]{8,80}$/;

export class FilesystemStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(key: string, content: Readable): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(this.root, { recursive: true });
    // Written beside its place and renamed once synced: a crash never leaves half a file under the key.
    const partial = `${path}.partial`;
    await pipeline(content, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, path);
  }

  async get(key: string): Promise<Readable | undefined> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      return undefined;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are our own ids; anything else (a path, `..`) is refused rather than resolved. */
  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid file key ${JSON.stringify(key)}`);
    return join(this.root, key);
  }
}
