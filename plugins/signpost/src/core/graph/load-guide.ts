/**
 * Reads guide folders into typed graphs: every `.mdx` file parsed with the one pipeline, the
 * metadata of `index.mdx`, the nodes of all files, and every problem found on the way.
 */
import { emptyGuideRule } from '../rules/empty-guide.ts';
import { invalidIdRule } from '../rules/invalid-id.ts';
import { fileTooLarge } from '../rules/limit-exceeded.ts';
import { missingMetadataRule } from '../rules/missing-metadata.ts';
import { unreadableFileRule } from '../rules/unreadable-file.ts';
import { basename, join, relative } from 'node:path';
import type { Root } from 'mdast';
import type { Point, Position } from 'unist';
import { VFile } from 'vfile';
import { extractNodes } from '../parse/extract.ts';
import { INDEX_FILE, listGuideFiles, notRegular } from './guide-files.ts';
import { LIMITS, scanLimits } from '../parse/limits.ts';
import { directiveDepthWithoutMdx, tooDeep } from '../parse/nesting.ts';
import { frontmatterOf, readMetadata, type MetaResult } from '../parse/metadata.ts';
import type { Guide, GuideNode } from './model.ts';
import type * as Processor from '../parse/processor.ts';
import { parseNative } from '../parse/native-parse.ts';
import { append, problem, type Problem } from '../problems.ts';
import type { ParserStop } from '../parse/facts.ts';
import { fileModel, note } from '../parse/file-model.ts';
import { checkFileModel } from '../rules/file-rules.ts';
import { readSource } from '../parse/source.ts';
import { RESERVED_GUIDE_SLUGS, shorten, SLUG, slugify } from '../suggest.ts';
import { validateGuide } from '../rules/validate.ts';
import { forgetProofs } from '../rules/card-patterns.ts';
import { digestOf, type ParseCache } from './parse-cache.ts';
import { trustedParse } from './cached-parse.ts';
import { componentsKey, NO_COMPONENTS, type SiteComponents } from '../parse/site-components.ts';

export interface LoadedGuide {
  guide: Guide;
  problems: Problem[];
  /** How many of its files were parsed in this run (the others were unchanged). */
  parsedFiles: number;
}

interface ParsedFile {
  nodes: GuideNode[];
  meta: MetaResult | undefined;
}

/**
 * Parsed files by path, reused while their text is unchanged: a long-lived process (the dev
 * server) reparses only the files that changed.
 */
const parsed = new Map<
  string,
  { text: string; isIndex: boolean; key: string; result: ParsedFile; problems: Problem[]; signature?: string | undefined }
>();

/**
 * Lets go of the parses kept in memory, the last validation of each guide and what the cards'
 * patterns were proved to match, for a process that will not check again (a build): the trees
 * of 10,000 nodes are hundreds of megabytes the pages no longer need.
 */
export function forgetParses(): void {
  parsed.clear();
  lastValidation.clear();
  forgetProofs();
}

/**
 * micromark's parsers (processor.ts), loaded the first time a file needs them: the native fast
 * path reads most guides without them, and loading them is a tenth of a second of a cold
 * `check`. `parseSource` with micromark needs them loaded.
 */
let parsers: typeof Processor | undefined;

export async function loadParsers(): Promise<void> {
  parsers ??= await import('../parse/processor.ts');
}

function micromark(): typeof Processor {
  if (!parsers) throw new Error('Parsing with micromark before its parsers were loaded (loadParsers).');
  return parsers;
}

/** What parsing one file gave: its nodes and metadata, and its own problems. */
export interface FileParse {
  result: ParsedFile;
  problems: Problem[];
}

/** Options of `loadGuide`. */
export interface LoadOptions {
  /** Parses kept from earlier runs (see parse-cache.ts): an unchanged file is not parsed again. */
  cache?: ParseCache<FileParse> | undefined;
  /** Called for each file that had to be parsed. */
  onParse?: () => void;
  /** Texts to use instead of the files' own, by absolute path: an editor's unsaved buffer. */
  sources?: ReadonlyMap<string, string> | undefined;
  /** The site's own components: guides may use them as directives. */
  components?: SiteComponents;
}

/** Parses one file, recovering from MDX syntax errors so the rest of the file still counts. */
async function parseFile(
  path: string,
  isIndex: boolean,
  problems: Problem[],
  { cache, onParse, sources, components = NO_COMPONENTS }: LoadOptions,
): Promise<ParsedFile> {
  const given = sources?.get(path);
  const remembered = parsed.get(path);
  const key = componentsKey(components);
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
    if ('error' in source) {
      problems.push({ ...problem(path, unreadableFileRule.say('cannotRead', source.error.code ?? source.error.message)), io: true });
    } else if ('notRegular' in source) {
      problems.push(problem(path, notRegular(source.notRegular)));
    } else if ('encoding' in source) {
      problems.push(problem(path, unreadableFileRule.say('wrongEncoding', source.encoding)));
    } else if ('hardLink' in source) {
      problems.push(problem(path, unreadableFileRule.say('hardLink', source.hardLink)));
    } else {
      // Refused from its size alone: a 3 GB file is not read into memory to be refused.
      problems.push(problem(path, fileTooLarge(source.tooLarge)));
    }
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
  if (!stored) onParse?.();
  const { result, problems: own } = stored ?? (await parseEither(path, source, isIndex, components));
  if (cache && !stored) cache.set(path, isIndex, digest, { result, problems: own });
  parsed.set(path, { text: source.text, isIndex, key, result, problems: own, signature });
  append(problems, own);
  return result;
}

/**
 * Which parser reads a file: the native fast path (nothing where it declines), or micromark,
 * for a file the fast path has declined. `parseEither` tries one, then the other.
 */
export type ParserChoice = 'native' | 'micromark';

/**
 * Parses the text of one file (`source`, from `readSource`) into its nodes, metadata and
 * problems. With micromark, after `loadParsers()`.
 */
export function parseSource(
  path: string,
  source: { text: string; invalidAt?: Point },
  isIndex: boolean,
  components: SiteComponents,
  parser: 'micromark',
): FileParse;
/** The same with the native fast path only: undefined where it declines the file. */
export function parseSource(
  path: string,
  source: { text: string; invalidAt?: Point },
  isIndex: boolean,
  components: SiteComponents,
  parser: 'native',
): FileParse | undefined;
export function parseSource(
  path: string,
  source: { text: string; invalidAt?: Point },
  isIndex: boolean,
  components: SiteComponents,
  parser: ParserChoice,
): FileParse | undefined {
  const problems: Problem[] = [];
  const result = parseText(path, source, isIndex, problems, components, parser);
  return result && { result, problems };
}

/** `parseSource` with the native fast path, and micromark where it declines: its parsers are loaded then. */
async function parseEither(
  path: string,
  source: { text: string; invalidAt?: Point },
  isIndex: boolean,
  components: SiteComponents,
): Promise<FileParse> {
  const native = parseSource(path, source, isIndex, components, 'native');
  if (native) return native;
  await loadParsers();
  return parseSource(path, source, isIndex, components, 'micromark');
}

/**
 * Whether `loadGuide` would parse this file's `text` again (it is in no cache), and, once it is
 * parsed elsewhere (parse-ahead.ts), what to remember of it.
 */
export const parseMemory = {
  async needed(
    path: string,
    text: string,
    isIndex: boolean,
    components: SiteComponents,
    cache: ParseCache<FileParse> | undefined,
  ): Promise<boolean> {
    const key = componentsKey(components);
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
    path: string,
    text: string,
    isIndex: boolean,
    components: SiteComponents,
    cache: ParseCache<FileParse> | undefined,
    parse: FileParse,
  ): void {
    const key = componentsKey(components);
    parsed.set(path, { text, isIndex, key, ...parse });
    cache?.set(path, isIndex, digestOf(key ? `${key}\n${text}` : text), parse);
  },
};

function parseText(
  path: string,
  source: { text: string; invalidAt?: Point },
  isIndex: boolean,
  problems: Problem[],
  components: SiteComponents,
  parser: ParserChoice,
): ParsedFile | undefined {
  const file = new VFile({ path, value: source.text });
  const limit = scanLimits(source.text);
  if (limit) {
    // Refused before parsing: past these limits parsing itself could take minutes, or overflow.
    note(file, { type: 'limit-breach', breach: limit });
    append(problems, checkFileModel(fileModel(file, { isIndex, tree: undefined })));
    return { nodes: [], meta: undefined };
  }
  // Sätteri where it gives micromark's tree (native-parse.ts); micromark for what it declines.
  const native = parser === 'native' ? parseNative(source.text) : undefined;
  if (!native && parser === 'native') return undefined;
  if (source.invalidAt) {
    // Noted, then read on with the bad bytes replaced, so the file's nodes still count.
    note(file, { type: 'invalid-utf8', place: source.invalidAt });
  }
  let tree: Root | undefined;
  let recovered = false;
  try {
    tree = native ?? micromark().mdxParser.parse(file);
  } catch (error) {
    // Too deep for GFM's walk: measured without it, so that the limit is reported at its place.
    if (error instanceof RangeError) tree = measurableTree(file);
    const measured = tree !== undefined && tooDeep(tree, LIMITS.treeDepth) !== undefined;
    if (!measured) {
      tree = undefined;
      noteParseError(error, file);
    }
    // Without MDX, `:::` lines indented 4 columns are code and close nothing: the recovery
    // parse is only safe when its own nesting stays within the limit.
    if (
      !measured &&
      !(error instanceof RangeError) &&
      directiveDepthWithoutMdx(source.text, LIMITS.directiveDepth) <= LIMITS.directiveDepth
    ) {
      try {
        tree = micromark().fallbackParser.parse(file);
        recovered = true;
      } catch (again) {
        // Markdown without MDX has no syntax errors: this would be a bug, still reported at a place.
        noteParseError(again, file);
      }
    }
  }
  const deep = tree && tooDeep(tree, LIMITS.treeDepth);
  if (deep) {
    // Every later step (the checks, the page's HTML) recurses per level of the tree.
    note(file, { type: 'tree-too-deep', deepest: deep.deepest, place: deep.node.position?.start });
  }
  if (!tree || deep) {
    append(problems, checkFileModel(fileModel(file, { isIndex, tree: undefined, recovered })));
    return { nodes: [], meta: undefined };
  }
  const meta = isIndex ? readMetadata(tree, file) : undefined;
  if (!isIndex && frontmatterOf(tree)) note(file, { type: 'stray-frontmatter', place: frontmatterOf(tree)?.position });
  const nodes = extractNodes(tree, file, { recovered, components });
  // The file rules judge what extraction built and noted (rules/file-rules.ts).
  append(problems, checkFileModel(fileModel(file, { isIndex, tree, recovered, nodes, meta })));
  return { nodes, meta };
}

/** The tree without GFM, or undefined when even that overflows. */
function measurableTree(file: VFile): Root | undefined {
  try {
    return micromark().mdxParserWithoutGfm.parse(file);
  } catch {
    return undefined;
  }
}

/**
 * Notes why the parser stopped, for `syntax-error` to say in plain words at the writer's
 * character (rules/parser-stops.ts); a RangeError is nesting the parser could not follow.
 */
function noteParseError(error: unknown, file: VFile): void {
  // The limits are set so that a RangeError does not happen; should it, it is still the
  // writer's nesting that the parser could not follow (`limit-exceeded`).
  if (error instanceof RangeError) note(file, { type: 'parser-overflowed' });
  else note(file, { type: 'parser-stopped', stop: error as ParserStop });
}

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
  const problems: Problem[] = [];
  const slug = basename(dir);
  if (slug.length > LIMITS.idLength) {
    problems.push(problem(dir, invalidIdRule.say('folderTooLong', shorten(slug), slug.length, LIMITS.idLength)));
  } else if (!SLUG.test(slug)) {
    problems.push(problem(dir, invalidIdRule.say('folderNotSlug', slug, slugify(slug) || undefined)));
  } else if (RESERVED_GUIDE_SLUGS.has(slug)) {
    problems.push(problem(dir, invalidIdRule.say('folderReserved', slug, RESERVED_GUIDE_SLUGS.get(slug)!)));
  }
  let parsedFiles = 0;
  const listed = listGuideFiles(dir, problems);
  const files = listed ?? [];
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
  if (!listed) return { guide, problems, parsedFiles };
  if (files.length === 0) {
    problems.push(problem(dir, emptyGuideRule.say('noFiles', slug, INDEX_FILE)));
    return { guide, problems, parsedFiles };
  }
  const index = join(dir, INDEX_FILE);
  if (files[0] !== index) {
    problems.push(problem(dir, missingMetadataRule.say('noIndex', slug, INDEX_FILE)));
  }
  // Files are taken a few at a time, and in order: the same guide and problems as one by one.
  const read = await inBatches(files, READ_AHEAD, async (path) => {
    const own: Problem[] = [];
    const file = await parseFile(path, path === index, own, { ...options, onParse: () => parsedFiles++ });
    return { file, own };
  });
  for (const { file, own } of read) {
    append(problems, own);
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
  if (guide.nodes.length === 0 && !problems.some((p) => ['syntax-error', 'unreadable-file', 'limit-exceeded'].includes(p.rule))) {
    problems.push(problem(files[0]!, emptyGuideRule.say('noNodes', slug)));
  }
  const parses = read.map(({ file }) => file);
  append(problems, validated(guide, index, parses));
  return { guide, problems, parsedFiles };
}

/**
 * The last validation of each guide folder in this process: its files, as parsed, and the
 * graph rules' problems.
 */
const lastValidation = new Map<string, { files: string[]; parses: ParsedFile[]; problems: Problem[] }>();

/**
 * The graph rules' problems (rules/validate.ts). They are those of the last validation of the
 * guide when no node changed but for its places (a writer's edit of the prose, in the dev
 * server) and none of those problems is in a file that changed, whose places may have moved:
 * a save then costs what it changed, not a walk of every node of the guide.
 */
function validated(guide: Guide, indexFile: string, parses: ParsedFile[]): Problem[] {
  const last = lastValidation.get(guide.dir);
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
  const problems = kept ? last!.problems : validateGuide(guide, indexFile);
  lastValidation.set(guide.dir, { files: guide.files, parses, problems });
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
