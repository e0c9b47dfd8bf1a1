/**
 * Parsed files kept on disk between runs, so that a check, a build or a restarted dev server
 * does not parse a file again while its text is unchanged. An entry is found by the file's path and the
 * digest of its text; the whole cache is dropped when the checker changes (its code, or the
 * parser packages it uses), so that a cached result is always the one a fresh parse would give.
 *
 * The cache's folder is not Signpost's to trust: CI systems save and restore it, and share it
 * between branches, so an entry may have been written by anyone who could run a build. Each
 * entry is a header line (the checker's version, the file's path, the digest of the text it was
 * parsed from, and the digest of the rest of the entry) and the parse: an entry cut short,
 * garbled, or edited without its header is not read. The header's digest has no secret: someone
 * who writes entries on purpose can write a matching one, so what an entry holds is judged
 * again as it is read (`accept`: cached-parse.ts for a guide file), and refused unless it could
 * be the file's parse and every check holds on it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED } from '#micromark-contents';

/** What parsing one file gave: stored as it is, so it must survive `JSON.stringify`. */
export interface CachedParse<T> {
  digest: string;
  isIndex: boolean;
  value: T;
}

/**
 * The packages whose versions change what a parse gives, as installed. micromark and
 * mdast-util-from-markdown are not among them: Signpost parses with its own bundle of them,
 * whose contents are `BUNDLED`.
 */
export const PARSER_PACKAGES = [
  'unified',
  'micromark-extension-directive',
  'mdast-util-directive',
  'remark-mdx',
  'micromark-extension-mdxjs',
  'mdast-util-mdx',
  'acorn',
  'remark-frontmatter',
  'micromark-extension-frontmatter',
  'remark-gfm',
  'micromark-extension-gfm',
  'mdast-util-gfm',
  'yaml',
  'zod',
  // The native fast path (core/parse/native-parse.ts).
  'satteri',
  'parse-entities',
  'micromark-util-character',
  // What a `match` pattern is found to be, and its RE2 form (core/match/regex.ts).
  '@eslint-community/regexpp',
  're2js',
];

/**
 * A digest of the checker itself: the text of every module of the core (whichever form runs,
 * TypeScript or built JavaScript), what its micromark bundle holds, the versions of the other
 * parser packages, and npm's record of
 * the installed packages where there is one (`node_modules/.package-lock.json`), which
 * changes with any package the parser packages use in turn.
 */
export async function versionOfChecker(): Promise<string> {
  const hash = createHash('sha256');
  const core = fileURLToPath(new URL('..', import.meta.url));
  const files = (await readdir(core, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  // Read at once, one after the other: a check waits for them before anything else.
  for (const file of files) hash.update(file.slice(core.length)).update(readFileSync(file));
  hash.update(BUNDLED.join('\n'));
  const installed = new Set<string>();
  for (const name of PARSER_PACKAGES) {
    const found = await installedPackage(name);
    hash.update(`${name}@${found?.version ?? '?'}`);
    if (found) installed.add(join(found.dir, '..', name.startsWith('@') ? '..' : '', '.package-lock.json'));
  }
  for (const lock of [...installed].sort()) hash.update(readIfThere(lock) ?? '');
  return hash.digest('hex').slice(0, 16);
}

/**
 * Where a package is installed, and its version: the nearest package.json of that name above
 * the module it resolves to (most packages do not export their package.json).
 */
export async function installedPackage(name: string): Promise<{ dir: string; version: string } | undefined> {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    return undefined;
  }
  for (;;) {
    const text = readIfThere(join(dir, 'package.json'));
    let manifest: { name?: string; version?: string } | undefined;
    try {
      manifest = text === undefined ? undefined : (JSON.parse(text.toString('utf8')) as { name?: string; version?: string });
    } catch {
      manifest = undefined;
    }
    if (manifest?.name === name) return { dir, version: manifest.version ?? '?' };
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** A file's bytes, or undefined where it cannot be read. */
function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The digest of a file's text. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A folder per guides folder, one JSON file per guide file, each holding the checker's
 * version with the parse: a run reads only the entries of the files it has to, and writes only
 * the entries of the files it parsed, so that saving one file in the dev server writes one
 * entry, however large the guides. A cache that cannot be read or written is no cache: parsing
 * then simply happens.
 */
export class ParseCache<T> {
  private readonly dir: string;
  private version = '';
  /** Entries on disk when the cache was opened, by file name. */
  private present = new Set<string>();
  /** Entries this run read, kept or wrote: the others belong to files that are gone. */
  private used = new Set<string>();
  private pending = new Map<string, { path: string } & CachedParse<T>>();

  private constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Opens the cache of a guides folder in `dir` (for a site: Astro's cache folder). `version`
   * is `versionOfChecker()`, worked out once by the checker that opens it. `kind` names what
   * it keeps: files' parses, or guides' pattern proofs (an entry a guide, by its folder).
   */
  static async open<T>(
    dir: string,
    guidesDir: string,
    version: Promise<string> = versionOfChecker(),
    kind: 'parse' | 'proofs' = 'parse',
  ): Promise<ParseCache<T>> {
    const cache = new ParseCache<T>(join(dir, `${kind}-${digestOf(guidesDir).slice(0, 12)}`));
    cache.version = await version;
    cache.present = new Set(existing(cache.dir));
    return cache;
  }

  /**
   * The parse of the file at `path` whose text has `digest`, if it is kept and `accept` takes
   * it: `accept` gets the stored value as it was read, unchecked, and gives it back only if it
   * may stand for a fresh parse.
   */
  async get(path: string, isIndex: boolean, digest: string, accept: (value: unknown) => T | undefined): Promise<T | undefined> {
    const name = entryName(path);
    this.used.add(name);
    if (!this.present.has(name)) return undefined;
    try {
      // Read at once: a check reads the entries one after the other, and would only wait for each.
      const text = readFileSync(join(this.dir, name), 'utf8');
      const end = text.indexOf('\n');
      if (end === -1) return undefined;
      const header = JSON.parse(text.slice(0, end)) as Partial<EntryHeader> | null;
      const body = text.slice(end + 1);
      const fresh =
        header?.version === this.version &&
        header.path === path &&
        header.digest === digest &&
        header.isIndex === isIndex &&
        header.content === digestOf(body);
      return fresh ? accept(JSON.parse(body)) : undefined;
    } catch {
      // Half written by a run that was stopped, removed meanwhile, or not JSON: parse again.
      return undefined;
    }
  }

  /** Keeps the entry of a file that this run found unchanged without reading it. */
  keep(path: string): void {
    this.used.add(entryName(path));
  }

  set(path: string, isIndex: boolean, digest: string, value: T): void {
    const name = entryName(path);
    this.used.add(name);
    this.pending.set(name, { path, digest, isIndex, value });
  }

  /**
   * Writes the new entries, and removes those of files this run did not read (deleted files).
   * Written at once, one after the other: the check is over, and waits only for them.
   */
  async save(): Promise<void> {
    const pending = [...this.pending];
    this.pending.clear();
    if (pending.length > 0) {
      try {
        mkdirSync(this.dir, { recursive: true });
      } catch {
        // No folder, no entries: each write below fails alone, and nothing is kept.
      }
    }
    for (const [name, entry] of pending) {
      const file = join(this.dir, name);
      // Two checks of one process may overlap (a dev server's saves): each writes its own.
      const temporary = `${file}.${randomUUID()}.tmp`;
      try {
        const body = JSON.stringify(entry.value);
        const header: EntryHeader = {
          version: this.version,
          path: entry.path,
          digest: entry.digest,
          isIndex: entry.isIndex,
          content: digestOf(body),
        };
        writeFileSync(temporary, `${JSON.stringify(header)}\n${body}`);
        renameSync(temporary, file);
        this.present.add(name);
      } catch {
        try {
          rmSync(temporary, { force: true });
        } catch {
          // A folder that refuses writes may refuse this too: a stray file is only a stray file.
        }
      }
    }
    for (const name of this.present) {
      if (this.used.has(name)) continue;
      this.present.delete(name);
      await rm(join(this.dir, name), { force: true }).catch(() => undefined);
    }
  }
}

/** The entries in the cache's folder; none when it is not there yet. Asked at once: one call. */
function existing(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** An entry's first line: what it is the parse of, and the digest of the parse that follows. */
interface EntryHeader {
  version: string;
  path: string;
  digest: string;
  isIndex: boolean;
  content: string;
}

/** The file name of a guide file's entry: the digest of its path. */
function entryName(path: string): string {
  return `${digestOf(path).slice(0, 24)}.json`;
}
