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
 * Whole-guide rules (targets, reachability, duplicates) run later, in `validate.ts`, over the
 * nodes of all files. Text directives that are not ours (`10:30`, `note:this`) are turned back
 * into the text they were.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { Position } from 'unist';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { readAttributes } from './attributes.ts';
import {
  attributePlace,
  FORM_NAMES,
  hasAttribute,
  isDirective,
  labelParagraph,
  labelText,
  openingOf,
  type Directive,
} from './directives.ts';
import type { Edge, GuideNode, Located, NodeKind, Option } from '../graph/model.ts';
import { ALLOWED_ELEMENTS, ALLOWED_PROTOCOLS, isComment, isSafeUrl } from './mdx-policy.ts';
import { flag } from '../problems.ts';
import {
  ErrorAttributes,
  InstructionsAttributes,
  NoAttributes,
  QuestionAttributes,
  StepAttributes,
  TargetAttributes,
} from '../schemas/directives.ts';
import { LIMITS } from './limits.ts';
import { RESERVED_NODE_IDS, SLUG, closest, shorten, slugify } from '../suggest.ts';
import {
  DIRECTIVE_NAMES,
  FORMS,
  isCalloutDirective,
  isKnownDirective,
  isNodeDirective,
  isPartDirective,
  PART_PARENTS,
  type DirectiveName,
  type PartName,
} from './vocabulary.ts';

const NODE_SCHEMAS = {
  question: QuestionAttributes,
  step: StepAttributes,
  error: ErrorAttributes,
  instructions: InstructionsAttributes,
} as const;

/** What a node's walk collects before the node is built. */
interface Collected {
  kind: NodeKind;
  id: string;
  options: Option[];
  links: Edge[];
  aliases: Located[];
  reason: Located | undefined;
  fix: Located | undefined;
  escalate: Position | undefined;
  escalateText: string;
  /** First place each single part (reason, fix) was seen, for "already has" messages. */
  seen: Map<PartName, number>;
}

const ARTICLE: Record<NodeKind, string> = {
  question: 'a `question`',
  step: 'a `step`',
  error: 'an `error` card',
  instructions: 'an `instructions` card',
};

function describe(kind: NodeKind, id: string): string {
  const noun = kind === 'error' ? 'Error card' : kind === 'instructions' ? 'Instructions card' : kind === 'question' ? 'Question' : 'Step';
  return id ? `${noun} \`${shorten(id)}\`` : noun;
}

/**
 * Every node of a file, in source order; problems go to `file.messages`. A tree `recovered`
 * without MDX after a syntax error shows MDX comments as text: they are not stray content.
 */
export function extractNodes(tree: Root, file: VFile, options: { recovered?: boolean } = {}): GuideNode[] {
  const nodes: GuideNode[] = [];
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
      flag(
        file,
        'stray-content',
        'Content outside every node is never shown to readers; move it into a node or delete it',
        child.position,
      );
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
    aliases: [],
    reason: undefined,
    fix: undefined,
    escalate: undefined,
    escalateText: '',
    seen: new Map(),
  };
  const label = labelParagraph(directive);
  walk(directive, collected, true, file, nodes, label);

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
    flag(file, 'draft', `${describe(kind, id)} is a draft; finish it and remove \`draft\` before publishing`, attributePlace(directive, 'draft'));
  }

  const base = {
    id,
    title,
    draft,
    file: file.path,
    position: directive.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    tree: directive,
    links: collected.links,
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
    case 'error':
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
      });
      break;
    case 'instructions':
      nodes.push({ ...base, kind, escalate: collected.escalate, escalateText: collected.escalateText });
      break;
  }
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
    flag(
      file,
      rule,
      `${describe('error', collected.id)} has no ${heading}; add a \`:::${name}\` saying ${what}`,
      openingOf(directive),
    );
  } else if (!section.text) {
    flag(file, rule, `The ${heading} of ${describe('error', collected.id).toLowerCase()} is empty; say ${what}`, section.position);
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

/**
 * Walks a node's content for its parts, callouts and links. `direct` says whether `parent` is
 * the node directive itself, where parts must stand.
 */
function walk(
  parent: Parent,
  collected: Collected,
  direct: boolean,
  file: VFile,
  nodes: GuideNode[],
  skip?: Nodes,
): void {
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index] as Nodes;
    if (child === skip) continue;
    if (!isDirective(child)) {
      checkMdx(child, file);
      if ('children' in child) walk(child, collected, false, file, nodes);
      continue;
    }
    if (!isKnownDirective(child.name) && isPlainText(child)) {
      // `10:30` or `see:this` in a sentence: not a directive, give the text back.
      parent.children[index] = { type: 'text', value: `:${child.name}`, ...(child.position ? { position: child.position } : {}) };
      continue;
    }
    // A misspelt directive is read as the one it was meant to be (`:::reson` as `reason`), so
    // that it is not reported again as a missing Reason.
    const name = isKnownDirective(child.name) ? child.name : unknownDirective(child, file);
    if (name === undefined) {
      walk(child, collected, false, file, nodes);
      continue;
    }
    const form = FORMS[name];
    if (!form.forms.includes(child.type)) {
      flag(
        file,
        'misplaced-directive',
        `\`${name}\` is written as a ${FORM_NAMES[child.type]}; write it as \`${form.example}\``,
        openingOf(child),
      );
      // `::reason[Why]` is still the card's Reason, so it is not also reported as missing.
      if (isPartDirective(name) && direct && PART_PARENTS[name].includes(collected.kind)) {
        readPart(child, name, collected, file, nodes);
      }
      continue;
    }
    if (isNodeDirective(name)) {
      flag(
        file,
        'misplaced-directive',
        `\`${name}\` is inside ${describe(collected.kind, collected.id).toLowerCase().replace(/^(\w+)/, '`$1`')}; nodes cannot nest, close the outer one first`,
        openingOf(child),
      );
      readNode(child as ContainerDirective, name, file, nodes);
      continue;
    }
    if (isPartDirective(name)) {
      const parents = PART_PARENTS[name];
      if (!direct || !parents.includes(collected.kind)) {
        const home = parents.map((kind) => ARTICLE[kind]).join(' or ');
        const where = parents.includes(collected.kind)
          ? `directly inside ${home}, not nested in other content`
          : `inside ${home}, not ${ARTICLE[collected.kind]}${name === 'option' && collected.kind === 'step' ? ' (a step goes on through its `next` attribute)' : ''}`;
        flag(file, 'misplaced-directive', `\`${name}\` belongs ${where}`, openingOf(child));
        continue;
      }
      readPart(child, name, collected, file, nodes);
      continue;
    }
    if (isCalloutDirective(name)) {
      readAttributes(child, NoAttributes, file);
      walk(child, collected, false, file, nodes, child.type === 'containerDirective' ? labelParagraph(child) : undefined);
      continue;
    }
    // `:link[text]{to="node"}`
    const attributes = readAttributes(child, TargetAttributes, file);
    if (!labelText(child)) {
      flag(file, 'missing-title', '`link` has no text; write `:link[text]{to="…"}`', openingOf(child));
    }
    if (attributes.to === undefined) {
      if (!hasAttribute(child, 'to')) {
        flag(file, 'invalid-attribute', '`link` needs a `to` attribute naming the node it leads to', openingOf(child));
      }
    } else {
      collected.links.push({ to: attributes.to, position: attributePlace(child, 'to') ?? openingOf(child)! });
    }
  }
}

function readPart(child: Directive, name: PartName, collected: Collected, file: VFile, nodes: GuideNode[]): void {
  const position = child.position ?? openingOf(child)!;
  // What a part holds is content like any other: links, callouts, elements to check.
  walk(child, collected, false, file, nodes);
  if (name === 'option') {
    const attributes = readAttributes(child, TargetAttributes, file);
    const label = child.type === 'containerDirective' ? toString(child).trim() : (labelText(child) ?? '');
    if (!label) {
      flag(file, 'missing-title', '`option` has no answer text; write it as `::option[Answer]{to="…"}`', openingOf(child));
    }
    if (attributes.to === undefined && !hasAttribute(child, 'to')) {
      flag(file, 'invalid-attribute', '`option` needs a `to` attribute naming the node this answer leads to', openingOf(child));
    }
    // An answer without a target still counts as an answer: `to: ''` is skipped by the graph rules.
    collected.options.push({ label, to: attributes.to ?? '', position: attributePlace(child, 'to') ?? position });
    return;
  }
  readAttributes(child, NoAttributes, file);
  if (name === 'alias') {
    const text = labelText(child);
    if (text) collected.aliases.push({ text, position });
    else flag(file, 'missing-title', '`alias` has no text; write the other wording as `::alias[…]`', openingOf(child));
    return;
  }
  if (name === 'escalate') {
    if (collected.escalate) {
      flag(
        file,
        'misplaced-directive',
        `${describe(collected.kind, collected.id)} already has an \`escalate\` (line ${collected.escalate.start.line}); merge the two`,
        openingOf(child),
      );
      return;
    }
    collected.escalate = openingOf(child) ?? position;
    collected.escalateText = toString(child).trim();
    return;
  }
  const first = collected.seen.get(name);
  if (first !== undefined) {
    flag(
      file,
      'misplaced-directive',
      `${describe('error', collected.id)} already has a \`${name}\` (line ${first}); merge the two`,
      openingOf(child),
    );
    return;
  }
  collected.seen.set(name, position.start.line);
  collected[name] = { text: toString(child).trim(), position };
}

/** The allowed elements as a message lists them (checkMdx runs for every node of every file). */
const ELEMENT_LIST = [...ALLOWED_ELEMENTS.keys()]
  .map((name) => `\`<${name}>\``)
  .join(', ');

/**
 * Reports MDX outside the policy of `mdx-policy.ts`; returns whether `node` is MDX syntax
 * (which never counts as stray content).
 */
function checkMdx(node: Nodes, file: VFile): boolean {
  switch (node.type) {
    case 'link':
    case 'image':
    case 'definition':
      checkUrl(node.url, node.type === 'image' ? 'image' : 'link', node.position, file);
      return false;
    case 'mdxjsEsm':
      flag(file, 'unsupported-mdx', '`import` and `export` are not supported in guides; use Markdown, directives and the allowed elements', node.position);
      return true;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!isComment(node.value)) {
        flag(file, 'unsupported-mdx', 'Expressions in braces are not supported; write `\\{` for a literal brace, or `{/* … */}` for a comment', node.position);
      }
      return true;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const allowed = node.name ? ALLOWED_ELEMENTS.get(node.name) : undefined;
      if (!node.name || !allowed) {
        const what = node.name ? `Element \`<${node.name}>\` is` : 'A fragment `<>` is';
        flag(file, 'unsupported-mdx', `${what} not supported in guides; use Markdown or one of ${ELEMENT_LIST}`, node.position);
        return true;
      }
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxExpressionAttribute') {
          flag(file, 'unsupported-mdx', `Spread attributes are not supported on \`<${node.name}>\`; write each attribute as \`name="value"\``, node.position);
        } else if (!allowed.includes(attribute.name)) {
          const takes = allowed.length ? `it takes ${allowed.map((a) => `\`${a}\``).join(', ')}` : 'it takes no attributes';
          flag(file, 'unsupported-mdx', `Attribute \`${attribute.name}\` is not allowed on \`<${node.name}>\`; ${takes}`, attribute.position ?? node.position);
        } else if (attribute.value !== null && typeof attribute.value !== 'string') {
          flag(file, 'unsupported-mdx', `Attribute \`${attribute.name}\` on \`<${node.name}>\` must be plain text in quotes, not an expression`, attribute.position ?? node.position);
        } else if (attribute.name === 'src' && typeof attribute.value === 'string') {
          checkUrl(attribute.value, 'image', attribute.position ?? node.position, file);
        }
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * A directive that could not be parsed reads as a paragraph starting with colons; its syntax
 * error is reported already, so it is not stray content as well.
 */
function brokenDirective(node: Nodes, syntaxErrorLines: Set<number | undefined>): boolean {
  return node.type === 'paragraph' && syntaxErrorLines.has(node.position?.start.line) && /^:{2,}[a-z]/i.test(toString(node));
}

/** Reports a link or image URL whose protocol could run code or load from anywhere. */
function checkUrl(url: string, what: 'link' | 'image', place: Position | undefined, file: VFile): void {
  if (isSafeUrl(url)) return;
  const shown = JSON.stringify(url.length > 40 ? `${url.slice(0, 40)}…` : url).slice(1, -1);
  flag(
    file,
    'unsafe-url',
    `This ${what} URL \`${shown}\` uses a protocol pages may not carry; use ${ALLOWED_PROTOCOLS.map((p) => `\`${p}:\``).join(', ')} or a relative URL`,
    place,
  );
}

/** A text directive with neither label nor attributes: a colon in prose. */
function isPlainText(directive: Directive): boolean {
  return (
    directive.type === 'textDirective' &&
    directive.children.length === 0 &&
    Object.keys(directive.attributes ?? {}).length === 0
  );
}

/** Reports an unknown directive; returns the directive it was probably meant to be. */
function unknownDirective(directive: Directive, file: VFile): DirectiveName | undefined {
  const sameForm = DIRECTIVE_NAMES.filter((name) => FORMS[name].forms.includes(directive.type));
  const proposal = closest(directive.name, sameForm) as DirectiveName | undefined;
  const advice = proposal
    ? `; did you mean \`${proposal}\`?`
    : `; use ${sameForm.length === 1 ? '' : 'one of '}${sameForm.map((name) => `\`${name}\``).join(', ')}`;
  flag(file, 'unknown-directive', `Unknown directive \`${directive.name}\`${advice}`, openingOf(directive));
  return proposal;
}

/**
 * Reports containers that are never closed. The usual cause is nesting with equal fences:
 * in `:::error` … `:::reason` … `:::`, that `:::` closes `error`, not `reason`.
 */
function checkFences(tree: Root, file: VFile): void {
  const source = String(file.value);
  const fence = (directive: ContainerDirective): number => {
    const offset = openingOf(directive)?.start.offset;
    if (offset === undefined) return 3;
    const colons = /:+/y;
    colons.lastIndex = offset;
    return colons.exec(source)?.[0].length ?? 3;
  };
  // Only the outermost unclosed container is reported: the ones inside it follow from it.
  const visit = (parent: Parent, container: ContainerDirective | undefined, reported: boolean): void => {
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'containerDirective') {
        const closing = child.data?.position?.closing;
        const parentClosing = container?.data?.position?.closing;
        if (!reported && !closing) {
          const message =
            container && parentClosing
              ? `\`${child.name}\` is never closed: the fence on line ${parentClosing.start.line} closes \`${container.name}\` first. ` +
                `A directive that holds others needs more colons: open and close \`${container.name}\` with \`${':'.repeat(fence(child) + 1)}\``
              : `\`${child.name}\` is never closed; end it with a line of \`${':'.repeat(fence(child))}\``;
          flag(file, 'syntax-error', message, openingOf(child));
        }
        visit(child, child, reported || !closing);
        continue;
      }
      if ('children' in child) visit(child, container, reported);
    }
  };
  visit(tree, undefined, false);
}
