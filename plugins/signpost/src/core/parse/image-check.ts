/**
 * Checks an image the way the build's image pipeline will read it, without decoding it: its
 * size from its header, within the pixel limits (a 30000 × 30000 PNG is 900 megapixels to
 * decode) and, for an animation, over all its frames (the pipeline decodes every frame), and
 * bytes that are whole: a PNG's chunks up to `IEND` with their checksums and exactly the pixel
 * data its header promises, a JPEG that ends with its end marker, a GIF whose blocks run to its
 * trailer, a WebP or AVIF whose boxes add up to the file. Nothing may follow the end (a
 * PNG followed by an HTML page is refused). Then it is decoded as the build will decode it.
 * Whatever passes is an image the build can decode.
 */
import { createHash } from 'node:crypto';
import { createInflate } from 'node:zlib';
import { imageSize } from 'image-size';
import { LIMITS } from './limits.ts';
import type { Refusal } from './linked-file.ts';

/** What each format is, for messages. */
const WHAT: Record<string, string> = {
  png: 'a PNG image',
  apng: 'a PNG image',
  jpg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  avif: 'an AVIF image',
};

/**
 * What earlier decodes found, by the SHA-256 of the bytes: kept by a checker (core/memory.ts),
 * as the dev server checks the same images on every save. A verdict depends on the bytes alone.
 */
export type Decodes = Map<string, string | undefined>;

/**
 * Why the image `bytes` of format `format` (a `file-type` name) cannot be published, if it
 * cannot. A decode's verdict is looked up in `decodes` first, and kept there.
 */
export async function imageProblem(bytes: Buffer, format: string, decodes: Decodes = new Map()): Promise<Refusal | undefined> {
  const what = WHAT[format] ?? 'an image';
  let width: number;
  let height: number;
  try {
    ({ width, height } = imageSize(bytes));
  } catch {
    return { reason: 'brokenImage', what, why: 'its header cannot be read' };
  }
  if (!(width > 0 && height > 0)) return { reason: 'brokenImage', what, why: 'its header gives it no size' };
  if (width > LIMITS.imageSide || height > LIMITS.imageSide) return { reason: 'imageSide', width, height };
  if (width * height > LIMITS.imagePixels) return { reason: 'imagePixels', width, height };
  const frames = format === 'gif' ? gifFrames(bytes) : format === 'webp' ? webpFrames(bytes) : 1;
  if (frames === undefined) return { reason: 'brokenImage', what, why: GIF_CUT };
  if (width * height * frames > LIMITS.animationPixels) return { reason: 'animationPixels', width, height, frames };
  const why =
    (format === 'png' || format === 'apng' ? await pngProblem(bytes) : structureProblem(bytes, format)) ??
    (await decodeProblem(bytes, decodes));
  return why ? { reason: 'brokenImage', what, why } : undefined;
}

/** The decoder the build's image pipeline uses (astro:assets' default service), when the site has it. */
type Sharp = (
  input: Buffer,
  options: { failOn: 'none'; pages: number; limitInputPixels: number },
) => {
  resize(options: { width: number; withoutEnlargement: boolean }): { raw(): { toBuffer(): Promise<Buffer> } };
};

/**
 * Decodes the image as the build will (sharp, as astro:assets calls it: every frame, damaged
 * data tolerated where it can be), scaled down so that memory stays small: pixel data that is
 * damaged beyond what the decoder tolerates (a WebP or GIF whose structure is whole) is found
 * here rather than by the build. Without sharp (a `check` outside a site), the structure checks
 * above are all there is.
 *
 * sharp's pixel limit counts every frame of an animation (its frames stacked, width × height ×
 * frames), so it is `LIMITS.animationPixels`, checked above from the frames counted, and below
 * the build's own (sharp's default, 268 megapixels): the decoder stops here only on damage.
 */
async function decodeProblem(bytes: Buffer, decoded: Decodes): Promise<string | undefined> {
  const key = createHash('sha256').update(bytes).digest('hex');
  if (decoded.has(key)) return decoded.get(key);
  // Node loads a module once: asked again, it gives the one it loaded.
  const decode = await import('sharp').then(
    (module) => (module as unknown as { default: Sharp }).default,
    () => undefined,
  );
  if (!decode) return undefined;
  let why: string | undefined;
  try {
    await decode(bytes, { failOn: 'none', pages: -1, limitInputPixels: LIMITS.animationPixels })
      .resize({ width: 64, withoutEnlargement: true })
      .raw()
      .toBuffer();
  } catch {
    why = 'its pixel data is damaged (the image decoder stops)';
  }
  decoded.set(key, why);
  return why;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Samples per pixel of each PNG colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Adam7's passes: start column, start row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

async function pngProblem(bytes: Buffer): Promise<string | undefined> {
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  const data: Buffer[] = [];
  for (;;) {
    if (offset + 12 > bytes.length) return 'it ends before its last chunk (the file is cut short)';
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) return 'it ends before its last chunk (the file is cut short)';
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) {
      return `its \`${type.replace(/[^\x20-\x7e]/g, '?')}\` chunk is damaged (its checksum does not match)`;
    }
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR' && length >= 13) {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, colour: body[9]!, interlace: body[12]! };
    } else if (type === 'IDAT') data.push(body);
    offset = end;
    if (type === 'IEND') break;
  }
  if (offset !== bytes.length) return 'other data follows its end';
  const channels = header ? CHANNELS[header.colour] : undefined;
  if (!header || channels === undefined || data.length === 0) return 'it has no valid header or no pixel data';
  const { width, height, depth } = header;
  const row = (columns: number) => 1 + Math.ceil((columns * channels * depth) / 8);
  const expected =
    header.interlace === 1
      ? ADAM7.reduce((sum, [x, y, dx, dy]) => {
          const columns = Math.ceil((width - x) / dx);
          const rows = Math.ceil((height - y) / dy);
          return columns > 0 && rows > 0 ? sum + rows * row(columns) : sum;
        }, 0)
      : height * row(width);
  const inflated = await inflatedLength(Buffer.concat(data), expected);
  if (inflated === undefined) return 'its pixel data is damaged';
  if (inflated !== expected) return `its pixel data does not match the ${width} × ${height} pixels its header gives`;
  return undefined;
}

/** How many bytes zlib data inflates to, counted as it streams and never kept; undefined when damaged or past `most`. */
function inflatedLength(data: Buffer, most: number): Promise<number | undefined> {
  return new Promise((done) => {
    const inflate = createInflate();
    let length = 0;
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > most) {
        inflate.destroy();
        done(length);
      }
    });
    inflate.on('error', () => done(undefined));
    inflate.on('end', () => done(length));
    inflate.end(data);
  });
}

function structureProblem(bytes: Buffer, format: string): string | undefined {
  switch (format) {
    case 'jpg': {
      // A JPEG ends with its end-of-image marker; padding zeros after it are tolerated.
      let end = bytes.length;
      while (end > 2 && bytes[end - 1] === 0) end--;
      if (bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9)
        return 'it does not end with its end marker (the file is cut short, or other data follows it)';
      return undefined;
    }
    case 'webp':
      return bytes.readUInt32LE(4) + 8 === bytes.length
        ? undefined
        : 'its length is not the one its header gives (the file is cut short, or other data follows it)';
    case 'avif':
      return boxesProblem(bytes);
    default:
      return undefined;
  }
}

/** An ISO media file (AVIF) is a list of boxes, each saying its size: they must add up to the file. */
function boxesProblem(bytes: Buffer): string | undefined {
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) return 'it ends inside a box (the file is cut short)';
    let size = bytes.readUInt32BE(offset);
    if (size === 1) {
      if (offset + 16 > bytes.length) return 'it ends inside a box (the file is cut short)';
      size = Number(bytes.readBigUInt64BE(offset + 8));
    } else if (size === 0) size = bytes.length - offset;
    if (size < 8 || offset + size > bytes.length) return 'it ends inside a box (the file is cut short)';
    offset += size;
  }
  return undefined;
}

const GIF_CUT = 'it does not end with its trailer (the file is cut short, or other data follows it)';

/**
 * The frames of a GIF (its image descriptors), walking its blocks from the header to its
 * trailer, which must be the file's last byte; undefined when the blocks do not get there (the
 * file is cut short, or something other than a block follows one, such as a page after it).
 * The pixel data of each frame is left to the decoder, which tolerates what browsers do.
 */
function gifFrames(bytes: Buffer): number | undefined {
  if (bytes.length < 13) return undefined;
  const table = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  let offset = 13 + table(bytes[10]!);
  let frames = 0;
  /** Past a run of sub-blocks (each a length byte and its bytes) and the empty one that ends them. */
  const subBlocks = (from: number): number | undefined => {
    let at = from;
    while (at < bytes.length) {
      const length = bytes[at]!;
      at += 1 + length;
      if (length === 0) return at;
    }
    return undefined;
  };
  while (offset < bytes.length) {
    const block = bytes[offset]!;
    if (block === 0x3b) return offset === bytes.length - 1 ? frames : undefined;
    let next: number | undefined;
    if (block === 0x21) next = subBlocks(offset + 2);
    else if (block === 0x2c && offset + 10 <= bytes.length) {
      frames++;
      // The image descriptor, its local colour table, the LZW code size, then the data.
      next = subBlocks(offset + 10 + table(bytes[offset + 9]!) + 1);
    }
    if (next === undefined) return undefined;
    offset = next;
  }
  return undefined;
}

/** The frames of a WebP: its `ANMF` chunks, or 1 for a still image. */
function webpFrames(bytes: Buffer): number {
  let frames = 0;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    if (bytes.toString('latin1', offset, offset + 4) === 'ANMF') frames++;
    const size = bytes.readUInt32LE(offset + 4);
    offset += 8 + size + (size & 1);
  }
  return Math.max(frames, 1);
}
