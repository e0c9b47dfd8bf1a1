/**
 * Reads guide folders into typed graphs: every `.mdx` file parsed with the one pipeline, the
 * metadata of `index.mdx`, the nodes of all files, and every problem found on the way.
 */
import { basename, join, relative } from 'node:path';
import type { Point, Position } from 'unist';
import { INDEX_FILE, listGuideFiles, withUnsaved } from './guide-files.ts';
import type { FolderFact } from './folder-model.ts';
import { checkFolder } from '../rules/folder-rules.ts';
import type { Guide, GuideNode } from './model.ts';
import type * as Processor from '../parse/processor.ts';
import { append, type Problem } from '../problems.ts';
import { readSource } from '../parse/source.ts';
import type { MetaResult } from '../parse/metadata.ts';
import { validateGuide } from '../rules/validate.ts';
import { digestOf, type ParseCache } from './parse-cache.ts';
import { trustedParse } from './cached-parse.ts';
import { withScopes } from './match-scope.ts';
import { componentsKey, NO_COMPONENTS, type SiteComponents } from '../parse/site-components.ts';
import { checkerMemory, type CheckerMemory } from '../memory.ts';
import type { RegexVerdicts } from '../match/regex.ts';

export interface LoadedGuide {
  guide: Guide;
  problems: Problem[];
  /** How many of its files were parsed in this run (the others were unchanged). */
  parsedFiles: number;
}

export interface ParsedFile {
  nodes: GuideNode[];
  meta: MetaResult | undefined;
}

/**
 * A file as a checker last parsed it (core/memory.ts `parses`), reused while its text, its
 * being the index and the site's components (`key`) are unchanged: a long-lived process (the
 * dev server) reparses only the files that changed.
 */
export interface RememberedParse {
  text: string;
  isIndex: boolean;
  /** `componentsKey` of the components it was parsed with. */
  key: string;
  result: ParsedFile;
  problems: Problem[];
  /** What `readSource` knew of the file, to tell next time that it is unchanged without reading it. */
  signature?: string | undefined;
}

/** micromark's parsers (processor.ts), which `parseSource` is given to parse with micromark. */
export type Micromark = typeof Processor;

/**
 * Which parser reads a file: the native fast path (nothing where it declines), or micromark,
 * given its parsers, for a file the fast path has declined. `parseEither` tries one, then the
 * other.
 */
export type ParserChoice = 'native' | Micromark;

/**
 * Loads micromark's parsers, the first time a file needs them: the native fast path reads most
 * guides without them, and loading them is a tenth of a second of a cold `check`. Node loads a
 * module once; asked again, this gives the one it loaded.
 */
export function loadParsers(): Promise<Micromark> {
  return import('../parse/processor.ts');
}

/**
 * Loads what parses a file's text (parse-text.ts: the native fast path, the frontmatter's
 * YAML, extraction), the first time a file is not found in a cache: a check whose files are
 * all cached reads none of it, and loading it is a tenth of that check.
 */
export function loadParsing(): Promise<typeof import('./parse-text.ts')> {
  return import('./parse-text.ts');
}

/** What parsing one file gave: its nodes and metadata, and its own problems. */
export interface FileParse {
  result: ParsedFile;
  problems: Problem[];
}

/** Options of `loadGuide`. */
export interface LoadOptions {
  /**
   * What the checker keeps between checks (core/memory.ts): the parses and validations of its
   * earlier checks are reused, and this one's kept. Without it, nothing is kept.
   */
  memory?: CheckerMemory;
  /** Parses kept from earlier runs (see parse-cache.ts): an unchanged file is not parsed again. */
  cache?: ParseCache<FileParse> | undefined;
  /** Called for each file that had to be parsed. */
  onParse?: () => void;
  /** Texts to use instead of the files' own, by absolute path: an editor's unsaved buffer. */
  sources?: ReadonlyMap<string, string> | undefined;
  /** The site's own components: guides may use them as directives. */
  components?: SiteComponents;
}

/** What parsing the files of one guide is done with: `LoadOptions` and the components' key. */
interface FileLoading {
  memory: CheckerMemory;
  cache: ParseCache<FileParse> | undefined;
  onParse: () => void;
  sources: ReadonlyMap<string, string> | undefined;
  components: SiteComponents;
  /** `componentsKey(components)`, worked out once for the guide. */
  key: string;
}

/**
 * Parses one file, recovering from MDX syntax errors so the rest of the file still counts. A
 * file not read as text (a FIFO, too large, not UTF-8 …) is noted in `facts`, for the folder
 * rules.
 */
async function parseFile(
  path: string,
  isIndex: boolean,
  problems: Problem[],
  facts: FolderFact[],
  { memory, cache, onParse, sources, components, key }: FileLoading,
): Promise<ParsedFile> {
  const parsed = memory.parses;
  const given = sources?.get(path);
  const remembered = parsed.get(path);
  const usable = remembered && remembered.isIndex === isIndex && remembered.key === key ? remembered : undefined;
  // A file still at the version parsed last time in this process (the dev server) is not read again.
  const source = given === undefined ? readSource(path, usable?.signature) : { text: given };
  if ('unchanged' in source) {
    cache?.keep(path);
    append(problems, usable!.problems);
    return usable!.result;
  }
  if (!('text' in source)) {
    parsed.delete(path);
    // Refused from its size alone, among others: a 3 GB file is not read into memory to be refused.
    facts.push({ type: 'unread', path, source });
    return { nodes: [], meta: undefined };
  }
  // The site's components change what a file means: they are part of what is cached.
  const signature = 'signature' in source ? source.signature : undefined;
  if (usable && usable.text === source.text) {
    cache?.keep(path);
    usable.signature = signature;
    append(problems, usable.problems);
    return usable.result;
  }
  const digest = cache ? digestOf(key ? `${key}\n${source.text}` : source.text) : '';
  // The cache's entry for a file parsed earlier in this process holds that earlier text.
  const stored = usable
    ? undefined
    : await cache?.get(path, isIndex, digest, (value) => trustedParse(value, path, source.text, components));
  if (!stored) onParse();
  const { result, problems: own } = stored ?? (await parseEither(path, source, isIndex, components, memory.verdicts));
  if (cache && !stored) cache.set(path, isIndex, digest, { result, problems: own });
  parsed.set(path, { text: source.text, isIndex, key, result, problems: own, signature });
  append(problems, own);
  return result;
}

/** `parseSource` with the native fast path, and micromark where it declines: its parsers are loaded then. */
async function parseEither(
  path: string,
  source: { text: string; invalidAt?: Point },
  isIndex: boolean,
  components: SiteComponents,
  verdicts: RegexVerdicts,
): Promise<FileParse> {
  const { parseSource } = await loadParsing();
  const native = parseSource(path, source, isIndex, components, 'native', verdicts);
  if (native) return native;
  return parseSource(path, source, isIndex, components, await loadParsers(), verdicts);
}

/**
 * Whether `loadGuide` would parse this file's `text` again (it is in no cache), and, once it is
 * parsed elsewhere (parse-ahead.ts), what to remember of it: in the checker's memory, and in
 * the parse cache on disk. `key` is `componentsKey(components)`.
 */
export const parseMemory = {
  async needed(
    memory: CheckerMemory,
    path: string,
    text: string,
    isIndex: boolean,
    { components, key }: { components: SiteComponents; key: string },
    cache: ParseCache<FileParse> | undefined,
  ): Promise<boolean> {
    const parsed = memory.parses;
    const cached = parsed.get(path);
    if (cached && cached.text === text && cached.isIndex === isIndex && cached.key === key) return false;
    if (!cache) return true;
    const stored = await cache.get(path, isIndex, digestOf(key ? `${key}\n${text}` : text), (value) =>
      trustedParse(value, path, text, components),
    );
    if (stored) parsed.set(path, { text, isIndex, key, ...stored });
    return !stored;
  },
  remember(
    memory: CheckerMemory,
    path: string,
    text: string,
    isIndex: boolean,
    key: string,
    cache: ParseCache<FileParse> | undefined,
    parse: FileParse,
  ): void {
    memory.parses.set(path, { text, isIndex, key, ...parse });
    cache?.set(path, isIndex, digestOf(key ? `${key}\n${text}` : text), parse);
  },
};

/**
 * Files taken at once: a file is read at once (source.ts), its parse-cache entry is read
 * alongside the others', enough to keep the disk busy, few enough for any limit on open files.
 */
const READ_AHEAD = 16;

/** `map` over `list`, at most `size` calls at once, results in order. */
async function inBatches<T, R>(list: T[], size: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < list.length; start += size) append(results, await Promise.all(list.slice(start, start + size).map(map)));
  return results;
}

/** Reads one guide folder into its graph and every problem in it. */
export async function loadGuide(dir: string, options: LoadOptions = {}): Promise<LoadedGuide> {
  const slug = basename(dir);
  const facts: FolderFact[] = [];
  let parsedFiles = 0;
  // An editor's buffer of a file not saved yet is one of the guide's files (remark, `checkFile`).
  const walked = listGuideFiles(dir, facts);
  const listed = walked && withUnsaved(dir, walked, options.sources);
  const files = listed ?? [];
  const index = join(dir, INDEX_FILE);
  const guide: Guide = {
    slug,
    dir,
    files,
    meta: undefined,
    start: undefined,
    startPosition: undefined,
    nodes: [],
    byId: new Map(),
  };
  // The folder rules judge what the walk and the reads found (rules/folder-rules.ts).
  const folderProblems = (fileProblems: Problem[]) =>
    checkFolder({ kind: 'guide', dir, slug, index, files: listed, nodes: guide.nodes.length, fileProblems, facts });
  if (files.length === 0) return { guide, problems: folderProblems([]), parsedFiles };
  const { memory = checkerMemory(), components = NO_COMPONENTS } = options;
  const loading: FileLoading = {
    memory,
    cache: options.cache,
    onParse: () => parsedFiles++,
    sources: options.sources,
    components,
    key: componentsKey(components),
  };
  // Files are taken a few at a time, and in order: the same guide and problems as one by one.
  const read = await inBatches(files, READ_AHEAD, async (path) => {
    const own: Problem[] = [];
    const unread: FolderFact[] = [];
    // A pattern's `within` is read from its directive (match-scope.ts), the parse left as it is.
    const file = withScopes(await parseFile(path, path === index, own, unread, loading));
    return { file, own, unread };
  });
  const fileProblems: Problem[] = [];
  for (const { file, own, unread } of read) {
    append(fileProblems, own);
    append(facts, unread);
    if (file.meta) {
      guide.meta = file.meta.meta;
      guide.start = file.meta.start;
      guide.startPosition = file.meta.startPosition;
    }
    append(guide.nodes, file.nodes);
  }
  for (const node of guide.nodes) {
    if (node.id && !guide.byId.has(node.id)) guide.byId.set(node.id, node);
  }
  const problems = folderProblems(fileProblems);
  append(problems, fileProblems);
  const parses = read.map(({ file }) => file);
  append(problems, validated(guide, index, parses, memory));
  return { guide, problems, parsedFiles };
}

/**
 * The last validation of a guide folder by a checker (core/memory.ts `validations`): its
 * files, as parsed, and the graph rules' problems.
 */
export interface Validation {
  files: string[];
  parses: ParsedFile[];
  problems: Problem[];
}

/**
 * The graph rules' problems (rules/validate.ts). They are those of the last validation of the
 * guide when no node changed but for its places (a writer's edit of the prose, in the dev
 * server) and none of those problems is in a file that changed, whose places may have moved:
 * a save then costs what it changed, not a walk of every node of the guide.
 */
function validated(guide: Guide, indexFile: string, parses: ParsedFile[], memory: CheckerMemory): Problem[] {
  const last = memory.validations.get(guide.dir);
  const changed = new Set<string>();
  let alike = last !== undefined && last.files.length === guide.files.length;
  for (let index = 0; alike && index < parses.length; index++) {
    const before = last!.parses[index]!;
    if (last!.files[index] !== guide.files[index]) alike = false;
    else if (before !== parses[index]) {
      changed.add(guide.files[index]!);
      alike = sameShape(before, parses[index]);
    }
  }
  const kept = alike && !last!.problems.some((p) => changed.has(p.file) || p.related?.some((related) => changed.has(related.file)));
  const problems = kept ? last!.problems : validateGuide(guide, indexFile, memory.rules);
  memory.validations.set(guide.dir, { files: guide.files, parses, problems });
  return problems;
}

/** Whether a value is a unist position: a place, which the graph rules only report. */
function isPosition(value: object): boolean {
  return 'start' in value && 'end' in value && typeof (value as Position).start?.line === 'number';
}

/**
 * Whether two parses read alike to the graph rules: every field of every node the same but
 * places, which may differ (lines move when prose is edited above them), and the directive's
 * tree, which the rules read only for places. Fields the rules do not read are compared too:
 * a change there only costs a validation.
 */
function sameShape(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (isPosition(a) && isPosition(b)) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => key === 'tree' || (key in b && sameShape((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])),
  );
}

/** The path of a file as the writer typed it: relative to where the command runs. */
export function displayPath(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path === '' ? '.' : path;
}

export { findGuideDirs, INDEX_FILE } from './guide-files.ts';
