/**
 * Reads guide folders into typed graphs: every `.mdx` file parsed with the one pipeline, the
 * metadata of `index.mdx`, the nodes of all files, and every problem found on the way.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { VFile } from 'vfile';
import { extractNodes } from './extract.ts';
import { directiveDepthWithoutMdx, LIMITS, scanLimits, tooDeep } from './limits.ts';
import { frontmatterOf, readMetadata, type MetaResult } from './metadata.ts';
import type { Guide, GuideNode } from './model.ts';
import { fallbackParser, mdxParser } from './processor.ts';
import { flag, problem, problemsOf, type Problem } from './problems.ts';
import { readSource } from './source.ts';
import { RESERVED_GUIDE_SLUGS, SLUG, slugify } from './suggest.ts';
import { validateGuide } from './validate.ts';

export const INDEX_FILE = 'index.mdx';

export interface LoadedGuide {
  guide: Guide;
  problems: Problem[];
}

/**
 * The guide folders in `dir`: `dir` itself when it holds `.mdx` files, else each of its
 * sub-folders (the `guide/<slug>/` layout). When `dir` cannot be read, `undefined`, with the
 * problem added to `problems`.
 */
export async function findGuideDirs(dir: string, problems: Problem[]): Promise<string[] | undefined> {
  const entries = await listFolder(dir, problems);
  if (!entries) return undefined;
  if (entries.some((entry) => entry.isFile() && entry.name.endsWith('.mdx'))) return [dir];
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => join(dir, entry.name))
    .sort();
}

/** A folder's entries, or `undefined` with an I/O problem (exit code 2) when it cannot be read. */
async function listFolder(dir: string, problems: Problem[]): Promise<Dirent[] | undefined> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'Cannot find this folder; give the folder that holds your guides (default `guide`)'
        : code === 'ENOTDIR'
          ? 'This is a file; give the folder of a guide, or the folder that holds guides'
          : `Cannot read this folder (${code ?? 'unknown error'}); check its permissions`;
    problems.push({ ...problem(dir, 'missing-folder', message), io: true });
    return undefined;
  }
}

/** Every `.mdx` file under a guide folder, `index.mdx` first, then by path. */
async function listGuideFiles(dir: string, problems: Problem[]): Promise<string[]> {
  const root = await realpath(dir);
  const files: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    for (const entry of (await listFolder(folder, problems)) ?? []) {
      const path = join(folder, entry.name);
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        await visit(path);
      } else if (entry.name.endsWith('.mdx') && (entry.isFile() || entry.isSymbolicLink())) {
        const target = entry.isSymbolicLink() ? await linkTarget(path, root) : 'inside';
        if (target !== 'inside') {
          const message =
            target === 'missing'
              ? 'This symbolic link points to a file that does not exist; fix or delete the link'
              : 'This symbolic link points outside the guide folder; copy the file into the guide instead';
          problems.push(problem(path, 'unreadable-file', message));
          continue;
        }
        files.push(path);
      }
    }
  };
  await visit(dir);
  const index = join(dir, INDEX_FILE);
  return files.sort((a, b) => (a === index ? -1 : b === index ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/** Where a symbolic link leads: inside the guide folder, outside it, or nowhere. */
async function linkTarget(path: string, root: string): Promise<'inside' | 'outside' | 'missing'> {
  try {
    const target = await realpath(path);
    return target === root || target.startsWith(root + sep) ? 'inside' : 'outside';
  } catch {
    return 'missing';
  }
}

interface ParsedFile {
  nodes: GuideNode[];
  meta: MetaResult | undefined;
}

/**
 * Parsed files by path, reused while their text is unchanged: a long-lived process (the dev
 * server) reparses only the files that changed.
 */
const parsed = new Map<string, { text: string; isIndex: boolean; result: ParsedFile; problems: Problem[] }>();

/** Parses one file, recovering from MDX syntax errors so the rest of the file still counts. */
async function parseFile(path: string, isIndex: boolean, problems: Problem[]): Promise<ParsedFile> {
  const source = await readSource(path);
  if ('error' in source) {
    parsed.delete(path);
    problems.push({
      ...problem(path, 'unreadable-file', `Cannot read this file (${source.error.code ?? source.error.message}); check its permissions`),
      io: true,
    });
    return { nodes: [], meta: undefined };
  }
  const cached = parsed.get(path);
  if (cached && cached.text === source.text && cached.isIndex === isIndex) {
    problems.push(...cached.problems);
    return cached.result;
  }
  const own: Problem[] = [];
  const result = parseText(path, source, isIndex, own);
  parsed.set(path, { text: source.text, isIndex, result, problems: own });
  problems.push(...own);
  return result;
}

function parseText(path: string, source: { text: string; invalidAt?: Point }, isIndex: boolean, problems: Problem[]): ParsedFile {
  const limit = scanLimits(source.text);
  if (limit) {
    // Refused before parsing: past these limits parsing itself could take minutes, or overflow.
    problems.push(problem(path, 'limit-exceeded', limit.message, limit.place));
    return { nodes: [], meta: undefined };
  }
  if (source.invalidAt) {
    // Reported, then read on with the bad bytes replaced, so the file's nodes still count.
    problems.push(
      problem(path, 'unreadable-file', 'This file is not valid UTF-8 from here on; save it with UTF-8 encoding', source.invalidAt),
    );
  }
  const file = new VFile({ path, value: source.text });
  let tree: Root | undefined;
  let recovered = false;
  try {
    tree = mdxParser.parse(file);
  } catch (error) {
    reportParseError(error, file);
    // Without MDX, `:::` lines indented 4 columns are code and close nothing: the recovery
    // parse is only safe when its own nesting stays within the limit.
    if (directiveDepthWithoutMdx(source.text) <= LIMITS.directiveDepth) {
      tree = fallbackParser.parse(file);
      recovered = true;
    }
  }
  const deep = tree && tooDeep(tree);
  if (deep) {
    // Every later step (the checks, the page's HTML) recurses per level of the tree.
    flag(
      file,
      'limit-exceeded',
      `Content here is nested more than ${LIMITS.treeDepth} levels deep (${deep.deepest} at the deepest): lists, quotes, directives, elements or emphasis inside one another; nest them less deeply`,
      deep.node.position?.start,
    );
  }
  if (!tree || deep) {
    problems.push(...problemsOf(file));
    return { nodes: [], meta: undefined };
  }
  const meta = isIndex ? readMetadata(tree, file) : undefined;
  if (!isIndex && frontmatterOf(tree)) {
    flag(
      file,
      'invalid-attribute',
      `Frontmatter is read only from \`${INDEX_FILE}\`; move these fields there`,
      frontmatterOf(tree)?.position,
    );
  }
  const nodes = extractNodes(tree, file, { recovered });
  problems.push(...problemsOf(file));
  return { nodes, meta };
}

/**
 * Reports why the parser stopped. MDX and micromark throw a located message for a syntax
 * error; anything else would be a bug, still reported with a place rather than a stack trace.
 */
function reportParseError(error: unknown, file: VFile): void {
  if (error instanceof RangeError) {
    // The limits are set so that this does not happen; should it, it is still the writer's
    // nesting that the parser could not follow.
    flag(file, 'limit-exceeded', 'This file nests too deeply to parse; nest lists, quotes and directives less deeply', { line: 1, column: 1 });
    return;
  }
  const cause = error as { reason?: string; message?: string; line?: number; column?: number; source?: string };
  const reason = (cause.reason ?? cause.message ?? String(error)).replace(/\.$/, '');
  const line = cause.line ? String(file.value).split('\n')[cause.line - 1] ?? '' : '';
  const hint = /^\s*:+[a-z]/i.test(line)
    ? ' (the attributes of this directive cannot be read: quote each value, and put a value that contains `"` in single quotes, as in `title=\'Press "Resume"\'`)'
    : /mdx/.test(cause.source ?? '')
      ? ' (MDX reads `<` as a tag and `{` as code: write `\\<` or `\\{` for the characters themselves)'
      : '';
  const place = cause.line ? { line: cause.line, column: cause.column ?? 1 } : undefined;
  flag(file, 'syntax-error', `Cannot parse MDX: ${reason}${hint}`, place);
}

/** Reads one guide folder into its graph and every problem in it. */
export async function loadGuide(dir: string): Promise<LoadedGuide> {
  const problems: Problem[] = [];
  const slug = basename(dir);
  if (!SLUG.test(slug)) {
    const proposal = slugify(slug);
    problems.push(
      problem(dir, 'invalid-id', `Guide folder \`${slug}\` is not a lowercase slug, and it becomes the guide's URL${proposal ? `; rename it \`${proposal}\`` : ''}`),
    );
  } else if (RESERVED_GUIDE_SLUGS.has(slug)) {
    problems.push(
      problem(dir, 'invalid-id', `Guide folder \`${slug}\` clashes with the site's ${RESERVED_GUIDE_SLUGS.get(slug)} (\`/${slug}/\`); rename it`),
    );
  }
  const files = await listGuideFiles(dir, problems);
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
  if (files.length === 0) {
    problems.push(problem(dir, 'empty-guide', `Guide \`${slug}\` has no \`.mdx\` files; add \`${INDEX_FILE}\` with its metadata and first node`));
    return { guide, problems };
  }
  const index = join(dir, INDEX_FILE);
  if (files[0] !== index) {
    problems.push(
      problem(dir, 'missing-metadata', `Guide \`${slug}\` has no \`${INDEX_FILE}\`; create it with frontmatter \`title\` and \`start\``),
    );
  }
  for (const path of files) {
    const parsed = await parseFile(path, path === index, problems);
    if (parsed.meta) {
      guide.meta = parsed.meta.meta;
      guide.start = parsed.meta.start;
      guide.startPosition = parsed.meta.startPosition;
    }
    guide.nodes.push(...parsed.nodes);
  }
  for (const node of guide.nodes) {
    if (node.id && !guide.byId.has(node.id)) guide.byId.set(node.id, node);
  }
  if (guide.nodes.length === 0 && !problems.some((p) => ['syntax-error', 'unreadable-file', 'limit-exceeded'].includes(p.rule))) {
    problems.push(
      problem(files[0]!, 'empty-guide', `Guide \`${slug}\` has no nodes; add one, such as \`:::step{#start title="…" next="…"}\``),
    );
  }
  problems.push(...validateGuide(guide, index));
  return { guide, problems };
}

/** The path of a file as the writer typed it: relative to where the command runs. */
export function displayPath(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path === '' ? '.' : path;
}
