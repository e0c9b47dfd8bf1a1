/**
 * Reads what a node's Markdown points at, as it is walked: links to other nodes
 * (`[see](#node-id)`, checked like answers), images and files beside the guide and pages of
 * the site (checked by `rules/broken-file.ts` each run), alt text, footnotes, and Markdown
 * that would reach the page as literal syntax the writer did not mean.
 *
 * ```mdx
 * ![](./img/connect.png)          → missing-alt, and a file reference checked to exist
 * See [the power card](#power).   → a link to node `power` (dangling-target when there is none)
 * See [the manual][manual].       → literal-syntax when `[manual]: …` is missing: shown as written
 * ```
 */
import { brokenImageRule } from '../rules/broken-image.ts';
import { literalSyntaxRule } from '../rules/literal-syntax.ts';
import { missingAltRule } from '../rules/missing-alt.ts';
import type { Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { Edge, FileRef } from '../graph/model.ts';
import { flag } from '../problems.ts';
import { isSafeUrl } from './mdx-policy.ts';
import { urlTarget } from './urls.ts';

/** What a node's walk gathers of its references. */
export interface References {
  links: Edge[];
  files: FileRef[];
  /** Footnote calls `[^id]` with their places, and the ids defined in the node. */
  footnoteCalls: { id: string; position: Position }[];
  footnotes: Set<string>;
}

/** Records what one Markdown node points at, and reports what a reader would see wrong. */
export function readReferences(node: Nodes, refs: References, file: VFile): void {
  switch (node.type) {
    case 'link':
    case 'definition':
      if (isSafeUrl(node.url)) linkTarget(node.url, node.position, refs);
      return;
    case 'image':
      if (!node.alt?.trim()) flag(file, missingAltRule.say('missing', '`![What the image shows](…)`'), node.position);
      if (isSafeUrl(node.url)) imageTarget(node.url, node.position, refs, file);
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (node.name === 'img') jsxImage(node, refs, file);
      return;
    case 'footnoteReference':
      if (node.position) refs.footnoteCalls.push({ id: node.identifier, position: node.position });
      return;
    case 'footnoteDefinition':
      refs.footnotes.add(node.identifier);
      return;
    case 'paragraph':
      literalSyntax(node, file);
      return;
    default:
      return;
  }
}

/** A link's target: another node, a file beside the guide, or a page of the site. */
export function linkTarget(url: string, position: Position | undefined, refs: References): void {
  if (!position) return;
  const target = urlTarget(url);
  if (target.kind === 'node') refs.links.push({ to: target.id, position });
  else if (target.kind === 'file' && target.path) refs.files.push({ path: target.path, kind: 'file', position });
  else if (target.kind === 'page') refs.files.push({ path: target.path, kind: 'page', position });
}

/** An image's file: beside the guide (checked to be an image), or on the site. */
export function imageTarget(
  url: string,
  position: Position | undefined,
  refs: References,
  file: VFile,
  kind: FileRef['kind'] = 'image',
): void {
  if (!position) return;
  const target = urlTarget(url);
  if (target.kind === 'node') {
    flag(file, brokenImageRule.say('notANode', target.id), position);
  } else if (target.kind === 'file') {
    refs.files.push({ path: target.path, kind, position });
  } else if (target.kind === 'page') {
    refs.files.push({ path: target.path, kind: 'page', position });
  }
}

function jsxImage(node: MdxJsxFlowElement | MdxJsxTextElement, refs: References, file: VFile): void {
  const attribute = (name: string) =>
    node.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name) as
      { value?: unknown; position?: Position } | undefined;
  const alt = attribute('alt');
  if (typeof alt?.value !== 'string' || !alt.value.trim()) {
    flag(file, missingAltRule.say('missing', '`<img src="…" alt="What the image shows">`'), alt?.position ?? node.position);
  }
  const src = attribute('src');
  if (typeof src?.value === 'string' && isSafeUrl(src.value)) imageTarget(src.value, src.position ?? node.position, refs, file);
}

/**
 * Markdown that stays text when what it refers to is missing: a footnote call without its
 * definition, a reference link without its `[label]: url`. (kramdown's `{:.class}` cannot get
 * this far: MDX reads the braces as code, a syntax error with a hint, see load-guide.ts.)
 */
function literalSyntax(node: Nodes & { type: 'paragraph' }, file: VFile): void {
  for (const child of node.children) {
    if (child.type !== 'text') continue;
    const reference = /\[([^\]\n]+)\]\[([^\]\n]+)\]/.exec(child.value);
    if (reference && child.position) {
      flag(file, literalSyntaxRule.say('referenceLink', reference[1]!, reference[2]!), at(child, reference.index));
    }
    const footnote = /\[\^([^\]\s]+)\]/.exec(child.value);
    if (footnote && child.position) {
      flag(file, literalSyntaxRule.say('footnote', footnote[1]!), at(child, footnote.index));
    }
  }
}

/** The place of a character of a text node (its lines keep their breaks). */
function at(text: { value: string; position?: Position | undefined }, index: number): Position['start'] | undefined {
  const start = text.position?.start;
  if (!start) return undefined;
  const before = text.value.slice(0, index);
  const breaks = before.split('\n').length - 1;
  const column = breaks === 0 ? start.column + index : index - before.lastIndexOf('\n');
  return { line: start.line + breaks, column };
}
