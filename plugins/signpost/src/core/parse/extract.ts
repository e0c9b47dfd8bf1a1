/**
 * Turns one parsed guide file into its nodes. It judges nothing: what it had to decide to
 * build them (a misspelt directive read as the one meant, a part left out where it does not
 * belong, a node left open) it notes as facts (facts.ts), and the file rules report what is
 * wrong in the file from those, the tree and the nodes (rules/file-rules.ts).
 *
 * ```mdx
 * ::::question{#entity title="Profile" prompt="Under which profile are you connecting?"}
 * :::option{to="agency"}
 * Agency
 * :::
 * ::option[Private owner]{to="private-owner"}
 * ::::
 * ```
 *
 * becomes a `QuestionNode` `entity` with two options, each holding the position of its `to`.
 * Whole-guide rules (targets, reachability, duplicates) run later, in `rules/`, over the nodes
 * of all files. What a node holds is read in `node-content.ts`.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { GuideNode, Located, NodeKind } from '../graph/model.ts';
import type { Position } from 'unist';
import { ErrorAttributes, InstructionsAttributes, QuestionAttributes, StepAttributes } from '../schemas/directives.ts';
import { RESERVED_NODE_IDS, SLUG, slugify } from '../suggest.ts';
import { LIMITS } from './limits.ts';
import { readAttributes } from './attributes.ts';
import { unknownDirective } from './describe.ts';
import {
  attributePlace,
  hasAttribute,
  isDirective,
  labelParagraph,
  labelText,
  nodePlaces,
  openingOf,
  ownAttributePlace,
} from './directives.ts';
import { leftOpen } from './fences.ts';
import { note } from './file-model.ts';
import { isMdx } from './mdx-check.ts';
import { edgeOf, walk, type Collected, type ReadNode } from './node-content.ts';
import { NO_COMPONENTS, type SiteComponents } from './site-components.ts';
import { isKnownDirective, isNodeDirective } from './vocabulary.ts';

const NODE_SCHEMAS = {
  question: QuestionAttributes,
  step: StepAttributes,
  error: ErrorAttributes,
  instructions: InstructionsAttributes,
} as const;

/**
 * Every node of a file, in source order; what it met on the way is noted on `file` (facts.ts).
 * (A tree `recovered` without MDX after a syntax error shows MDX comments as text.)
 */
export function extractNodes(tree: Root, file: VFile, options: { recovered?: boolean; components?: SiteComponents } = {}): GuideNode[] {
  const nodes: GuideNode[] = [];
  // Nodes left open, with the next node read inside them: what is inside is read with them.
  const open = new Set(
    tree.children.filter((child) => child.type === 'containerDirective' && isNodeDirective(child.name) && leftOpen(child)),
  );
  const components = options.components ?? NO_COMPONENTS;
  for (const child of tree.children) {
    if (child.type === 'yaml') continue;
    if (!isDirective(child)) note(file, { type: 'markdown', node: child, content: false });
    if (isMdx(child)) continue;
    if (child.type === 'containerDirective' && isNodeDirective(child.name)) {
      readNode(child, child.name, file, nodes, components, open.has(child));
    } else if (isDirective(child) && !isKnownDirective(child.name)) {
      // `::::questoin{#x}` is read as the question it was meant to be, so its id still exists.
      const proposal = unknownDirective(child, file);
      if (proposal && isNodeDirective(proposal) && child.type === 'containerDirective') readNode(child, proposal, file, nodes, components);
    } else {
      note(file, { type: 'outside-node', node: child });
    }
  }
  return nodes;
}

/** Reads a node; `components` are the site's, which the node's content may use. */
function readNode(
  directive: ContainerDirective,
  kind: NodeKind,
  file: VFile,
  nodes: GuideNode[],
  components: SiteComponents,
  unclosed = false,
): void {
  joinSpacedId(directive, kind, file);
  const attributes = readAttributes(directive, NODE_SCHEMAS[kind], file);
  const id = attributes.id || '';
  note(file, { type: 'node-opened', directive, kind, id: attributes.id, nextInside: unclosed ? firstNodeInside(directive) : undefined });
  const collected: Collected = {
    kind,
    id,
    options: [],
    links: [],
    files: [],
    footnoteCalls: [],
    footnotes: new Set(),
    aliases: [],
    patterns: [],
    refusedPatterns: 0,
    examples: [],
    components,
    reason: undefined,
    fix: undefined,
    escalate: undefined,
    escalateText: '',
    seen: new Map(),
    unclosed,
  };
  const label = labelParagraph(directive);
  const readNested: ReadNode = (nested, nestedKind, nestedFile, found) => readNode(nested, nestedKind, nestedFile, found, components);
  walk(directive, collected, true, file, nodes, readNested, label);

  const prompt = 'prompt' in attributes ? attributes.prompt || undefined : undefined;
  const base = {
    id,
    title: attributes.title || labelText(directive) || prompt || '',
    draft: attributes.draft ?? false,
    file: file.path,
    position: directive.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    tree: directive,
    places: nodePlaces(directive),
    links: collected.links,
    movedFrom: formerIds(attributes['moved-from'], id, directive, file),
    files: collected.files,
  };
  const node = built(kind, base, attributes, collected, directive);
  note(file, { type: 'node-read', node, label, footnoteCalls: collected.footnoteCalls, footnotes: collected.footnotes });
  nodes.push(node);
}

/** The node of `kind`, from what its directive and its walk gave. */
function built(
  kind: NodeKind,
  base: Omit<GuideNode, 'kind'>,
  attributes: Partial<Record<string, unknown>>,
  collected: Collected,
  directive: ContainerDirective,
): GuideNode {
  switch (kind) {
    case 'question': {
      const prompt = typeof attributes['prompt'] === 'string' ? attributes['prompt'] || undefined : undefined;
      return { ...base, kind, prompt: prompt ?? base.title, options: collected.options };
    }
    case 'step': {
      // An invalid `next` was noted already; `to: ''` keeps it from being a dead end too.
      const written = hasAttribute(directive, 'next');
      const next = (attributes['next'] as string | undefined) ?? (written ? '' : undefined);
      return { ...base, kind, next: next === undefined ? undefined : edgeOf(directive, 'next', next, base.position) };
    }
    case 'error': {
      const next = attributes['next'] as string | undefined;
      return {
        ...base,
        kind,
        context: typeof attributes['context'] === 'string' ? attributes['context'] || undefined : undefined,
        aliases: collected.aliases,
        patterns: collected.patterns,
        refusedPatterns: collected.refusedPatterns,
        examples: collected.examples,
        reason: collected.reason,
        fix: collected.fix,
        escalate: collected.escalate,
        escalateText: collected.escalateText,
        prompt: typeof attributes['prompt'] === 'string' ? attributes['prompt'] || undefined : undefined,
        options: collected.options,
        next: next === undefined ? undefined : edgeOf(directive, 'next', next, base.position),
      };
    }
    case 'instructions':
      return { ...base, kind, escalate: collected.escalate, escalateText: collected.escalateText };
  }
}

/** For a node left open: the first node directive read inside it, as written. */
function firstNodeInside(directive: ContainerDirective): { kind: NodeKind; id: string; line: number } | undefined {
  const next = directive.children.find(
    (child): child is ContainerDirective => child.type === 'containerDirective' && isNodeDirective(child.name),
  );
  if (!next) return undefined;
  return {
    kind: next.name as NodeKind,
    id: typeof next.attributes?.id === 'string' ? next.attributes.id : '',
    line: openingOf(next)?.start.line ?? 1,
  };
}

/**
 * `{#Private Owner}`: an id ends at the first space, so the words after it were read as
 * attributes. They are read back into the id, noted once with the slug to use (`invalid-id`),
 * and the node takes that slug as its id, so that answers leading to it are not reported as well.
 */
function joinSpacedId(directive: ContainerDirective, kind: NodeKind, file: VFile): void {
  const attributes = directive.attributes;
  const places = directive.data?.position?.attributes;
  const idPlace = ownAttributePlace(directive, 'id');
  if (!attributes || !places || typeof attributes.id !== 'string' || idPlace?.end.offset === undefined) return;
  const known = new Set(Object.keys(NODE_SCHEMAS[kind].shape));
  const source = String(file.value);
  const words: string[] = [];
  let end = idPlace.end;
  const following = Object.keys(attributes)
    .map((name) => ({ name, place: places[name] }))
    .filter(
      (entry): entry is { name: string; place: Position } =>
        entry.place?.start.offset !== undefined && entry.place.start.offset >= idPlace.end.offset!,
    )
    .sort((a, b) => a.place.start.offset! - b.place.start.offset!);
  for (const { name, place } of following) {
    if (known.has(name) || attributes[name] !== '' || !/^\s+$/.test(source.slice(end.offset, place.start.offset))) break;
    if (source.slice(place.start.offset, place.end.offset) !== name) break;
    words.push(name);
    end = place.end;
  }
  if (words.length === 0) return;
  const written = [attributes.id, ...words].join(' ');
  const proposal = slugify(written);
  if (!proposal) return;
  note(file, { type: 'spaced-id', written, proposal, place: { start: idPlace.start, end } });
  for (const word of words) {
    delete attributes[word];
    delete places[word];
  }
  attributes.id = proposal;
  places['id'] = { start: idPlace.start, end };
}

/**
 * The former ids of `moved-from`: each a slug, not reserved, not the node's own, listed once.
 * One that is not is left out, and noted for `invalid-id` (or `invalid-attribute`, for its own id).
 */
function formerIds(value: string | undefined, id: string, directive: ContainerDirective, file: VFile): Located[] {
  if (value === undefined) return [];
  const place = attributePlace(directive, 'moved-from')!;
  const formers: Located[] = [];
  for (const former of value.split(/[\s,]+/).filter(Boolean)) {
    const fault =
      !SLUG.test(former) || former.length > LIMITS.idLength
        ? 'not-slug'
        : RESERVED_NODE_IDS.has(former)
          ? 'reserved'
          : former === id
            ? 'own-id'
            : undefined;
    if (fault) note(file, { type: 'former-id-refused', former, fault, place });
    else if (!formers.some((known) => known.text === former)) formers.push({ text: former, position: place });
  }
  return formers;
}
