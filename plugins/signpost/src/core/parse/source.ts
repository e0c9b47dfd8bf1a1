/**
 * Reads a guide file as text: only a regular file, only up to the size limit, and with bytes
 * that are not UTF-8 turned into a located problem.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Point } from 'unist';
import { LIMITS } from './limits.ts';

/**
 * The text (bad bytes replaced by U+FFFD) and where the first bad byte is; or that the file is
 * not a regular file, or is larger than a guide file may be (`bytes` is then at least that);
 * or why it could not be read.
 */
export type SourceResult =
  | { text: string; invalidAt?: Point; signature?: string | undefined }
  | { unchanged: string }
  | { notRegular: 'FIFO' | 'socket' | 'device' | 'folder' | 'other' }
  | { tooLarge: number }
  /** A file with more than one name (a hard link), one of which may be outside the guide. */
  | { hardLink: number }
  | { encoding: 'UTF-16' | 'UTF-32' }
  | { error: NodeJS.ErrnoException };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A file written this recently may be written again within the same tick of its file system's
 * clock (up to 2 s on FAT and some network mounts) without its times changing: its signature
 * is not trusted, and it is read again next time (git's "racy" rule).
 */
const RACY_MS = 3000;

/**
 * What identifies a version of a file without reading it: its size, times and inode. The
 * change time moves on every write, whatever a tool does to the modification time. None for
 * a file written in the last `RACY_MS`.
 */
function signatureOf(info: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string | undefined {
  if (Date.now() - Math.max(info.mtimeMs, info.ctimeMs) < RACY_MS) return undefined;
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
}

/**
 * Reads the file at `path`. Given the `signature` of the version read last time, a file
 * still at that version is not read again (`unchanged`): a dev server that checks the guides on
 * every save reads only the files that changed.
 *
 * Synchronous: a guide file is small (at most `LIMITS.fileBytes`) and read whole at once, and a
 * check in the dev server is then one pass that the server's other work (Astro writing its data
 * store) does not cut into between two files.
 */
export function readSource(path: string, known?: string): SourceResult {
  let bytes: Buffer;
  let signature: string | undefined;
  try {
    // A file still at the known version is only looked at, not opened.
    if (known !== undefined) {
      const info = statSync(path);
      if (info.isFile() && info.nlink === 1 && signatureOf(info) === known) return { unchanged: known };
    }
    // Opened without waiting (a FIFO would block the open until a writer came), then checked
    // on the open handle, so the file that is read is the file that was checked.
    const handle = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const info = fstatSync(handle);
      if (!info.isFile()) {
        const kind = info.isFIFO()
          ? 'FIFO'
          : info.isSocket()
            ? 'socket'
            : info.isBlockDevice() || info.isCharacterDevice()
              ? 'device'
              : info.isDirectory()
                ? 'folder'
                : 'other';
        return { notRegular: kind };
      }
      // The same file under another name, which may be anywhere on its file system. Git never makes one.
      if (info.nlink > 1) return { hardLink: info.nlink };
      signature = signatureOf(info);
      if (signature !== undefined && known === signature) return { unchanged: signature };
      if (info.size > LIMITS.fileBytes) return { tooLarge: info.size };
      // One byte more than the limit: a file that grew since `stat` is still caught.
      const buffer = Buffer.alloc(Math.min(info.size, LIMITS.fileBytes) + 1);
      let length = 0;
      while (length < buffer.length) {
        const bytesRead = readSync(handle, buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > LIMITS.fileBytes) return { tooLarge: length };
      bytes = buffer.subarray(0, length);
    } finally {
      closeSync(handle);
    }
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
  const encoding = wideEncoding(bytes);
  if (encoding) return { encoding };
  try {
    return { text: decoder.decode(bytes), signature };
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = bytes.subarray(0, offset).toString('utf8');
    // Lines end as micromark ends them: `\r\n`, `\r` or `\n`.
    const lines = before.split(/\r\n|\r|\n/);
    return { text: bytes.toString('utf8'), invalidAt: { line: lines.length, column: lines.at(-1)!.length + 1, offset }, signature };
  }
}

/**
 * Whether a file was saved as UTF-16 or UTF-32 (Windows editors offer "Unicode"): by its byte
 * order mark, or, without one, by the zero bytes every ASCII character then brings along.
 */
export function wideEncoding(bytes: Uint8Array): 'UTF-16' | 'UTF-32' | undefined {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) return 'UTF-32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  const sample = bytes.subarray(0, 1024);
  let even = 0;
  let odd = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) even++;
    else odd++;
  }
  // Text in UTF-16 has a zero in (nearly) every other byte; a binary file's zeros fall anywhere.
  return sample.length >= 8 && Math.max(even, odd) >= sample.length * 0.4 && Math.min(even, odd) <= sample.length * 0.05
    ? 'UTF-16'
    : undefined;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length =
      byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
    }
    const second = bytes[index + 1] ?? 0;
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f)) return index;
    if ((byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return index;
    index += length;
  }
  return bytes.length;
}
