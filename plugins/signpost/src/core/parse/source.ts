/**
 * Reads a guide file as text, turning bytes that are not UTF-8 into a located problem.
 */
import { readFile } from 'node:fs/promises';
import type { Point } from 'unist';

/** The text (bad bytes replaced by U+FFFD) and where the first bad byte is, or why it could not be read. */
export type SourceResult = { text: string; invalidAt?: Point } | { error: NodeJS.ErrnoException };

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readSource(path: string): Promise<SourceResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = bytes.subarray(0, offset).toString('utf8');
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    return { text: bytes.toString('utf8'), invalidAt: { line, column: before.length - lineStart + 1, offset } };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
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
