/**
 * Reads what a node holds: its parts (answers, Reason, How to fix, aliases, escalation),
 * callouts and links, checking that each stands where it belongs. Nodes nested by mistake are
 * still read (through `readNode`), so that their ids exist for the graph rules.
 */
import type { Nodes, Parent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { GuideNode, Located, NodeKind, Option } from '../graph/model.ts';
import { flag } from '../problems.ts';
import { NoAttributes, TargetAttributes } from '../schemas/directives.ts';
import { readAttributes } from './attributes.ts';
import { ARTICLE, describe, unknownDirective } from './describe.ts';
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
import { checkMdx } from './mdx-check.ts';
import { readComponent } from './components.ts';
import { readReferences, type References } from './content-refs.ts';
import { visibleText } from './visible.ts';
import type { SiteComponents } from './site-components.ts';
import {
  FORMS,
  isCalloutDirective,
  isComponentDirective,
  isKnownDirective,
  isNodeDirective,
  isPartDirective,
  PART_PARENTS,
  type PartName,
} from './vocabulary.ts';

/** What a node's walk collects before the node is built. */
export interface Collected extends References {
  kind: NodeKind;
  id: string;
  options: Option[];
  aliases: Located[];
  /** The site's own components, which this node's content may use. */
  components: SiteComponents;
  reason: Located | undefined;
  fix: Located | undefined;
  escalate: Position | undefined;
  escalateText: string;
  /** First place each single part (reason, fix) was seen, for "already has" messages. */
  seen: Map<PartName, number>;
}

/** Reads a node directive into `nodes` (extract.ts): passed in, since nodes may nest by mistake. */
export type ReadNode = (directive: ContainerDirective, kind: NodeKind, file: VFile, nodes: GuideNode[]) => void;

/**
 * Walks a node's content for its parts, callouts and links. `direct` says whether `parent` is
 * the node directive itself, where parts must stand.
 */
export function walk(
  parent: Parent,
  collected: Collected,
  direct: boolean,
  file: VFile,
  nodes: GuideNode[],
  readNode: ReadNode,
  skip?: Nodes,
): void {
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index] as Nodes;
    if (child === skip) continue;
    if (!isDirective(child)) {
      checkMdx(child, file);
      readReferences(child, collected, file);
      if ('children' in child) walk(child, collected, false, file, nodes, readNode);
      continue;
    }
    const siteSchema = child.name && collected.components.get(child.name);
    if (siteSchema) {
      // A site's component: its attributes checked against the site's schema, its content like any other.
      readAttributes(child, siteSchema, file);
      walk(child, collected, false, file, nodes, readNode, child.type === 'containerDirective' ? labelParagraph(child) : undefined);
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
      walk(child, collected, false, file, nodes, readNode);
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
        readPart(child, name, collected, file, nodes, readNode);
      }
      continue;
    }
    if (isNodeDirective(name)) {
      flag(
        file,
        'misplaced-directive',
        `\`${name}\` is inside ${describe(collected.kind, collected.id)
          .toLowerCase()
          .replace(/^(\w+)/, '`$1`')}; nodes cannot nest, close the outer one first`,
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
      readPart(child, name, collected, file, nodes, readNode);
      continue;
    }
    if (isCalloutDirective(name)) {
      readAttributes(child, NoAttributes, file);
      walk(child, collected, false, file, nodes, readNode, child.type === 'containerDirective' ? labelParagraph(child) : undefined);
      continue;
    }
    if (isComponentDirective(name)) {
      readComponent(child, name, collected, file);
      walk(child, collected, false, file, nodes, readNode, child.type === 'containerDirective' ? labelParagraph(child) : undefined);
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

function readPart(child: Directive, name: PartName, collected: Collected, file: VFile, nodes: GuideNode[], readNode: ReadNode): void {
  const position = child.position ?? openingOf(child)!;
  // What a part holds is content like any other: links, callouts, elements to check.
  walk(child, collected, false, file, nodes, readNode);
  if (name === 'option') {
    const attributes = readAttributes(child, TargetAttributes, file);
    const label = child.type === 'containerDirective' ? visibleText(child) : (labelText(child) ?? '');
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
    collected.escalateText = visibleText(child);
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
  const text = visibleText(child);
  collected[name] = { text, position, ...(!text && child.children.length > 0 ? { onlyComments: true as const } : {}) };
}

/** A text directive with neither label nor attributes: a colon in prose. */
function isPlainText(directive: Directive): boolean {
  return directive.type === 'textDirective' && directive.children.length === 0 && Object.keys(directive.attributes ?? {}).length === 0;
}
