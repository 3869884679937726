import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The two bytes every gzip member starts with (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b];

export interface JsonLinesInput {
  /** Lines of the (decompressed) input, without their line breaks. */
  lines: AsyncIterable<string>;
  /** Size of the file on disk; undefined for stdin. */
  totalBytes?: number;
  /** Bytes read from disk or stdin so far (compressed bytes for gzip), for progress. */
  bytesRead: () => number;
  /** The read or decompression error that ended the lines early, if any. */
  failure: () => Error | undefined;
}

/**
 * Opens a JSON Lines file, or stdin when `path` is "-", decompressing gzip when the content
 * starts with the gzip magic bytes (the file name is not trusted). Reads as a stream, so memory
 * stays constant whatever the size. Rejects when the file cannot be opened.
 */
export async function openJsonLines(path: string): Promise<JsonLinesInput> {
  const isStdin = path === '-';
  const totalBytes = isStdin ? undefined : (await stat(path)).size;
  const raw: Readable = isStdin ? process.stdin : createReadStream(path);
  const head = await peekFirstChunk(raw);
  let bytesRead = 0;
  let failure: Error | undefined;

  if (head !== null) {
    raw.unshift(head);
  }
  raw.on('data', (chunk: Buffer) => (bytesRead += chunk.length));

  const text = isGzip(head) ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  // readline does not forward its input's errors: keep them and end the lines instead.
  const fail = (error: Error): void => {
    failure ??= error;
    lines.close();
  };

  raw.on('error', fail);
  text.on('error', fail);

  return { lines, totalBytes, bytesRead: () => bytesRead, failure: () => failure };
}

function isGzip(head: Buffer | null): boolean {
  return (
    head !== null && head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]
  );
}

/** Resolves with the first chunk (null for empty input), or rejects with the open error. */
function peekFirstChunk(stream: Readable): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const settle = (action: () => void): void => {
      stream.off('readable', onReadable);
      stream.off('error', onError);
      action();
    };
    const onReadable = (): void => settle(() => resolve(stream.read() as Buffer | null));
    const onError = (error: Error): void => settle(() => reject(error));

    stream.once('readable', onReadable);
    stream.once('error', onError);
  });
}
