/**
 * Reads what a node's Markdown points at, as it is walked: links to other nodes
 * (`[see](#node-id)`, checked like answers), images and files beside the guide and pages of
 * the site (checked by `rules/broken-file.ts` each run), and footnotes.
 *
 * ```mdx
 * ![](./img/connect.png)          → a file reference checked to exist (and missing-alt)
 * See [the power card](#power).   → a link to node `power` (dangling-target when there is none)
 * ```
 *
 * What a reader would see wrong in the same Markdown (missing alt text, literal syntax, an
 * image that names a node) the file rules read from the content extraction noted
 * (rules/missing-alt.ts, rules/literal-syntax.ts, rules/broken-image.ts).
 */
import type { Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Position } from 'unist';
import type { Edge, FileRef } from '../graph/model.ts';
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

/** Records what one Markdown node points at. */
export function readReferences(node: Nodes, refs: References): void {
  switch (node.type) {
    case 'link':
    case 'definition':
      if (isSafeUrl(node.url)) linkTarget(node.url, node.position, refs);
      return;
    case 'image':
      if (isSafeUrl(node.url)) imageTarget(node.url, node.position, refs);
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (node.name === 'img') jsxImage(node, refs);
      return;
    case 'footnoteReference':
      if (node.position) refs.footnoteCalls.push({ id: node.identifier, position: node.position });
      return;
    case 'footnoteDefinition':
      refs.footnotes.add(node.identifier);
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

/** An image's file: beside the guide (checked to be an image), or on the site. (One naming a node is `broken-image`'s.) */
export function imageTarget(url: string, position: Position | undefined, refs: References, kind: FileRef['kind'] = 'image'): void {
  if (!position) return;
  const target = urlTarget(url);
  if (target.kind === 'file') {
    refs.files.push({ path: target.path, kind, position });
  } else if (target.kind === 'page') {
    refs.files.push({ path: target.path, kind: 'page', position });
  }
}

/** An MDX element's attribute, by name: its value and where it is written. */
export function jsxAttribute(
  node: MdxJsxFlowElement | MdxJsxTextElement,
  name: string,
): { value?: unknown; position?: Position } | undefined {
  return node.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name) as
    { value?: unknown; position?: Position } | undefined;
}

function jsxImage(node: MdxJsxFlowElement | MdxJsxTextElement, refs: References): void {
  const src = jsxAttribute(node, 'src');
  if (typeof src?.value === 'string' && isSafeUrl(src.value)) imageTarget(src.value, src.position ?? node.position, refs);
}
