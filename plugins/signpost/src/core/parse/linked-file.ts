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
import type { Decodes } from './image-check.ts';
import { extensionOf } from './urls.ts';
import { findMarkup, type MarkupHit } from './markup-scan.ts';
import { styleLoadIn } from './captions-style.ts';

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
  /** How to make a copy without hidden markup, for messages. */
  remake: string;
}

const IMAGE_REMAKE = 'export it again from an image editor';
const VIDEO_REMAKE = 'encode it again (in a video editor, or with `ffmpeg`)';
const TEXT_REMAKE = 'take the markup out, or put the file in a ZIP archive (`.zip`)';

/**
 * The allow-list, by extension: what a guide may link to or show. Everything a browser shows
 * without running code, and nothing else; a file of any other type is refused by `check`.
 * Images are those astro:assets optimises (`IMAGE_EXTENSIONS`), videos those `::video` plays.
 */
export const LINKED_TYPES: ReadonlyMap<string, LinkedType> = new Map<string, LinkedType>(
  (
    [
      ['pdf', ['pdf'], 'application/pdf', 'a PDF document', false, 'make it again (print it to a new PDF)'],
      // An animated PNG is a PNG: the image pipeline shows its first frame.
      ['png', ['png', 'apng'], 'image/png', 'a PNG image', true, IMAGE_REMAKE],
      ['jpg', ['jpg'], 'image/jpeg', 'a JPEG image', true, IMAGE_REMAKE],
      ['jpeg', ['jpg'], 'image/jpeg', 'a JPEG image', true, IMAGE_REMAKE],
      ['gif', ['gif'], 'image/gif', 'a GIF image', true, IMAGE_REMAKE],
      ['webp', ['webp'], 'image/webp', 'a WebP image', true, IMAGE_REMAKE],
      ['avif', ['avif'], 'image/avif', 'an AVIF image', true, IMAGE_REMAKE],
      ['mp4', ['mp4', 'm4v'], 'video/mp4', 'an MP4 video', true, VIDEO_REMAKE],
      ['webm', ['webm'], 'video/webm', 'a WebM video', true, VIDEO_REMAKE],
      [
        'vtt',
        ['vtt'],
        'text/vtt; charset=utf-8',
        'WebVTT captions',
        true,
        'keep to the cue tags of WebVTT (`<b>`, `<i>`, `<u>`, `<c>`, `<v>`, `<lang>`, `<ruby>`, `<rt>`), with no event handler (`onclick=`) or `javascript:` link in them',
      ],
      ['txt', ['text'], 'text/plain; charset=utf-8', 'plain text', false, TEXT_REMAKE],
      ['log', ['text'], 'text/plain; charset=utf-8', 'plain text', false, TEXT_REMAKE],
      ['csv', ['text'], 'text/csv; charset=utf-8', 'plain text', false, TEXT_REMAKE],
      ['zip', ['zip'], 'application/zip', 'a ZIP archive', false, 'make the archive again, compressed'],
    ] as const
  ).map(([ext, content, mime, what, media, remake]) => [
    ext,
    { content, mime, what, media, remake, ...(mime.startsWith('image/') ? { image: true as const } : {}) },
  ]),
);

/** The extensions of the allow-list, as messages list them. */
export const LINKED_EXTENSIONS = [...LINKED_TYPES.keys()];

/**
 * Types that run code when a browser opens them from the site (a page, an SVG with a script, a
 * script a published page could load): refused by name, with how to publish them instead.
 */
const PAGE_FIX = 'export it as PDF, or publish it elsewhere and link to its address (`https://…`)';
const SCRIPT_FIX = 'show it in a code block (```js), or link to it where it is published (`https://…`)';
const SVG_FIX = 'export it as PNG';
const RUNNABLE: ReadonlyMap<string, { what: string; fix: string }> = new Map(
  [
    ['html', 'an HTML page', PAGE_FIX],
    ['htm', 'an HTML page', PAGE_FIX],
    ['xhtml', 'an XHTML page', PAGE_FIX],
    ['shtml', 'an HTML page', PAGE_FIX],
    ['svg', 'an SVG image', SVG_FIX],
    ['svgz', 'an SVG image', SVG_FIX],
    ['xml', 'an XML document', 'save it as plain text (`.txt`), or link to it where it is published (`https://…`)'],
    ['xsl', 'an XSL stylesheet', 'link to it where it is published (`https://…`)'],
    ['xslt', 'an XSL stylesheet', 'link to it where it is published (`https://…`)'],
    ['js', 'a script', SCRIPT_FIX],
    ['mjs', 'a script', SCRIPT_FIX],
    ['cjs', 'a script', SCRIPT_FIX],
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
  /**
   * A file of the type its name says that also holds markup a browser would run if it ever
   * took the file for a page (a host that sniffs types): `markup` is where, `fix` how to publish it.
   */
  | { reason: 'markup'; what: string; markup: string; fix: string }
  /** Captions whose `STYLE` block could load something (`url(` on `line`), which browsers fetch when they show them. */
  | { reason: 'captionsStyle'; loads: string; line: number }
  /** A file with more than one name (a hard link): one of them may be outside the guide. */
  | { reason: 'hardLink'; names: number }
  /** A path holding a NUL character (`%00`), which no file name holds. */
  | { reason: 'nulInPath' }
  /** An image past the pixel limits. */
  | { reason: 'imagePixels'; width: number; height: number }
  | { reason: 'imageSide'; width: number; height: number }
  /** An animation past the pixel limit over all its frames. */
  | { reason: 'animationPixels'; width: number; height: number; frames: number }
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
  const place = placeOf(path, guideRoot);
  if ('reason' in place) return place;
  const { real, before } = place;
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
    // A hard link is the same file under another name, which may be anywhere on its file
    // system: nothing on the file says which name is inside the guide. Git never makes one.
    if (info.nlink > 1) return { reason: 'hardLink', names: info.nlink };
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

/**
 * Where a file really is, without opening it: its real path, which must be inside the guide,
 * and what it is there, which must be a regular file.
 */
function placeOf(path: string, guideRoot: string): { real: string; before: Stats } | Refusal {
  if (path.includes('\0')) return { reason: 'nulInPath' };
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
  return { real, before };
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
 * Reads and checks a linked file: its place and kind (`openLinkedFile`), its name, its bytes
 * against the type its name promises, and the markup its bytes may hide. Images are checked for
 * their pixel counts and for whole bytes, which is what the image pipeline will decode.
 */
export async function readLinkedFile(path: string, guideRoot: string, decodes?: Decodes): Promise<LinkedFile | Refusal> {
  const byName = refusedByName(path);
  if (byName) {
    // A name that would be refused says so only of a file that is there: a link to a folder is
    // a folder, a missing file is missing.
    const place = placeOf(path, guideRoot);
    return 'reason' in place ? place : byName;
  }
  const opened = openLinkedFile(path, guideRoot);
  if ('reason' in opened) return opened;
  const ext = extensionOf(path);
  const type = LINKED_TYPES.get(ext)!;
  const found = await contentOf(opened.bytes);
  if (!type.content.includes(found.name)) return { reason: 'disguised', ext, what: found.what, fix: found.fix };
  if (type.image) {
    // The decoders are loaded with the first image a check opens: most guides link none.
    const { imageProblem } = await import('./image-check.ts');
    const problem = await imageProblem(opened.bytes, found.name, decodes);
    if (problem) return problem;
  }
  // Text and captions are decoded once for both of the checks below.
  const text = found.name === 'text' || found.name === 'vtt' ? textOf(opened.bytes) : undefined;
  const markup = markupIn(opened.bytes, found.name, text);
  if (markup) return { reason: 'markup', what: type.what, markup, fix: type.remake };
  const style = found.name === 'vtt' && text !== undefined ? styleLoadIn(text) : undefined;
  if (style) return { reason: 'captionsStyle', ...style };
  return { bytes: opened.bytes, type, hash: hashOf(opened.bytes) };
}

/** The SHA-256 of a file's bytes, hex: what the build checks it serves the bytes `check` passed. */
export function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What bytes really are: a `file-type` name (`pdf`, `png`), or `text`, and how a message says it; `fix` for a type that runs. */
interface Content {
  name: string;
  what: string;
  fix?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A document that is markup from its first character (after a byte order mark and spaces). */
const MARKUP_START = /^(?:\uFEFF)?\s*</;

async function contentOf(bytes: Buffer): Promise<Content> {
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    if (detected.ext === 'xml') return markupOf(bytes.toString('utf8', 0, 4096));
    if (detected.ext === 'vtt' && textOf(bytes) === undefined) {
      return { name: 'binary', what: 'captions that are not UTF-8 text (save them as UTF-8)' };
    }
    const known = [...LINKED_TYPES.values()].find((type) => type.content.includes(detected.ext));
    return { name: detected.ext, what: known?.what ?? `a ${detected.ext.toUpperCase()} file (\`${detected.mime}\`)` };
  }
  const wide = wideEncoding(bytes);
  if (wide) return { name: 'wide-text', what: `${wide} text (save it as UTF-8)` };
  const text = textOf(bytes);
  if (text === undefined) return { name: 'binary', what: 'data of an unknown type' };
  return MARKUP_START.test(text) ? markupOf(text) : { name: 'text', what: 'plain text' };
}

/** UTF-8 text without control characters (but tabs and line endings), or nothing. */
function textOf(bytes: Buffer): string | undefined {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) ? undefined : text;
}

/** A document that is markup, by its kind: an SVG image, an HTML page or XML, each of which a browser would run. */
function markupOf(text: string): Content {
  if (/<svg[\s>]/i.test(text)) return { name: 'svg', what: 'an SVG image', fix: SVG_FIX };
  if (/^(?:\uFEFF)?\s*<\?xml/.test(text) && !/<(?:!doctype\s+html|html|head|body|script|iframe)[\s>]/i.test(text)) {
    return { name: 'xml', what: 'an XML document', fix: RUNNABLE.get('xml')!.fix };
  }
  return {
    name: 'html',
    what: /<(?:!doctype\s+html|html|head|body|script|iframe)[\s>]/i.test(text) ? 'an HTML page' : 'HTML markup',
    fix: PAGE_FIX,
  };
}

/**
 * Where the bytes of a file hold markup a browser would run if it ever took the file for a page
 * (a host that serves it without its type, or sniffs it): a "polyglot", such as a PDF that is
 * also an HTML page. Shown as `` `<script>` at byte 9 `` or `` `<c onclick=alert(1)>` on line 3 ``.
 * `text` is the file decoded, for text and captions.
 *
 * - Plain text holds no tag at all: `<` before a letter, `/`, `!` or `?` is how HTML starts
 *   one, whatever its name (`<x onclick=…>` runs as surely as `<script>`).
 * - Captions and any other file (an image, a PDF, a video, an archive, read as latin1) are read
 *   by the HTML tokenizer (`findMarkup`): captions hold only WebVTT's cue tags, with no handler;
 *   other files no tag that loads or runs something.
 */
function markupIn(bytes: Buffer, name: string, text: string | undefined): string | undefined {
  if (name === 'text' || name === 'vtt') {
    // Text that is not text is refused by its type already (`contentOf`).
    if (text === undefined) return undefined;
    let found: MarkupHit | undefined;
    if (name === 'vtt') found = findMarkup(text, 'captions');
    else {
      const tag = /<[A-Za-z!?/]/.exec(text);
      if (tag) found = { at: tag.index };
    }
    if (!found) return undefined;
    const line = text.slice(0, found.at).split(/\r\n|\r|\n/).length;
    return `\`${excerpt(text, found)}\` on line ${line}`;
  }
  const latin1 = bytes.toString('latin1');
  const found = findMarkup(latin1, 'binary');
  return found ? `\`${excerpt(latin1, found)}\` at byte ${found.at.toLocaleString('en')}` : undefined;
}

/** How many characters of a tag a message shows, after its `<`. */
const EXCERPT_CHARS = 24;

/**
 * The start of a tag, as a message shows it: up to its end (when the tokenizer found it), its
 * first line and `EXCERPT_CHARS` characters, printable, with `…` where it was cut.
 */
function excerpt(text: string, found: MarkupHit): string {
  // Without an end, a tag is shown up to the next `<` or `>`, where it most likely ends.
  const end = found.end ?? found.at + 1 + /^[^<>]*>?/.exec(text.slice(found.at + 1, found.at + 2 + EXCERPT_CHARS))![0].length;
  const shown = text.slice(found.at, Math.min(end, found.at + 1 + EXCERPT_CHARS)).split(/[\r\n]/)[0]!;
  const head = shown.replace(/[^\x20-\x7e]/g, '?').trimEnd();
  return found.at + shown.length < end ? `${head}…` : head;
}
