/**
 * A ZIP archive as a byte stream, built one entry and one chunk at a time as the reader asks
 * for more: an export of any size holds one piece of it in memory, never the whole archive.
 * fflate does the ZIP format (headers, CRC, deflate); this only paces it.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export interface ArchiveEntry {
  /** Path inside the archive, with forward slashes. */
  path: string;
  /** Deflate it (text); already-compressed media is stored as it is. */
  compress: boolean;
  chunks: AsyncIterable<Uint8Array>;
}

/** The archive's bytes, entry after entry, as the entries' chunks arrive. */
export async function* zipChunks(entries: AsyncIterable<ArchiveEntry>): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | undefined;
  // ZipDeflate and ZipPassThrough are synchronous: every push has emitted its output when it returns.
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (out.length) yield out.shift()!;
  }
  for await (const entry of entries) {
    const file = entry.compress ? new ZipDeflate(entry.path, { level: 6 }) : new ZipPassThrough(entry.path);
    zip.add(file);
    // The last chunk must be pushed with `final`, so each is held until the next one shows up.
    let held: Uint8Array | undefined;
    for await (const chunk of entry.chunks) {
      if (held) file.push(held, false);
      held = chunk;
      yield* drain();
    }
    file.push(held ?? new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** A web stream that pulls the next chunk only when the reader (the HTTP response) wants one. */
export function pullStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
