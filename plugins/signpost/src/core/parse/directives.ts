/**
 * Small accessors over remark-directive's nodes: positions of openings and attributes,
 * labels, and a type guard.
 */
import type { Nodes, Paragraph } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import type { NodePlaces } from '../graph/model.ts';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

export function isDirective(node: Nodes): node is Directive {
  return node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective';
}

/** The opening `:::name[label]{attributes}`, or the whole directive when that is unknown. */
export function openingOf(directive: Directive): Position | undefined {
  return directive.data?.position?.opening ?? directive.position;
}

/** Where an attribute is written (`id` for `#id`), falling back to the opening. */
export function attributePlace(directive: Directive, name: string): Position | undefined {
  const places = directive.data?.position?.attributes;
  return (places && Object.hasOwn(places, name) ? places[name] : undefined) ?? openingOf(directive);
}

/** Where an attribute is written, only when it is (no fallback). */
export function ownAttributePlace(directive: Directive, name: string): Position | undefined {
  const places = directive.data?.position?.attributes;
  return places && Object.hasOwn(places, name) ? places[name] : undefined;
}

/** A container's `[label]` paragraph, which remark-directive puts first among its children. */
export function labelParagraph(directive: ContainerDirective): Paragraph | undefined {
  const first = directive.children[0];
  return first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
}

/** Whether a directive has an attribute of this name (`{draft}` has `draft`, with value `''`). */
export function hasAttribute(directive: Directive, name: string): boolean {
  return directive.attributes != null && Object.hasOwn(directive.attributes, name);
}

/** The plain text of a directive's label: `Answer` in `::option[Answer]`. */
export function labelText(directive: Directive): string | undefined {
  if (directive.type === 'containerDirective') {
    const label = labelParagraph(directive);
    return label ? toString(label).trim() : undefined;
  }
  return directive.children.length > 0 ? toString(directive).trim() : undefined;
}

/** How a writer would call each form of directive, for messages. */
export const FORM_NAMES: Record<Directive['type'], string> = {
  containerDirective: 'container directive (`:::`)',
  leafDirective: 'leaf directive (`::`)',
  textDirective: 'text directive (`:`)',
};

/** Where a node's opening, id and title are written, for the graph rules (model.ts `NodePlaces`). */
export function nodePlaces(directive: Directive): NodePlaces {
  const opening = openingOf(directive) ?? directive.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  const title = ownAttributePlace(directive, 'title');
  return { opening, id: attributePlace(directive, 'id') ?? opening, ...(title ? { title } : {}) };
}
