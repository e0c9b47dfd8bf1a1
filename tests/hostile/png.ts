/**
 * PNG files built byte by byte for the tests of images a guide shows: whole, or with pixel data,
 * extra chunks or an end that are not what they should be.
 */
import { deflateSync } from 'node:zlib';

/** The CRC-32 of PNG chunks. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The bytes of a PNG of `width` × `height` grey pixels: its pixel data `data` (by default the
 * right length), `extra` chunks before it, and without its `IEND` with `end: false` (a
 * truncated download).
 */
export function png(
  width: number,
  height: number,
  { data, extra = [], end = true }: { data?: Buffer; extra?: [string, Buffer][]; end?: boolean } = {},
): Buffer {
  const chunk = (type: string, body: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), body])));
    return Buffer.concat([head, Buffer.from(type, 'latin1'), body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    ...extra.map(([type, body]) => chunk(type, body)),
    chunk('IDAT', deflateSync(data ?? Buffer.alloc(height * (width + 1)))),
    ...(end ? [chunk('IEND', Buffer.alloc(0))] : []),
  ]);
}
