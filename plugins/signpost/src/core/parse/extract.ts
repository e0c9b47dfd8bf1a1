/**
 * Turns one parsed guide file into its nodes, reporting every problem local to the file.
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
 * of all files. What a node holds is read in `node-content.ts`; MDX and URLs are checked in
 * `mdx-check.ts`, unclosed directives in `fences.ts`.
 */
import { missingFixRule } from '../rules/missing-fix.ts';
import { missingReasonRule } from '../rules/missing-reason.ts';
import { brokenLinkRule } from '../rules/broken-link.ts';
import { draftRule } from '../rules/draft.ts';
import { emptyContentRule } from '../rules/empty-content.ts';
import { invalidAttributeRule } from '../rules/invalid-attribute.ts';
import { invalidIdRule } from '../rules/invalid-id.ts';
import { misplacedDirectiveRule } from '../rules/misplaced-directive.ts';
import { missingTitleRule } from '../rules/missing-title.ts';
import { strayContentRule } from '../rules/stray-content.ts';
import { syntaxErrorRule } from '../rules/syntax-error.ts';
import { tooFewOptionsRule } from '../rules/too-few-options.ts';
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { GuideNode, Located, NodeKind } from '../graph/model.ts';
import type { Position } from 'unist';
import { flag } from '../problems.ts';
import { ErrorAttributes, InstructionsAttributes, QuestionAttributes, StepAttributes } from '../schemas/directives.ts';
import { RESERVED_NODE_IDS, SLUG, shorten, slugify } from '../suggest.ts';
import { readAttributes } from './attributes.ts';
import { ARTICLE, describe, unknownDirective } from './describe.ts';
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
import { brokenDirective, checkFences, fenceOf, leftOpen } from './fences.ts';
import { LIMITS } from './limits.ts';
import { checkMdx } from './mdx-check.ts';
import { edgeOf, walk, type Collected, type ReadNode } from './node-content.ts';
import { NO_COMPONENTS, type SiteComponents } from './site-components.ts';
import { visibleText } from './visible.ts';
import { isKnownDirective, isNodeDirective, isPartDirective, PART_PARENTS } from './vocabulary.ts';

const NODE_SCHEMAS = {
  question: QuestionAttributes,
  step: StepAttributes,
  error: ErrorAttributes,
  instructions: InstructionsAttributes,
} as const;

/**
 * Every node of a file, in source order; problems go to `file.messages`. A tree `recovered`
 * without MDX after a syntax error shows MDX comments as text: they are not stray content.
 */
export function extractNodes(tree: Root, file: VFile, options: { recovered?: boolean; components?: SiteComponents } = {}): GuideNode[] {
  const nodes: GuideNode[] = [];
  // Nodes left open, with the next node read inside them: one problem each, at the node.
  const open = new Set(
    tree.children.filter((child) => child.type === 'containerDirective' && isNodeDirective(child.name) && leftOpen(child)),
  );
  checkFences(tree, file, open as Set<ContainerDirective>);
  const components = options.components ?? NO_COMPONENTS;
  // Lines with a syntax error, looked up once per top-level block (not a scan of every message).
  const syntaxErrorLines = new Set(file.messages.filter((message) => message.ruleId === 'syntax-error').map((message) => message.line));
  for (const child of tree.children) {
    if (child.type === 'yaml' || checkMdx(child, file)) continue;
    if (child.type === 'containerDirective' && isNodeDirective(child.name)) {
      readNode(child, child.name, file, nodes, components, open.has(child));
    } else if (isDirective(child) && isKnownDirective(child.name)) {
      const where = isPartDirective(child.name)
        ? `inside ${PART_PARENTS[child.name].map((kind) => ARTICLE[kind]).join(' or ')}`
        : 'inside a node: content outside nodes is never shown';
      flag(file, misplacedDirectiveRule.say('outsideNode', child.name, where), openingOf(child));
    } else if (isDirective(child)) {
      // `::::questoin{#x}` is read as the question it was meant to be, so its id still exists.
      const proposal = unknownDirective(child, file);
      if (proposal && isNodeDirective(proposal) && child.type === 'containerDirective') readNode(child, proposal, file, nodes, components);
    } else if (!options.recovered && !brokenDirective(child, syntaxErrorLines)) {
      flag(file, strayContentRule.say('stray'), child.position);
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
  const opening = openingOf(directive);
  const id = checkId(attributes.id, directive, file);
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
    examples: [],
    components,
    reason: undefined,
    fix: undefined,
    escalate: undefined,
    escalateText: '',
    seen: new Map(),
    unclosed,
  };
  if (unclosed) reportUnclosed(directive, kind, id, file);
  const label = labelParagraph(directive);
  const readNested: ReadNode = (nested, nestedKind, nestedFile, found) => readNode(nested, nestedKind, nestedFile, found, components);
  walk(directive, collected, true, file, nodes, readNested, label);
  checkFootnotes(collected, file);
  checkBody(directive, label, kind, id, file);

  const prompt = 'prompt' in attributes ? attributes.prompt || undefined : undefined;
  const title = attributes.title || labelText(directive) || prompt || '';
  if (!title) flag(file, missingTitleRule.say('node', describe(kind, id), kind), opening);
  const draft = attributes.draft ?? false;
  if (draft) flag(file, draftRule.say('draft', describe(kind, id)), attributePlace(directive, 'draft'));

  const base = {
    id,
    title,
    draft,
    file: file.path,
    position: directive.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    tree: directive,
    places: nodePlaces(directive),
    links: collected.links,
    movedFrom: formerIds(attributes['moved-from'], id, directive, file),
    files: collected.files,
  };
  switch (kind) {
    case 'question':
      nodes.push({ ...base, kind, prompt: prompt ?? title, options: collected.options });
      break;
    case 'step': {
      // An invalid `next` was reported already; `to: ''` keeps it from being a dead end too.
      const written = hasAttribute(directive, 'next');
      const next = ('next' in attributes ? attributes.next : undefined) ?? (written ? '' : undefined);
      nodes.push({ ...base, kind, next: next === undefined ? undefined : edgeOf(directive, 'next', next, base.position) });
      break;
    }
    case 'error': {
      const next = 'next' in attributes ? attributes.next : undefined;
      const nextPlace = attributePlace(directive, 'next') ?? base.position;
      if (next !== undefined && collected.options.length > 0) {
        flag(file, misplacedDirectiveRule.say('goesOnTwice', describe('error', id)), nextPlace);
      } else if (collected.options.length === 1) {
        flag(file, tooFewOptionsRule.say('cardOneAnswer', describe('error', id), collected.options[0]!.to), collected.options[0]!.position);
      }
      checkSection(collected.reason, missingReasonRule, collected, directive, file);
      checkSection(collected.fix, missingFixRule, collected, directive, file);
      nodes.push({
        ...base,
        kind,
        context: 'context' in attributes ? attributes.context || undefined : undefined,
        aliases: collected.aliases,
        patterns: collected.patterns,
        examples: collected.examples,
        reason: collected.reason,
        fix: collected.fix,
        escalate: collected.escalate,
        escalateText: collected.escalateText,
        prompt: 'prompt' in attributes ? attributes.prompt || undefined : undefined,
        options: collected.options,
        next: next === undefined ? undefined : edgeOf(directive, 'next', next, base.position),
      });
      break;
    }
    case 'instructions':
      nodes.push({ ...base, kind, escalate: collected.escalate, escalateText: collected.escalateText });
      break;
  }
}

/** A node left open: the first node read inside it says where its closing fence belongs. */
function reportUnclosed(directive: ContainerDirective, kind: NodeKind, id: string, file: VFile): void {
  const next = directive.children.find(
    (child): child is ContainerDirective => child.type === 'containerDirective' && isNodeDirective(child.name),
  );
  if (!next) return;
  const nextId = typeof next.attributes?.id === 'string' ? next.attributes.id : '';
  const line = openingOf(next)?.start.line ?? 1;
  const fence = ':'.repeat(fenceOf(directive, String(file.value)));
  const described = describe(next.name as NodeKind, nextId);
  flag(
    file,
    syntaxErrorRule.say('nodeNotClosed', describe(kind, id), fence, described.charAt(0).toLowerCase() + described.slice(1), line),
    openingOf(directive),
  );
}

/** A footnote called in a node must be defined in it: a node's page shows only its own. */
function checkFootnotes(collected: Collected, file: VFile): void {
  for (const call of collected.footnoteCalls) {
    if (collected.footnotes.has(call.id)) continue;
    flag(file, brokenLinkRule.say('footnoteOutside', call.id, describe(collected.kind, collected.id).toLowerCase()), call.position);
  }
}

/**
 * A step or instructions card whose content is only comments would show an empty card: the
 * writer meant to write something. (A question or an error card may have no content of its own.)
 */
function checkBody(directive: ContainerDirective, label: unknown, kind: NodeKind, id: string, file: VFile): void {
  if (kind !== 'step' && kind !== 'instructions') return;
  const body = directive.children.filter((child) => child !== label && !isDirective(child));
  if (body.length === 0 || !body.every((child) => child.type === 'mdxFlowExpression')) return;
  if (visibleText({ type: 'root', children: body })) return;
  flag(
    file,
    emptyContentRule.say(
      'node',
      describe(kind, id).replace(/^\w/, (c) => c.toLowerCase()),
    ),
    body[0]!.position,
  );
}

function checkSection(
  section: Located | undefined,
  rule: typeof missingReasonRule | typeof missingFixRule,
  collected: Collected,
  directive: ContainerDirective,
  file: VFile,
): void {
  const card = describe('error', collected.id);
  // The two rules have the same messages, of the section each is about.
  const sectionRule = rule as typeof missingReasonRule;
  if (!section) flag(file, sectionRule.say('missing', card), openingOf(directive));
  else if (!section.text) {
    flag(
      file,
      sectionRule.say(section.onlyComments ? 'onlyComments' : 'empty', card.charAt(0).toLowerCase() + card.slice(1)),
      section.position,
    );
  }
}

/**
 * `{#Private Owner}`: an id ends at the first space, so the words after it were read as
 * attributes. They are read back into the id, reported once with the slug to use, and the node
 * takes that slug as its id, so that answers leading to it are not reported as well.
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
  flag(file, invalidIdRule.say('withSpace', written, proposal), { start: idPlace.start, end });
  for (const word of words) {
    delete attributes[word];
    delete places[word];
  }
  attributes.id = proposal;
  places['id'] = { start: idPlace.start, end };
}

function checkId(id: string | undefined, directive: ContainerDirective, file: VFile): string {
  if (id === undefined || id === '') {
    const proposal = slugify(labelText(directive) ?? String(directive.attributes?.title ?? ''));
    flag(file, invalidIdRule.say('noId', directive.name, proposal || 'my-node'), openingOf(directive));
    return '';
  }
  if (id.length > LIMITS.idLength) {
    flag(file, invalidIdRule.say('tooLong', shorten(id), id.length, LIMITS.idLength), attributePlace(directive, 'id'));
  } else if (!SLUG.test(id)) {
    const finding = invalidIdRule.say('notSlug', id, slugify(id) || undefined);
    // The fix rewrites `#id` as written, so it is offered only where the id stands as `#id`.
    const place = ownAttributePlace(directive, 'id');
    const asHash = place?.start.offset !== undefined && String(file.value)[place.start.offset] === '#';
    flag(
      file,
      asHash ? finding : { rule: finding.rule, severity: finding.severity, message: finding.message },
      place ?? openingOf(directive),
    );
  } else if (RESERVED_NODE_IDS.has(id)) {
    flag(file, invalidIdRule.say('reserved', id, RESERVED_NODE_IDS.get(id)!), attributePlace(directive, 'id'));
  }
  return id;
}

/** The ids of `moved-from`, each checked: a slug, not reserved, not the node's own. */
function formerIds(value: string | undefined, id: string, directive: ContainerDirective, file: VFile): Located[] {
  if (value === undefined) return [];
  const place = attributePlace(directive, 'moved-from')!;
  const formers: Located[] = [];
  for (const former of value.split(/[\s,]+/).filter(Boolean)) {
    if (!SLUG.test(former) || former.length > LIMITS.idLength) {
      flag(file, invalidIdRule.say('formerNotSlug', shorten(former), slugify(former) || undefined), place);
    } else if (RESERVED_NODE_IDS.has(former)) {
      flag(file, invalidIdRule.say('reserved', former, RESERVED_NODE_IDS.get(former)!), place);
    } else if (former === id) {
      flag(file, invalidAttributeRule.say('movedFromSelf', former), place);
    } else if (!formers.some((known) => known.text === former)) {
      formers.push({ text: former, position: place });
    }
  }
  return formers;
}
