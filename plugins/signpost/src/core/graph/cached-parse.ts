/**
 * Whether a parse read back from the parse cache may stand for a fresh parse of the file's
 * text. The cache is a folder (Astro's cache, `node_modules/.astro`) that CI systems save and
 * restore between runs, and share between branches: its entries are input, not Signpost's own
 * word. An entry is used only if
 *
 * - it has the shape of a parse, field by field, with trees of the node types the parsers
 *   make, no deeper than the parser's limit, every place inside the file's text (so that no
 *   later step meets a value it cannot handle: an entry can never crash a check);
 * - it belongs to this file: its nodes and problems name it, and each node's id is written on
 *   its directive's first line of the text (an entry moved from another file, or a node renamed
 *   in the entry, is not);
 * - the content policy holds on its trees: every link, image, element, attribute, expression
 *   and component a check would report (the file rules, over what `readComponent` and the
 *   site's components note of the trees) is reported among its problems. A tree edited to hold a script, a `javascript:` URL or an
 *   element outside the allowed set is refused like the file would be.
 *
 * Anything else, and the file is parsed again. What this cannot tell from the text without
 * parsing it again is an entry rewritten to hold other words that break no rule: someone who can
 * write the cache can make a page say what a writer could have written, as they could by
 * editing the guide's files, but not bypass any check (see README, Security).
 */
import type { Nodes } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import { VFile } from 'vfile';
import { z } from 'zod';
import type { FileParse } from './load-guide.ts';
import { LIMITS } from '../parse/limits.ts';
import { readComponent } from '../parse/components.ts';
import { readAttributes } from '../parse/attributes.ts';
import { isDirective, nodePlaces } from '../parse/directives.ts';
import { isComponentDirective } from '../parse/vocabulary.ts';
import { GuideMetaSchema } from '../schemas/metadata.ts';
import { fileModel, note } from '../parse/file-model.ts';
import { checkFileModel } from '../rules/file-rules.ts';
import { RULE_IDS } from '../rules/catalogue.ts';
import { slugify } from '../suggest.ts';
import type { SiteComponents } from '../parse/site-components.ts';

/**
 * A place, `{ start, end }` of points `{ line, column, offset? }` and nothing else, checked by
 * hand rather than by a zod object: an entry holds thousands, and this is most of the time
 * that judging an entry takes.
 */
const position = z.custom<Position>((value) => isStrictPlace(value));

function isStrictPlace(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !('start' in value) || !('end' in value)) return false;
  return isStrictPoint(value.start) && isStrictPoint(value.end);
}

function isStrictPoint(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { line, column, offset } = value as { line?: unknown; column?: unknown; offset?: unknown };
  const keys = Object.keys(value).length;
  if (keys !== (offset === undefined ? 2 : 3) || !positiveInt(line) || !positiveInt(column)) return false;
  return offset === undefined || (Number.isInteger(offset) && (offset as number) >= 0);
}

function positiveInt(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) > 0;
}
const edge = { to: z.string(), position, attribute: z.enum(['to', 'next']).optional() };
const located = z.strictObject({ text: z.string(), position, onlyComments: z.literal(true).optional() });
const fileRef = z.strictObject({ path: z.string(), kind: z.enum(['image', 'video', 'poster', 'captions', 'file', 'page']), position });
const pattern = z.strictObject({
  text: z.string(),
  regex: z.boolean(),
  keys: z.array(z.string()).optional(),
  expression: z.string().optional(),
  specificity: z.int().nonnegative().optional(),
  position,
});
/** The tree is checked on its own (`treeProblem`): here only that it is an object. */
const tree = z.custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value));

const base = {
  id: z.string(),
  title: z.string(),
  draft: z.boolean(),
  file: z.string(),
  position,
  tree,
  // Taken again from the tree once it is checked (`judged`): what is stored is not trusted.
  places: z.strictObject({ opening: position, id: position, title: position.optional() }),
  links: z.array(z.strictObject(edge)),
  movedFrom: z.array(located),
  files: z.array(fileRef),
};
const option = z.strictObject({ ...edge, label: z.string() });
const guideNode = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('question'), prompt: z.string(), options: z.array(option) }),
  z.strictObject({ ...base, kind: z.literal('step'), next: z.strictObject(edge).optional() }),
  z.strictObject({
    ...base,
    kind: z.literal('error'),
    context: z.string().optional(),
    aliases: z.array(located),
    patterns: z.array(pattern),
    refusedPatterns: z.int().nonnegative(),
    examples: z.array(located),
    reason: located.optional(),
    fix: located.optional(),
    escalate: position.optional(),
    escalateText: z.string(),
    prompt: z.string().optional(),
    options: z.array(option),
    next: z.strictObject(edge).optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('instructions'), escalate: position.optional(), escalateText: z.string() }),
]);
/** Where a problem, or a place related to it, is: its file and span. */
const spanShape = {
  file: z.string(),
  line: z.int().positive(),
  column: z.int().positive(),
  endLine: z.int().positive().optional(),
  endColumn: z.int().positive().optional(),
};
const related = z.strictObject({ ...spanShape, message: z.string() });
const problem = z.strictObject({
  ...spanShape,
  severity: z.enum(['error', 'warning']),
  rule: z.enum(RULE_IDS as [string, ...string[]]),
  message: z.string(),
  expected: z.array(z.string()).optional(),
  related: z.array(related).optional(),
  io: z.boolean().optional(),
});
const meta = z.strictObject({ meta: z.unknown().optional(), start: z.string().optional(), startPosition: position.optional() });
const CachedParseSchema = z.strictObject({
  result: z.strictObject({ nodes: z.array(guideNode), meta: meta.optional() }),
  problems: z.array(problem),
});

/**
 * The mdast node types the parsers give (micromark with GFM, directives, frontmatter and MDX,
 * and Sätteri's tree, which is micromark's), by what each must hold beside its type.
 */
const NODE_TYPES: ReadonlyMap<string, 'parent' | 'literal' | 'void'> = new Map([
  ...(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'emphasis', 'strong', 'delete', 'link', 'linkReference'] as const).map(
    (type) => [type, 'parent'] as const,
  ),
  ...(['table', 'tableRow', 'tableCell', 'footnoteDefinition', 'containerDirective', 'leafDirective', 'textDirective'] as const).map(
    (type) => [type, 'parent'] as const,
  ),
  ...(['mdxJsxFlowElement', 'mdxJsxTextElement'] as const).map((type) => [type, 'parent'] as const),
  ...(['text', 'inlineCode', 'code', 'html', 'yaml', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'] as const).map(
    (type) => [type, 'literal'] as const,
  ),
  ...(['break', 'thematicBreak', 'image', 'imageReference', 'definition', 'footnoteReference'] as const).map(
    (type) => [type, 'void'] as const,
  ),
]);

/** An MDX element's attributes: a list of names with text (or an expression, which the policy reports). */
const ELEMENT_ATTRIBUTES = z.array(z.looseObject({ type: z.string(), name: z.string().optional() }));
/** A directive's attributes: text by name. */
const DIRECTIVE_ATTRIBUTES = z.record(z.string(), z.string().nullable());

/** Where a place is in the text: inside it, with an offset that agrees with its line when it has one. */
function withinText(place: Position, lines: number[], length: number): boolean {
  for (const end of [place.start, place.end]) {
    if (end.line > lines.length) return false;
    if (end.offset !== undefined && (end.offset > length || end.offset < lines[end.line - 1]!)) return false;
  }
  return true;
}

/** Whether a value is a unist position inside the text (by hand: a tree has a place per node, zod would be slow). */
function isPlace(value: unknown, lines: number[], length: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { start, end } = value as { start?: unknown; end?: unknown };
  for (const extreme of [start, end]) {
    if (typeof extreme !== 'object' || extreme === null) return false;
    const { line, column, offset } = extreme as { line?: unknown; column?: unknown; offset?: unknown };
    if (!Number.isInteger(line) || !Number.isInteger(column) || (line as number) < 1 || (column as number) < 1) return false;
    if (offset !== undefined && !Number.isInteger(offset)) return false;
  }
  return withinText(value as Position, lines, length);
}

/** What is wrong with a node's tree as the parsers could give it, if anything (iterative: a tree may be deep). */
function treeProblem(root: object, lines: number[], length: number): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (depth > LIMITS.treeDepth) return 'too deep';
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a node';
    const record = value as Record<string, unknown>;
    const shape = typeof record['type'] === 'string' ? NODE_TYPES.get(record['type']) : undefined;
    if (!shape) return `a node of type ${String(record['type'])}`;
    if (record['position'] !== undefined && !isPlace(record['position'], lines, length)) return 'a place outside the text';
    if (shape === 'literal' && typeof record['value'] !== 'string') return 'a literal without text';
    for (const key of ['url', 'name', 'identifier', 'alt', 'title', 'lang', 'meta', 'label']) {
      const field = record[key];
      if (field !== undefined && field !== null && typeof field !== 'string') return `a ${key} that is not text`;
    }
    const attributes = record['attributes'];
    if (String(record['type']).startsWith('mdxJsx')) {
      if (!ELEMENT_ATTRIBUTES.safeParse(attributes).success) return 'element attributes that are not a list';
    } else if (attributes !== undefined && attributes !== null) {
      if (!DIRECTIVE_ATTRIBUTES.safeParse(attributes).success) return 'directive attributes that are not text';
    }
    if (shape === 'parent') {
      if (!Array.isArray(record['children'])) return 'a parent without children';
      for (const child of record['children'] as unknown[]) stack.push({ value: child, depth: depth + 1 });
    } else if (record['children'] !== undefined) {
      return 'children where none belong';
    }
  }
  return undefined;
}

/**
 * The problems the content policy finds in a node's tree: links, images and MDX, the closed
 * set's components and the site's own (their attributes and files), as the file rules report them.
 */
function policyProblems(roots: Nodes[], path: string, text: string, components: SiteComponents): string[] {
  const file = new VFile({ path, value: text });
  const refs = { links: [], files: [], footnoteCalls: [], footnotes: new Set<string>() };
  const stack: Nodes[] = [...roots];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (isDirective(current)) {
      // A pattern and an example are read as written, not as Markdown (match-parts.ts): `{id}` is no expression there.
      if (current.name === 'match' || current.name === 'example') continue;
      const schema = current.name ? components.get(current.name) : undefined;
      if (schema) readAttributes(current, schema, file);
      else if (isComponentDirective(current.name)) readComponent(current, current.name, refs, file);
    } else {
      note(file, { type: 'markdown', node: current, content: false });
    }
    if ('children' in current) for (const child of current.children) stack.push(child as Nodes);
  }
  return checkFileModel(fileModel(file, { isIndex: false, tree: undefined })).map(signature);
}

/** Whether a tree holds a node of raw HTML. */
function holdsHtml(root: Nodes): boolean {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'html') return true;
    if ('children' in current) for (const child of current.children) stack.push(child as Nodes);
  }
  return false;
}

/** A problem as compared: its rule, place and words. */
function signature(found: { rule: string; line: number; column: number; message: string }): string {
  return `${found.rule} ${found.line}:${found.column} ${found.message}`;
}

/** The offset at which each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/**
 * The cached parse of the file at `path` with this `text`, if it may be used as the file's
 * parse; `undefined` when it must be parsed again (see the module's comment).
 */
export function trustedParse(value: unknown, path: string, text: string, components: SiteComponents): FileParse | undefined {
  try {
    return judged(value, path, text, components);
  } catch {
    // A value the checks could not even read is no parse of the file either.
    return undefined;
  }
}

function judged(value: unknown, path: string, text: string, components: SiteComponents): FileParse | undefined {
  const parsed = CachedParseSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { result, problems } = parsed.data;
  if (result.meta?.meta !== undefined && !GuideMetaSchema.safeParse(result.meta.meta).success) return undefined;
  if (problems.some((found) => found.file !== path)) return undefined;
  const lines = lineStarts(text);
  const reported = new Set(problems.map(signature));
  for (const node of result.nodes) {
    if (node.file !== path || !withinText(node.position, lines, text.length)) return undefined;
    const root = node.tree as Record<string, unknown>;
    if (root['type'] !== 'containerDirective' || treeProblem(root, lines, text.length) !== undefined) return undefined;
    // The id on the directive's first line (`::::error{#id …}`), as written or as read from
    // a near miss (`{#Private Owner}` is read as `private-owner`).
    const start = node.position.start.offset ?? lines[node.position.start.line - 1]!;
    const lineEnd = text.indexOf('\n', start);
    const opening = text.slice(start, lineEnd === -1 ? undefined : lineEnd);
    if (node.id && !opening.includes(node.id) && !slugify(opening).includes(node.id)) return undefined;
    node.places = nodePlaces(node.tree as ContainerDirective);
  }
  const trees = result.nodes.map((node) => node.tree as Nodes);
  for (const found of policyProblems(trees, path, text, components)) {
    if (!reported.has(found)) return undefined;
  }
  // Raw HTML is only in the tree of a file read without MDX after a syntax error (load-guide.ts).
  if (!problems.some((found) => found.rule === 'syntax-error') && trees.some(holdsHtml)) return undefined;
  return parsed.data as unknown as FileParse;
}
