/**
 * Parsing one guide file's text into its nodes, metadata and problems: the native fast path
 * (native-parse.ts) where it gives micromark's tree, micromark where it declines, the limits
 * checked before either, and the recovery after a syntax error. Loaded only when a file is in
 * no cache (`loadParsing` in load-guide.ts).
 */
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { VFile } from 'vfile';
import { extractNodes } from '../parse/extract.ts';
import { LIMITS, scanLimits } from '../parse/limits.ts';
import { directiveDepthWithoutMdx, tooDeep } from '../parse/nesting.ts';
import { frontmatterOf, readMetadata } from '../parse/metadata.ts';
import { parseNative } from '../parse/native-parse.ts';
import type { ParserStop } from '../parse/facts.ts';
import { fileModel, note } from '../parse/file-model.ts';
import { checkFileModel } from '../rules/file-rules.ts';
import { append, type Problem } from '../problems.ts';
import type { SiteComponents } from '../parse/site-components.ts';
import type { RegexVerdicts } from '../match/regex.ts';
import type { FileParse, Micromark, ParsedFile, ParserChoice } from './load-guide.ts';

/**
 * Parses the text of one file (`source`, from `readSource`) into its nodes, metadata and
 * problems. With micromark, given its parsers (`loadParsers()`).
 */
export function parseSource(
  path: string,
  source: { text: string; invalidAt?: Point },
  isIndex: boolean,
  components: SiteComponents,
  parser: Micromark,
  verdicts?: RegexVerdicts,
): FileParse;
/** The same with the native fast path only: undefined where it declines the file. */
export function parseSource(
  path: string,
  source: { text: string; invalidAt?: Point },
  isIndex: boolean,
  components: SiteComponents,
  parser: 'native',
  verdicts?: RegexVerdicts,
): FileParse | undefined;
export function parseSource(
  path: string,
  source: { text: string; invalidAt?: Point },
  isIndex: boolean,
  components: SiteComponents,
  parser: ParserChoice,
  verdicts: RegexVerdicts = new Map(),
): FileParse | undefined {
  const problems: Problem[] = [];
  const result = parseText(path, source, isIndex, problems, components, parser, verdicts);
  return result && { result, problems };
}

function parseText(
  path: string,
  source: { text: string; invalidAt?: Point },
  isIndex: boolean,
  problems: Problem[],
  components: SiteComponents,
  parser: ParserChoice,
  verdicts: RegexVerdicts,
): ParsedFile | undefined {
  const file = new VFile({ path, value: source.text, data: { signpostVerdicts: verdicts } });
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
  const micromark = parser === 'native' ? undefined : parser;
  if (source.invalidAt) {
    // Noted, then read on with the bad bytes replaced, so the file's nodes still count.
    note(file, { type: 'invalid-utf8', place: source.invalidAt });
  }
  let tree: Root | undefined;
  let recovered = false;
  try {
    tree = native ?? micromark!.mdxParser.parse(file);
  } catch (error) {
    // Too deep for GFM's walk: measured without it, so that the limit is reported at its place.
    if (error instanceof RangeError) tree = measurableTree(file, micromark!);
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
        tree = micromark!.fallbackParser.parse(file);
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
function measurableTree(file: VFile, micromark: Micromark): Root | undefined {
  try {
    return micromark.mdxParserWithoutGfm.parse(file);
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
