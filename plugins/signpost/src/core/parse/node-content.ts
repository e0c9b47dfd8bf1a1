/**
 * Reads what a node holds: its parts (answers, Reason, How to fix, aliases, escalation),
 * callouts and links. A part that does not stand where it belongs is left out of the node and
 * noted (facts.ts), for `misplaced-directive` to report; nodes nested by mistake are still read
 * (through `readNode`), so that their ids exist for the graph rules.
 */
import type { Nodes, Parent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { Edge, GuideNode, Located, NodeKind, Option } from '../graph/model.ts';
import { NoAttributes, TargetAttributes } from '../schemas/directives.ts';
import { readAttributes } from './attributes.ts';
import { unknownDirective } from './describe.ts';
import { isDirective, labelParagraph, labelText, openingOf, ownAttributePlace, type Directive } from './directives.ts';
import { note } from './file-model.ts';
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
      note(file, { type: 'markdown', node: child, content: true });
      readReferences(child, collected);
      if ('children' in child) walk(child, collected, false, file, nodes, readNode);
      continue;
    }
    const siteSchema = child.name && collected.components.get(child.name);
    if (siteSchema) {
      // A site's component: its attributes checked against the site's schema, its content like any other.
      readAttributes(child, siteSchema, file);
      note(file, { type: 'url-attributes', directive: child });
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
      note(file, { type: 'wrong-form', directive: child, name });
      // `::reason[Why]` is still the card's Reason, so it is not also reported as missing.
      if (isPartDirective(name) && direct && PART_PARENTS[name].includes(collected.kind)) {
        readPart(child, name, collected, file, nodes, readNode);
      }
      continue;
    }
    if (isNodeDirective(name)) {
      // A node left open, whose closing fence is missing, is reported once, at that node (extract.ts).
      if (!collected.unclosed)
        note(file, { type: 'nested-node', directive: child, name, outer: { kind: collected.kind, id: collected.id } });
      readNode(child as ContainerDirective, name, file, nodes);
      continue;
    }
    if (isPartDirective(name)) {
      const parents = PART_PARENTS[name];
      if (!direct || !parents.includes(collected.kind)) {
        note(file, { type: 'misplaced-part', directive: child, name, in: { kind: collected.kind, id: collected.id }, direct });
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
    note(file, { type: 'link', directive: child, to: attributes.to });
    if (attributes.to !== undefined) collected.links.push(edgeOf(child, 'to', attributes.to));
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
    note(file, { type: 'option', directive: child, label, to: attributes.to });
    // An answer without a target still counts as an answer: `to: ''` is skipped by the graph rules.
    collected.options.push({ label, ...edgeOf(child, 'to', attributes.to ?? '', position) });
    return;
  }
  readAttributes(child, NoAttributes, file);
  if (name === 'alias') {
    const text = labelText(child);
    note(file, { type: 'alias', directive: child, text });
    if (text) collected.aliases.push({ text, position });
    return;
  }
  if (name === 'escalate') {
    if (collected.escalate) {
      note(file, {
        type: 'repeated-part',
        directive: child,
        name,
        node: { kind: collected.kind, id: collected.id },
        firstLine: collected.escalate.start.line,
      });
      return;
    }
    collected.escalate = openingOf(child) ?? position;
    collected.escalateText = visibleText(child);
    return;
  }
  const first = collected.seen.get(name);
  if (first !== undefined) {
    note(file, { type: 'repeated-part', directive: child, name, node: { kind: collected.kind, id: collected.id }, firstLine: first });
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
