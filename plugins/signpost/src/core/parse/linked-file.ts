/**
 * Opens a file a guide links to or shows (a PDF, an image, a video, its captions) the one safe
 * way, for `check` and the build alike: only a regular file whose real place is inside the
 * guide folder, read from the handle that was checked, and only a type on the allow-list,
 * decided by the bytes and not by the name. Every refusal is typed, so `check` reports it at
 * the reference (rules/broken-file.ts) and the build never copies what `check` did not pass.
 *
 * ```text
 * ./files/form.html            → refused by name: an HTML page runs on the site's origin
 * ./files/users.txt → /etc/passwd → refused: the link leads outside the guide folder
 * ./img/photo.png (HTML inside) → refused by content: named `.png`, holds an HTML page
 * ./files/manual.pdf (a PDF)    → its bytes, its type (`application/pdf`) and their hash
 * ```
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
import { LIMITS } from './limits.ts';
import { wideEncoding } from './source.ts';
import { imageProblem } from './image-check.ts';
import { extensionOf } from './urls.ts';

/** A type a guide may publish: what its bytes must be, the header it is served with, whether it is shown in a page. */
export interface LinkedType {
  /** What `file-type` calls it (`'text'` for plain text, checked here). */
  content: readonly string[];
  /** The `Content-Type` it is served with. */
  mime: string;
  /** What it is, for messages: `a PDF document`. */
  what: string;
  /** Shown or played by the page (image, video, captions), so served inline; otherwise a download. */
  media: boolean;
  /** An image: its size and its structure are checked too. */
  image?: true;
}

/**
 * The allow-list, by extension: what a guide may link to or show. Everything a browser shows
 * without running code, and nothing else; a file of any other type is refused by `check`.
 * Images are those astro:assets optimises (`IMAGE_EXTENSIONS`), videos those `::video` plays.
 */
export const LINKED_TYPES: ReadonlyMap<string, LinkedType> = new Map<string, LinkedType>([
  ['pdf', { content: ['pdf'], mime: 'application/pdf', what: 'a PDF document', media: false }],
  // An animated PNG is a PNG: the image pipeline shows its first frame.
  ['png', { content: ['png', 'apng'], mime: 'image/png', what: 'a PNG image', media: true, image: true }],
  ['jpg', { content: ['jpg'], mime: 'image/jpeg', what: 'a JPEG image', media: true, image: true }],
  ['jpeg', { content: ['jpg'], mime: 'image/jpeg', what: 'a JPEG image', media: true, image: true }],
  ['gif', { content: ['gif'], mime: 'image/gif', what: 'a GIF image', media: true, image: true }],
  ['webp', { content: ['webp'], mime: 'image/webp', what: 'a WebP image', media: true, image: true }],
  ['avif', { content: ['avif'], mime: 'image/avif', what: 'an AVIF image', media: true, image: true }],
  ['mp4', { content: ['mp4', 'm4v'], mime: 'video/mp4', what: 'an MP4 video', media: true }],
  ['webm', { content: ['webm'], mime: 'video/webm', what: 'a WebM video', media: true }],
  ['vtt', { content: ['vtt'], mime: 'text/vtt; charset=utf-8', what: 'WebVTT captions', media: true }],
  ['txt', { content: ['text'], mime: 'text/plain; charset=utf-8', what: 'plain text', media: false }],
  ['log', { content: ['text'], mime: 'text/plain; charset=utf-8', what: 'plain text', media: false }],
  ['csv', { content: ['text'], mime: 'text/csv; charset=utf-8', what: 'plain text', media: false }],
  ['zip', { content: ['zip'], mime: 'application/zip', what: 'a ZIP archive', media: false }],
]);

/** The extensions of the allow-list, as messages list them. */
export const LINKED_EXTENSIONS = [...LINKED_TYPES.keys()];

/**
 * Types that run code when a browser opens them from the site (a page, an SVG with a script, a
 * script a published page could load): refused by name, with how to publish them instead.
 */
const RUNNABLE: ReadonlyMap<string, { what: string; fix: string }> = new Map(
  [
    ['html', 'an HTML page', 'export it as PDF, or publish it elsewhere and link to its address (`https://…`)'],
    ['htm', 'an HTML page', 'export it as PDF, or publish it elsewhere and link to its address (`https://…`)'],
    ['xhtml', 'an XHTML page', 'export it as PDF, or publish it elsewhere and link to its address (`https://…`)'],
    ['shtml', 'an HTML page', 'export it as PDF, or publish it elsewhere and link to its address (`https://…`)'],
    ['svg', 'an SVG image', 'export it as PNG'],
    ['svgz', 'an SVG image', 'export it as PNG'],
    ['xml', 'an XML document', 'save it as plain text (`.txt`), or link to it where it is published (`https://…`)'],
    ['xsl', 'an XSL stylesheet', 'link to it where it is published (`https://…`)'],
    ['xslt', 'an XSL stylesheet', 'link to it where it is published (`https://…`)'],
    ['js', 'a script', 'show it in a code block (```js), or link to it where it is published (`https://…`)'],
    ['mjs', 'a script', 'show it in a code block (```js), or link to it where it is published (`https://…`)'],
    ['cjs', 'a script', 'show it in a code block (```js), or link to it where it is published (`https://…`)'],
    ['swf', 'a Flash file', 'export it as a video (`.mp4`)'],
  ].map(([ext, what, fix]) => [ext!, { what: what!, fix: fix! }]),
);

/** Why a linked file is refused. */
export type Refusal =
  /** No file there (or a link to nowhere): `check` proposes a name. */
  | { reason: 'missing' }
  /** It really is outside the guide folder, through a symbolic link. */
  | { reason: 'outside' }
  /** A FIFO, a device, a socket, a folder: never read. */
  | { reason: 'notRegular'; what: string }
  | { reason: 'unreadable'; code: string }
  | { reason: 'tooLarge'; bytes: number }
  /** A type that would run on the site's origin, by name. */
  | { reason: 'runnable'; what: string; fix: string }
  /** An extension outside the allow-list. */
  | { reason: 'unknownType'; ext: string }
  /** Bytes that are not what the name says; `fix` when they could run. */
  | { reason: 'disguised'; ext: string; what: string; fix: string | undefined }
  /** An image past the pixel limits. */
  | { reason: 'imagePixels'; width: number; height: number }
  | { reason: 'imageSide'; width: number; height: number }
  /** An image whose bytes are not whole (truncated, lying header, data after its end). */
  | { reason: 'brokenImage'; what: string; why: string };

/** A linked file that passed: its bytes as read from the checked handle, its type and the hash of the bytes. */
export interface LinkedFile {
  bytes: Buffer;
  type: LinkedType;
  /** SHA-256 of `bytes`, hex. */
  hash: string;
}

/** A file read from its checked handle, with its real path; or why it was not read. */
export type Opened = { bytes: Buffer; real: string } | Refusal;

/**
 * Reads a file of a guide whose real folder is `guideRoot` (a `realpathSync` of it), refusing
 * anything that is not a regular file inside it. The place is resolved and checked before
 * anything is opened (opening some devices has effects), then opened without following a
 * link, without waiting (a FIFO), never as a terminal, and the open handle is checked to be
 * the very file that was checked: a file swapped meanwhile is refused, not read.
 */
export function openLinkedFile(path: string, guideRoot: string): Opened {
  let real: string;
  let before: Stats;
  try {
    real = realpathSync(path);
    before = statSync(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    if (code === 'ELOOP') return { reason: 'notRegular', what: 'a loop of symbolic links' };
    return code === 'ENOENT' || code === 'ENOTDIR' ? { reason: 'missing' } : { reason: 'unreadable', code };
  }
  if (!(real.startsWith(guideRoot + sep) && real.length > guideRoot.length + 1)) return { reason: 'outside' };
  if (!before.isFile()) return { reason: 'notRegular', what: kindOf(before) };
  if (before.size > LIMITS.linkedFileBytes) return { reason: 'tooLarge', bytes: before.size };
  let handle: number;
  try {
    handle = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    // ELOOP: the last part of the path became a link since it was resolved.
    return code === 'ENOENT' ? { reason: 'missing' } : code === 'ELOOP' ? { reason: 'outside' } : { reason: 'unreadable', code };
  }
  try {
    const info = fstatSync(handle);
    if (!info.isFile()) return { reason: 'notRegular', what: kindOf(info) };
    if (info.dev !== before.dev || info.ino !== before.ino) return { reason: 'outside' };
    if (info.size > LIMITS.linkedFileBytes) return { reason: 'tooLarge', bytes: info.size };
    // One byte more than the limit: a file that grew since `fstat` is still caught.
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(handle, buffer, length, buffer.length - length, length);
      if (read === 0) break;
      length += read;
      if (length > LIMITS.linkedFileBytes) return { reason: 'tooLarge', bytes: length };
    }
    return { bytes: buffer.subarray(0, length), real };
  } catch (error) {
    return { reason: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'unknown error' };
  } finally {
    closeSync(handle);
  }
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isBlockDevice() || info.isCharacterDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** What a name alone refuses, before anything is opened: a type that runs, or one outside the allow-list. */
export function refusedByName(path: string): Refusal | undefined {
  const ext = extensionOf(path);
  const runnable = RUNNABLE.get(ext);
  if (runnable) return { reason: 'runnable', ...runnable };
  if (!LINKED_TYPES.has(ext)) return { reason: 'unknownType', ext };
  return undefined;
}

/**
 * Reads and checks a linked file: its place and kind (`openLinkedFile`), its name, and its
 * bytes against the type its name promises. Images are checked for their pixel counts and for
 * whole bytes, which is what the image pipeline will decode.
 */
export async function readLinkedFile(path: string, guideRoot: string): Promise<LinkedFile | Refusal> {
  const byName = refusedByName(path);
  if (byName) return byName;
  const opened = openLinkedFile(path, guideRoot);
  if ('reason' in opened) return opened;
  const ext = extensionOf(path);
  const type = LINKED_TYPES.get(ext)!;
  const found = await contentOf(opened.bytes);
  if (!type.content.includes(found.name)) {
    return { reason: 'disguised', ext, what: found.what, fix: found.runs ? RUNNABLE.get(found.runs)!.fix : undefined };
  }
  if (type.image) {
    const problem = await imageProblem(opened.bytes, found.name);
    if (problem) return problem;
  }
  return { bytes: opened.bytes, type, hash: hashOf(opened.bytes) };
}

/** The SHA-256 of a file's bytes, hex: what the build checks it serves the bytes `check` passed. */
export function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What bytes really are: a `file-type` name (`pdf`, `png`), or `text`, and how a message says it; `runs` names a runnable type. */
interface Content {
  name: string;
  what: string;
  runs?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Markup a browser would render or run: a document that starts with a tag, or any of the
 * elements that load or run something (the tags of the MIME sniffing standard's HTML rule).
 */
const MARKUP_START = /^(?:\uFEFF)?\s*</;
const RUNNING_TAG =
  /<(?:!doctype|\?xml|html|head|body|script|iframe|frame|frameset|object|embed|svg|math|meta|link|base|style|form|img|a\s)/i;

async function contentOf(bytes: Buffer): Promise<Content> {
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    if (detected.ext === 'xml') return markupOf(bytes.toString('utf8', 0, 4096));
    const known = [...LINKED_TYPES.values()].find((type) => type.content.includes(detected.ext));
    return { name: detected.ext, what: known?.what ?? `a ${detected.ext.toUpperCase()} file (\`${detected.mime}\`)` };
  }
  const wide = wideEncoding(bytes);
  if (wide) return { name: 'wide-text', what: `${wide} text (save it as UTF-8)` };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { name: 'binary', what: 'data of an unknown type' };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) return { name: 'binary', what: 'data of an unknown type' };
  if (MARKUP_START.test(text) || RUNNING_TAG.test(text)) return markupOf(text);
  return { name: 'text', what: 'plain text' };
}

/** Markup, by its kind: an SVG image, an HTML page or XML, each of which a browser would run. */
function markupOf(text: string): Content {
  if (/<svg[\s>]/i.test(text)) return { name: 'svg', what: 'an SVG image', runs: 'svg' };
  if (/<(?:!doctype\s+html|html|head|body|script|iframe)[\s>]/i.test(text)) return { name: 'html', what: 'an HTML page', runs: 'html' };
  if (/^(?:\uFEFF)?\s*<\?xml/.test(text)) return { name: 'xml', what: 'an XML document', runs: 'xml' };
  return { name: 'html', what: 'HTML markup', runs: 'html' };
}
