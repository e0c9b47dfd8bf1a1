/**
 * The files beside a guide that its pages link to or play (a PDF, a video, its captions):
 * each is served at a URL named by its content (`<base><prefix>_signpost/<hash>/<name>`), by
 * the dev server while writing and copied into the build. Images go through astro:assets
 * instead (see site-data.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Guide } from '../core/graph/model.ts';
import type { Nodes } from 'mdast';
import type { SitePaths } from '../render/site-model.ts';

/** What Astro's content store reads as an image to import (`astro/dist/content/consts.js`). */
export const IMAGE_IMPORT = '__ASTRO_IMAGE_';

/** Where the files are under the guides' prefix: no guide slug starts with `_`. */
const FOLDER = '_signpost';

/** The files a build serves, by URL path (with the site's base) → absolute path. */
export type ServedFiles = Map<string, string>;

export class GuideFiles {
  private readonly paths: SitePaths;
  private readonly wanted = new Map<string, string>();
  constructor(paths: SitePaths) {
    this.paths = paths;
  }

  /** The URL of a file, named by its content: a changed file gets a new URL, so caches never serve the old one. */
  url(file: string): string {
    let key: string;
    try {
      key = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
    } catch {
      // Reported by `check` (broken-link, broken-image); the build stops before any page is written.
      key = 'missing';
    }
    const url = this.paths.asset(`${FOLDER}/${key}/${encodeURIComponent(basename(file))}`);
    this.wanted.set(url, file);
    return url;
  }

  /** Every file asked for, by URL. */
  async served(): Promise<ServedFiles> {
    return new Map(this.wanted);
  }
}

/** Copies the served files into a build's output folder (`outDir`, without the base). */
export async function copyServedFiles(files: ServedFiles, outDir: string, base: string): Promise<void> {
  for (const [url, file] of files) {
    const target = join(outDir, decodeURIComponent(url.slice(base.length)));
    await mkdir(join(target, '..'), { recursive: true });
    await copyFile(file, target);
  }
}

/** Reads a served file for the dev server, or undefined. */
export async function readServedFile(files: ServedFiles | undefined, url: string): Promise<Buffer | undefined> {
  const file = files?.get(url.split('?')[0]!);
  return file ? readFile(file) : undefined;
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
