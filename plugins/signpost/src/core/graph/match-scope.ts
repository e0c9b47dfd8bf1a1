/**
 * A card's `::match` patterns with the `within="node-id"` an author scoped them to: read from
 * the card's directives once its file is parsed (from the source or from the parse cache), so
 * that the graph rules check the target like any other (`dangling-target`) and the site knows
 * on which pages the pattern applies (render/paste-data.ts).
 *
 * ```mdx
 * ::match[Connection refused]{within="version-6"}
 * ```
 */
import type { LeafDirective } from 'mdast-util-directive';
import type { Nodes } from 'mdast';
import type { Point, Position } from 'unist';
import { ownAttributePlace, openingOf } from '../parse/directives.ts';
import type { ErrorNode, GuideNode, MatchPattern } from './model.ts';

/** What parsing a file gives, as far as scopes go. */
interface Parsed {
  nodes: GuideNode[];
}

/** The same file with its patterns' scopes, by the parse it came from: the same parse gives the same object. */
const scoped = new WeakMap<object, object>();

/**
 * The parse with each pattern's `within` read from its `::match` directive. A file none of whose
 * patterns is scoped is returned as it is; another, as a copy (the parse itself may be stored
 * in the parse cache as it is, and stays as the parser gave it), the same copy every time.
 */
export function withScopes<P extends Parsed>(parsed: P): P {
  const known = scoped.get(parsed);
  if (known) return known as P;
  let changed = false;
  const nodes = parsed.nodes.map((node) => {
    if (node.kind !== 'error' || node.patterns.length === 0) return node;
    const patterns = scopedPatterns(node);
    if (!patterns) return node;
    changed = true;
    return { ...node, patterns };
  });
  const result = changed ? { ...parsed, nodes } : parsed;
  scoped.set(parsed, result);
  return result;
}

/** The card's patterns with their scopes, or undefined when none has one. */
function scopedPatterns(node: ErrorNode): MatchPattern[] | undefined {
  const directives: LeafDirective[] = [];
  const stack: Nodes[] = [node.tree];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'leafDirective' && current.name === 'match') {
      if (typeof current.attributes?.['within'] === 'string') directives.push(current);
    } else if ('children' in current) for (const child of current.children) stack.push(child as Nodes);
  }
  if (directives.length === 0) return undefined;
  return node.patterns.map((pattern) => {
    // A pattern's place is in its directive: the directive's own (text) or its `regex` attribute's.
    const directive = directives.find(({ position }) => position !== undefined && inside(pattern.position.start, position));
    const to = directive?.attributes?.['within']?.trim();
    if (!directive || !to) return pattern;
    return { ...pattern, within: { to, position: ownAttributePlace(directive, 'within') ?? openingOf(directive)!, attribute: 'within' } };
  });
}

/** Whether a point is inside a place: by line and column, which every parse (and the cache) keeps. */
function inside(point: Point, { start, end }: Position): boolean {
  const after = point.line > start.line || (point.line === start.line && point.column >= start.column);
  const before = point.line < end.line || (point.line === end.line && point.column <= end.column);
  return after && before;
}
