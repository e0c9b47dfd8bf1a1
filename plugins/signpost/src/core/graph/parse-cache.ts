/**
 * Parsed files kept on disk between runs, so that a build or a restarted dev server does not
 * parse a file again while its text is unchanged. An entry is found by the file's path and the
 * digest of its text; the whole cache is dropped when the checker changes (its code, or the
 * parser packages it uses), so that a cached result is always the one a fresh parse would give.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What parsing one file gave: stored as it is, so it must survive `JSON.stringify`. */
export interface CachedParse<T> {
  digest: string;
  isIndex: boolean;
  value: T;
}

/** The packages whose versions change what a parse gives. */
const PARSER_PACKAGES = [
  'micromark',
  'mdast-util-from-markdown',
  'micromark-extension-directive',
  'mdast-util-directive',
  'remark-mdx',
  'remark-frontmatter',
  'remark-gfm',
  'micromark-extension-gfm',
  'mdast-util-gfm',
  'yaml',
  'zod',
  // What a `match` pattern is found to be (core/match/regex.ts).
  '@eslint-community/regexpp',
  'redos-detector',
];

let checkerVersion: Promise<string> | undefined;

/**
 * A digest of the checker itself: the text of every module of the core (whichever form runs,
 * TypeScript or built JavaScript) and the versions of the parser packages.
 */
export function versionOfChecker(): Promise<string> {
  checkerVersion ??= (async () => {
    const hash = createHash('sha256');
    const core = fileURLToPath(new URL('..', import.meta.url));
    const files = (await readdir(core, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(file.slice(core.length)).update(await readFile(file));
    const require = createRequire(import.meta.url);
    for (const name of PARSER_PACKAGES) {
      try {
        const manifest = JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as { version: string };
        hash.update(`${name}@${manifest.version}`);
      } catch {
        hash.update(`${name}@?`);
      }
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return checkerVersion;
}

/** The digest of a file's text. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * One JSON file per guides folder, read once and written back when something changed. A cache
 * that cannot be read or written is no cache: parsing then simply happens.
 */
export class ParseCache<T> {
  private readonly file: string;
  private version = '';
  private entries = new Map<string, CachedParse<T>>();
  private used = new Set<string>();
  private changed = false;

  private constructor(file: string) {
    this.file = file;
  }

  /** Opens the cache of a guides folder in `dir` (for a site: Astro's cache folder). */
  static async open<T>(dir: string, guidesDir: string): Promise<ParseCache<T>> {
    const version = await versionOfChecker();
    const cache = new ParseCache<T>(join(dir, `parse-${digestOf(guidesDir).slice(0, 12)}.json`));
    try {
      const stored = JSON.parse(await readFile(cache.file, 'utf8')) as { version: string; entries: [string, CachedParse<T>][] };
      if (stored.version === version) cache.entries = new Map(stored.entries);
    } catch {
      // No cache yet, or one from an interrupted write: start empty.
    }
    cache.version = version;
    return cache;
  }

  get(path: string, isIndex: boolean, digest: string): T | undefined {
    const entry = this.entries.get(path);
    if (entry?.digest !== digest || entry.isIndex !== isIndex) return undefined;
    this.used.add(path);
    return entry.value;
  }

  set(path: string, isIndex: boolean, digest: string, value: T): void {
    this.entries.set(path, { digest, isIndex, value });
    this.used.add(path);
    this.changed = true;
  }

  /** Writes the cache, keeping only the files read in this run (deleted files drop out). */
  async save(): Promise<void> {
    const stale = [...this.entries.keys()].filter((path) => !this.used.has(path));
    for (const path of stale) this.entries.delete(path);
    if (!this.changed && stale.length === 0) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(join(this.file, '..'), { recursive: true });
      await writeFile(temporary, JSON.stringify({ version: this.version, entries: [...this.entries] }));
      await rename(temporary, this.file);
      this.changed = false;
    } catch {
      await rm(temporary, { force: true });
    }
  }
}
