/**
 * Reads what a node holds: its parts (answers, Reason, How to fix, aliases, escalation),
 * callouts and links, checking that each stands where it belongs. Nodes nested by mistake are
 * still read (through `readNode`), so that their ids exist for the graph rules.
 */
import { invalidAttributeRule } from '../rules/invalid-attribute.ts';
import { misplacedDirectiveRule } from '../rules/misplaced-directive.ts';
import { missingTitleRule } from '../rules/missing-title.ts';
import type { Nodes, Parent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { Edge, GuideNode, Located, NodeKind, Option } from '../graph/model.ts';
import { flag } from '../problems.ts';
import { NoAttributes, TargetAttributes } from '../schemas/directives.ts';
import { readAttributes } from './attributes.ts';
import { ARTICLE, describe, unknownDirective } from './describe.ts';
import {
  FORM_NAMES,
  hasAttribute,
  isDirective,
  labelParagraph,
  labelText,
  openingOf,
  ownAttributePlace,
  type Directive,
} from './directives.ts';
import { checkAttributeUrls, checkMdx } from './mdx-check.ts';
import { readComponent } from './components.ts';
import { readReferences, type References } from './content-refs.ts';
import { readExample, readMatch, type MatchParts } from './match-parts.ts';
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
export interface Collected extends References, MatchParts {
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
  /** The node was never closed: the nodes read inside it are reported with it, not each. */
  unclosed: boolean;
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
      checkAttributeUrls(child, file);
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
      flag(file, misplacedDirectiveRule.say('wrongForm', name, FORM_NAMES[child.type], form.example), openingOf(child));
      // `::reason[Why]` is still the card's Reason, so it is not also reported as missing.
      if (isPartDirective(name) && direct && PART_PARENTS[name].includes(collected.kind)) {
        readPart(child, name, collected, file, nodes, readNode);
      }
      continue;
    }
    if (isNodeDirective(name)) {
      // A node left open, whose closing fence is missing, is reported once, at that node (extract.ts).
      if (!collected.unclosed) {
        const outer = describe(collected.kind, collected.id)
          .toLowerCase()
          .replace(/^(\w+)/, '`$1`');
        flag(file, misplacedDirectiveRule.say('nodeInNode', name, outer), openingOf(child));
      }
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
        flag(file, misplacedDirectiveRule.say('partMisplaced', name, where), openingOf(child));
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
      flag(file, missingTitleRule.say('link'), openingOf(child));
    }
    if (attributes.to === undefined) {
      if (!hasAttribute(child, 'to')) {
        flag(file, invalidAttributeRule.say('linkNoTarget'), openingOf(child));
      }
    } else {
      collected.links.push(edgeOf(child, 'to', attributes.to));
    }
  }
}

function readPart(child: Directive, name: PartName, collected: Collected, file: VFile, nodes: GuideNode[], readNode: ReadNode): void {
  // A pattern and an example are read as written, not as Markdown (match-parts.ts).
  if (name === 'match') return readMatch(child, collected, file);
  if (name === 'example') return readExample(child, collected, file);
  const position = child.position ?? openingOf(child)!;
  // What a part holds is content like any other: links, callouts, elements to check.
  walk(child, collected, false, file, nodes, readNode);
  if (name === 'option') {
    const attributes = readAttributes(child, TargetAttributes, file);
    const label = child.type === 'containerDirective' ? visibleText(child) : (labelText(child) ?? '');
    if (!label) {
      flag(file, missingTitleRule.say('option'), openingOf(child));
    }
    if (attributes.to === undefined && !hasAttribute(child, 'to')) {
      flag(file, invalidAttributeRule.say('optionNoTarget'), openingOf(child));
    }
    // An answer without a target still counts as an answer: `to: ''` is skipped by the graph rules.
    collected.options.push({ label, ...edgeOf(child, 'to', attributes.to ?? '', position) });
    return;
  }
  readAttributes(child, NoAttributes, file);
  if (name === 'alias') {
    const text = labelText(child);
    if (text) collected.aliases.push({ text, position });
    else flag(file, missingTitleRule.say('alias'), openingOf(child));
    return;
  }
  if (name === 'escalate') {
    if (collected.escalate) {
      flag(
        file,
        misplacedDirectiveRule.say('secondEscalate', describe(collected.kind, collected.id), collected.escalate.start.line),
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
    flag(file, misplacedDirectiveRule.say('secondPart', describe('error', collected.id), name, first), openingOf(child));
    return;
  }
  collected.seen.set(name, position.start.line);
  const text = visibleText(child);
  collected[name] = { text, position, ...(!text && child.children.length > 0 ? { onlyComments: true as const } : {}) };
}

/**
 * An edge named by a directive's attribute: at the attribute when it is written (where a fix
 * rewrites it), else at `fallback` or the opening.
 */
export function edgeOf(directive: Directive, name: 'to' | 'next', to: string, fallback?: Position): Edge {
  const own = ownAttributePlace(directive, name);
  if (own) return { to, position: own, attribute: name };
  return { to, position: fallback ?? openingOf(directive)! };
}

/** A text directive with neither label nor attributes: a colon in prose. */
function isPlainText(directive: Directive): boolean {
  return directive.type === 'textDirective' && directive.children.length === 0 && Object.keys(directive.attributes ?? {}).length === 0;
}
