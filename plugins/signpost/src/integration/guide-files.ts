/**
 * The files beside a guide that its pages link to or play (a PDF, a video, its captions):
 * each is served at a URL named by its content, by the dev server while writing and written
 * into the build. Images go through astro:assets instead (see site-data.ts), from a copy of
 * the bytes `check` passed (`checkedImage`).
 *
 * Only files `check` passed are served, and only with the bytes it passed: each is read again
 * through core/parse/linked-file.ts (never following a link out of the guide, never a FIFO or a
 * device) and its hash compared with the one `check` recorded; the bytes read are what is
 * written, never a copy of the path. Media (images, video, captions) are served at
 * `<base><prefix>_signpost/<hash>/<name>`; downloads (a PDF, text, an archive) at
 * `_signpost/download/<hash>/<name>`, which `_headers` serves as attachments.
 */
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AstroError } from 'astro/errors';
import type { Guide } from '../core/graph/model.ts';
import type { Nodes } from 'mdast';
import type { SitePaths } from '../render/site-model.ts';
import { hashOf, LINKED_TYPES, openLinkedFile } from '../core/parse/linked-file.ts';
import { DOWNLOADS_FOLDER, extensionOf, FILES_FOLDER } from '../core/parse/urls.ts';

/** What Astro's content store reads as an image to import (`astro/dist/content/consts.js`). */
export const IMAGE_IMPORT = '__ASTRO_IMAGE_';

/** A file a build serves: where it is, the hash of the bytes `check` passed, and how it is served. */
export interface ServedFile {
  file: string;
  /** The guide folder's real path: the file must really be inside it. */
  root: string;
  hash: string;
  /** Its `Content-Type`. */
  mime: string;
  /** Served as an attachment: not shown or played by a page. */
  download: boolean;
}

/** The files a build serves, by URL path (with the site's base). */
export type ServedFiles = Map<string, ServedFile>;

export class GuideFiles {
  private readonly paths: SitePaths;
  private readonly checked: ReadonlyMap<string, string>;
  private readonly wanted: ServedFiles = new Map();
  private readonly roots = new Map<string, string>();
  /** `checked`: the files `check` passed, by absolute path, with the hash of their bytes (`CheckResult.linkedFiles`). */
  constructor(paths: SitePaths, checked: ReadonlyMap<string, string>) {
    this.paths = paths;
    this.checked = checked;
  }

  /**
   * The URL of a file of the guide in `guideDir`, named by its content: a changed file gets a
   * new URL, so caches never serve the old one. A file `check` did not pass is not served (the
   * build stops at the check's report before any page is written).
   */
  url(file: string, guideDir: string): string {
    const hash = this.checked.get(file);
    const name = encodeURIComponent(basename(file));
    if (hash === undefined) return this.paths.asset(`${FILES_FOLDER}/missing/${name}`);
    const type = LINKED_TYPES.get(extensionOf(file))!;
    const folder = type.media ? FILES_FOLDER : `${FILES_FOLDER}/${DOWNLOADS_FOLDER}`;
    const url = this.paths.asset(`${folder}/${hash.slice(0, 12)}/${name}`);
    this.wanted.set(url, { file, root: this.rootOf(guideDir), hash, mime: type.mime, download: !type.media });
    return url;
  }

  /**
   * The file to import through astro:assets for an image `check` passed: a copy of the bytes
   * it passed in `cacheDir`, so that the image pipeline reads those bytes and no others.
   */
  checkedImage(file: string, guideDir: string, cacheDir: string): string {
    const hash = this.checked.get(file);
    if (hash === undefined) throw changed(file);
    const copy = join(cacheDir, 'images', hash.slice(0, 32), basename(file));
    if (!existsSync(copy)) {
      const bytes = checkedBytes({ file, root: this.rootOf(guideDir), hash });
      mkdirSync(join(copy, '..'), { recursive: true });
      writeFileSync(copy, bytes);
    }
    return copy;
  }

  private rootOf(guideDir: string): string {
    let root = this.roots.get(guideDir);
    if (root === undefined) {
      try {
        root = realpathSync(guideDir);
      } catch {
        root = guideDir;
      }
      this.roots.set(guideDir, root);
    }
    return root;
  }

  /** Every file asked for, by URL. */
  async served(): Promise<ServedFiles> {
    return new Map(this.wanted);
  }
}

/** The build stops: a file changed between the check and its copy, so it is not the file `check` passed. */
function changed(file: string): AstroError {
  const error = new AstroError(
    `${file} changed while the site was built: it is not the file \`signpost check\` passed, so it is not published.`,
    'Build again once the guide folder is no longer being changed.',
  );
  error.stack = '';
  return error;
}

/** The bytes of a served file, read safely again; only when they are the bytes `check` passed. */
function checkedBytes(served: Pick<ServedFile, 'file' | 'root' | 'hash'>): Buffer {
  const opened = openLinkedFile(served.file, served.root);
  if ('reason' in opened || hashOf(opened.bytes) !== served.hash) throw changed(served.file);
  return opened.bytes;
}

/** Writes the served files into a build's output folder (`outDir`, without the base): the bytes `check` passed. */
export async function copyServedFiles(files: ServedFiles, outDir: string, base: string): Promise<void> {
  for (const [url, served] of files) {
    const target = join(outDir, decodeURIComponent(url.slice(base.length)));
    const bytes = checkedBytes(served);
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, bytes);
  }
}

/** A served file for the dev server, with how to serve it; or undefined. */
export async function readServedFile(
  files: ServedFiles | undefined,
  url: string,
): Promise<{ bytes: Buffer; headers: Record<string, string> } | undefined> {
  const served = files?.get(url.split('?')[0]!);
  if (!served) return undefined;
  return { bytes: checkedBytes(served), headers: servedHeaders(served) };
}

/** The headers a served file is sent with: its type, never sniffed, in an origin of its own, and a download as an attachment. */
export function servedHeaders(served: Pick<ServedFile, 'mime' | 'download'>): Record<string, string> {
  return {
    'Content-Type': served.mime,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': 'sandbox',
    ...(served.download ? { 'Content-Disposition': 'attachment' } : {}),
  };
}

/** The languages of the guides' fenced code, so that the highlighter loads only those. */
export function codeLanguages(guides: Guide[]): Set<string> {
  const languages = new Set<string>();
  for (const guide of guides) {
    for (const node of guide.nodes) {
      const stack: Nodes[] = [node.tree];
      while (stack.length > 0) {
        const current = stack.pop()!;
        if (current.type === 'code' && current.lang) languages.add(current.lang);
        if ('children' in current) for (const child of current.children) stack.push(child as Nodes);
      }
    }
  }
  return languages;
}
