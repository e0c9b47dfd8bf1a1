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
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { GuideNode, Located, NodeKind } from '../graph/model.ts';
import { flag } from '../problems.ts';
import { ErrorAttributes, InstructionsAttributes, QuestionAttributes, StepAttributes } from '../schemas/directives.ts';
import { RESERVED_NODE_IDS, SLUG, shorten, slugify } from '../suggest.ts';
import { readAttributes } from './attributes.ts';
import { ARTICLE, describe, unknownDirective } from './describe.ts';
import { attributePlace, hasAttribute, isDirective, labelParagraph, labelText, openingOf } from './directives.ts';
import { brokenDirective, checkFences } from './fences.ts';
import { LIMITS } from './limits.ts';
import { checkMdx } from './mdx-check.ts';
import { visibleText } from './visible.ts';
import { NO_COMPONENTS, type SiteComponents } from './site-components.ts';
import { walk, type Collected } from './node-content.ts';
import { isKnownDirective, isNodeDirective, isPartDirective, PART_PARENTS } from './vocabulary.ts';

/** The site's components for the file being read (set by `extractNodes`, read by each node's walk). */
let siteComponents: SiteComponents = NO_COMPONENTS;

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
  siteComponents = options.components ?? NO_COMPONENTS;
  checkFences(tree, file);
  // Lines with a syntax error, looked up once per top-level block (not a scan of every message).
  const syntaxErrorLines = new Set(file.messages.filter((message) => message.ruleId === 'syntax-error').map((message) => message.line));
  for (const child of tree.children) {
    if (child.type === 'yaml' || checkMdx(child, file)) continue;
    if (child.type === 'containerDirective' && isNodeDirective(child.name)) {
      readNode(child, child.name, file, nodes);
    } else if (isDirective(child) && isKnownDirective(child.name)) {
      const where = isPartDirective(child.name)
        ? `inside ${PART_PARENTS[child.name].map((kind) => ARTICLE[kind]).join(' or ')}`
        : 'inside a node: content outside nodes is never shown';
      flag(file, 'misplaced-directive', `\`${child.name}\` must be ${where}`, openingOf(child));
    } else if (isDirective(child)) {
      // `::::questoin{#x}` is read as the question it was meant to be, so its id still exists.
      const proposal = unknownDirective(child, file);
      if (proposal && isNodeDirective(proposal) && child.type === 'containerDirective') readNode(child, proposal, file, nodes);
    } else if (!options.recovered && !brokenDirective(child, syntaxErrorLines)) {
      flag(file, 'stray-content', 'Content outside every node is never shown to readers; move it into a node or delete it', child.position);
    }
  }
  return nodes;
}

function readNode(directive: ContainerDirective, kind: NodeKind, file: VFile, nodes: GuideNode[]): void {
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
    components: siteComponents,
    reason: undefined,
    fix: undefined,
    escalate: undefined,
    escalateText: '',
    seen: new Map(),
  };
  const label = labelParagraph(directive);
  walk(directive, collected, true, file, nodes, readNode, label);
  checkFootnotes(collected, file);
  checkBody(directive, label, kind, id, file);

  const prompt = 'prompt' in attributes ? attributes.prompt || undefined : undefined;
  const title = attributes.title || labelText(directive) || prompt || '';
  if (!title) {
    const advice =
      kind === 'error'
        ? 'add `title="…"` with the message exactly as readers see it on screen'
        : kind === 'question'
          ? 'add `title="…"` or `prompt="…"`'
          : 'add `title="…"`';
    flag(file, 'missing-title', `${describe(kind, id)} has no title; ${advice}`, opening);
  }
  const draft = attributes.draft ?? false;
  if (draft) {
    flag(
      file,
      'draft',
      `${describe(kind, id)} is a draft; finish it and remove \`draft\` before publishing`,
      attributePlace(directive, 'draft'),
    );
  }

  const base = {
    id,
    title,
    draft,
    file: file.path,
    position: directive.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    tree: directive,
    links: collected.links,
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
      const place = attributePlace(directive, 'next') ?? base.position;
      nodes.push({ ...base, kind, next: next === undefined ? undefined : { to: next, position: place } });
      break;
    }
    case 'error': {
      const next = 'next' in attributes ? attributes.next : undefined;
      const nextPlace = attributePlace(directive, 'next') ?? base.position;
      if (next !== undefined && collected.options.length > 0) {
        flag(file, 'misplaced-directive', goesOnTwice(id), nextPlace);
      } else if (collected.options.length === 1) {
        flag(
          file,
          'too-few-options',
          `${describe('error', id)} has 1 answer; give it at least 2, or go on with \`next="${collected.options[0]!.to}"\` instead`,
          collected.options[0]!.position,
        );
      }
      checkSection(collected.reason, 'reason', 'missing-reason', 'why the error happens', collected, directive, file);
      checkSection(collected.fix, 'fix', 'missing-fix', 'what the reader does about it', collected, directive, file);
      nodes.push({
        ...base,
        kind,
        context: 'context' in attributes ? attributes.context || undefined : undefined,
        aliases: collected.aliases,
        reason: collected.reason,
        fix: collected.fix,
        escalate: collected.escalate,
        escalateText: collected.escalateText,
        prompt: 'prompt' in attributes ? attributes.prompt || undefined : undefined,
        options: collected.options,
        next: next === undefined ? undefined : { to: next, position: nextPlace },
      });
      break;
    }
    case 'instructions':
      nodes.push({ ...base, kind, escalate: collected.escalate, escalateText: collected.escalateText });
      break;
  }
}

/** The message when an error card names both answers and `next`. */
function goesOnTwice(id: string): string {
  return `${describe('error', id)} goes on with both answers and \`next\`; keep one: answers for a choice, \`next\` for a single way on`;
}

/** A footnote called in a node must be defined in it: a node's page shows only its own. */
function checkFootnotes(collected: Collected, file: VFile): void {
  for (const call of collected.footnoteCalls) {
    if (collected.footnotes.has(call.id)) continue;
    flag(
      file,
      'broken-link',
      `Footnote \`[^${call.id}]\` is defined outside ${describe(collected.kind, collected.id)
        .toLowerCase()
        .replace(/^(\w+)/, '$1')}; move \`[^${call.id}]: …\` into this node, whose page shows only its own footnotes`,
      call.position,
    );
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
  flag(file, 'empty-content', emptyBody(kind, id), body[0]!.position);
}

/** The message of `empty-content` for a node's own content. */
function emptyBody(kind: NodeKind, id: string): string {
  return `The content of ${describe(kind, id).replace(/^\w/, (c) => c.toLowerCase())} is only comments, which readers do not see; write the content, or delete the comment`;
}

function checkSection(
  section: Located | undefined,
  name: 'reason' | 'fix',
  rule: 'missing-reason' | 'missing-fix',
  what: string,
  collected: Collected,
  directive: ContainerDirective,
  file: VFile,
): void {
  const heading = name === 'reason' ? 'Reason' : 'How to fix';
  if (!section) {
    flag(file, rule, `${describe('error', collected.id)} has no ${heading}; add a \`:::${name}\` saying ${what}`, openingOf(directive));
  } else if (!section.text) {
    const state = section.onlyComments ? 'holds only comments, which readers do not see' : 'is empty';
    flag(file, rule, `The ${heading} of ${describe('error', collected.id).toLowerCase()} ${state}; say ${what}`, section.position);
  }
}

function checkId(id: string | undefined, directive: ContainerDirective, file: VFile): string {
  if (id === undefined || id === '') {
    const proposal = slugify(labelText(directive) ?? String(directive.attributes?.title ?? ''));
    const example = proposal || 'my-node';
    flag(
      file,
      'invalid-id',
      `\`${directive.name}\` has no id; add one after its name: \`${directive.name}{#${example}}\``,
      openingOf(directive),
    );
    return '';
  }
  if (id.length > LIMITS.idLength) {
    flag(
      file,
      'invalid-id',
      `Id \`${shorten(id)}\` is ${id.length} characters long, and it becomes the page's URL and a folder name; at most ${LIMITS.idLength}: choose a shorter id`,
      attributePlace(directive, 'id'),
    );
  } else if (!SLUG.test(id)) {
    const proposal = slugify(id);
    const advice = proposal ? `; use \`${proposal}\`` : '; use lowercase letters, digits and single hyphens';
    flag(
      file,
      'invalid-id',
      `Id \`${id}\` is not a lowercase slug (letters a–z, digits, single hyphens)${advice}`,
      attributePlace(directive, 'id'),
    );
  } else if (RESERVED_NODE_IDS.has(id)) {
    flag(
      file,
      'invalid-id',
      `Id \`${id}\` is reserved for the guide's ${RESERVED_NODE_IDS.get(id)} (\`/<guide>/${id}/\`); choose another id`,
      attributePlace(directive, 'id'),
    );
  }
  return id;
}
