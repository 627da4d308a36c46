/**
 * Where shared files' bytes live, behind three calls on streams, so that an S3-compatible store
 * can replace the filesystem without the services noticing. Keys are opaque ids we generate.
 */
import type { Readable } from 'node:stream';

export interface FileStorage {
  /** Stores the bytes under `key` (replacing nothing: keys are fresh ids); resolves once they are durable. */
  put(key: string, content: Readable): Promise<void>;
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<Readable | undefined>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}
