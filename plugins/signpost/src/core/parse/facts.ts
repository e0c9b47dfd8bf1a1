/**
 * The facts extraction notes while it builds a file's model (file-model.ts), for the file
 * rules to judge. A fact says what was found and where, in the model's own terms ("this
 * directive was read as `reason`", "this attribute is not in its schema"), never which rule it
 * breaks or in what words: that is each rule module's decision. Facts are noted only where
 * extraction had to decide something to build the model, or where what a rule reads is gone
 * from the tree once the model is built (the attributes as written, the place a pattern fails);
 * everything else the rules read from the tree and the nodes.
 */
import type { Nodes, Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Point, Position } from 'unist';
import type { GuideNode, NodeKind } from '../graph/model.ts';
import type { PatternFault } from '../match/pattern.ts';
import type { RegexFault } from '../match/regex.ts';
import type { Directive } from './directives.ts';
import type { ComponentName, DirectiveName, PartName } from './vocabulary.ts';

/** A node as a fact names it: its kind and id (`''` when it has none). */
export interface NodeRef {
  kind: NodeKind;
  id: string;
}

/** Where the text of a leaf directive's label starts, and that text as written. */
export interface LabelSource {
  text: string;
  start: Point;
}

/**
 * A limit of `LIMITS` (limits.ts) that the text went past, with what was measured and where.
 * Before parsing, `treeDepth` counts HTML elements open inside one another.
 */
export interface LimitBreach {
  limit:
    | 'fileBytes'
    | 'tableCells'
    | 'indentColumns'
    | 'quoteDepth'
    | 'lineContainers'
    | 'fenceColons'
    | 'directiveDepth'
    | 'treeDepth'
    | 'blockChars'
    | 'inlineMarkers'
    | 'yamlLineIndicators'
    | 'yamlBrackets';
  /** What the text holds, where the limit counts something (the indent, the depth, the bytes). */
  found?: number;
  /** The line its block of lines starts on, for limits counted per block. */
  blockLine?: number;
  place: Point;
}

/** A parser's exception, as it was thrown: its words, and where it says it stopped. */
export interface ParserStop {
  reason?: string;
  message?: string;
  line?: number;
  column?: number;
  source?: string;
  ruleId?: string;
  place?: Point | Position;
}

/** Everything extraction notes; `type` says what was found. */
export type ParseFact =
  // Parsing (load-guide.ts's `parseText`, limits.ts, nesting.ts).
  /** The text went past a limit before parsing: it was not parsed. */
  | { type: 'limit-breach'; breach: LimitBreach }
  /** The text is not valid UTF-8 from this place: it was read with the bad bytes replaced. */
  | { type: 'invalid-utf8'; place: Point }
  /** The parser threw (MDX or micromark); `stop` is what it threw. */
  | { type: 'parser-stopped'; stop: ParserStop }
  /** The parser's stack overflowed: the nesting could not be followed. */
  | { type: 'parser-overflowed' }
  /** The tree nests deeper than `LIMITS.treeDepth`: `deepest` levels, first at `place`. */
  | { type: 'tree-too-deep'; deepest: number; place: Point | undefined }
  /** A file other than `index.mdx` has frontmatter, which is not read. */
  | { type: 'stray-frontmatter'; place: Position | undefined }
  // The frontmatter of `index.mdx` (metadata.ts).
  /** `index.mdx` has no frontmatter; `unclosed` when it opens one with `---` and never closes it. */
  | { type: 'no-frontmatter'; unclosed: boolean }
  /** The frontmatter's YAML went past a limit before it was parsed. */
  | { type: 'yaml-limit-breach'; breach: LimitBreach }
  /** YAML's parser found an error (`code` as the yaml package names it). */
  | { type: 'yaml-error'; code: string; message: string; place: Position }
  /** The frontmatter's aliases expand past `LIMITS.yamlAliases`. */
  | { type: 'yaml-aliases'; place: Position }
  /** The frontmatter is YAML, but not a map of fields. */
  | { type: 'frontmatter-not-map'; place: Position }
  /** A field outside the schema (`path` joined with dots); read as `proposal` when there is one. */
  | {
      type: 'unknown-field';
      name: string;
      nested: boolean;
      proposal: string | undefined;
      fields: readonly string[];
      place: Position | undefined;
    }
  /**
   * A field the schema refuses: `missing`, or its value refused with `reason`. `scalar` is the
   * field's value when it is a plain YAML text; `keyWritten` whether the field's key is.
   */
  | {
      type: 'field-refused';
      field: string;
      missing: boolean;
      reason: string;
      place: Position;
      scalar: { value: string; place: Position } | undefined;
      keyWritten: boolean;
    }
  // Directives and attributes (attributes.ts, describe.ts).
  /** An attribute its directive's schema does not have; read as `proposal` when there is one. */
  | {
      type: 'unknown-attribute';
      directive: Directive;
      name: string;
      value: string | null | undefined;
      known: readonly string[];
      proposal: string | undefined;
    }
  /** An attribute whose value its schema refuses, for `reason` (zod's words). */
  | { type: 'refused-attribute'; directive: Directive; name: string; reason: string }
  /** A directive outside the vocabulary; read as `proposal` (of the same form) when there is one. */
  | { type: 'unknown-directive'; directive: Directive; proposal: DirectiveName | undefined; names: readonly DirectiveName[] }
  // Nodes and their content (extract.ts, node-content.ts).
  /** A block outside every node: a directive of the vocabulary, or other content. */
  | { type: 'outside-node'; node: Nodes }
  /** A node's id written with spaces (`{#Private Owner}`), read as the slug `proposal`. */
  | { type: 'spaced-id'; written: string; proposal: string; place: Position }
  /**
   * A node directive opened: its id as read (`undefined` when it has none). `nextInside` is,
   * for a node left open, the first node directive read inside it, as written (its kind, id and line).
   */
  | {
      type: 'node-opened';
      directive: ContainerDirective;
      kind: NodeKind;
      id: string | undefined;
      nextInside: { kind: NodeKind; id: string; line: number } | undefined;
    }
  /** A former id in `moved-from` left out: not a slug (or too long), reserved, or the node's own id. */
  | { type: 'former-id-refused'; former: string; fault: 'not-slug' | 'reserved' | 'own-id'; place: Position }
  /**
   * A node read to its end: the node built (its directive is `node.tree`), its label, and its
   * footnotes (calls and the ids it defines).
   */
  | {
      type: 'node-read';
      node: GuideNode;
      label: Paragraph | undefined;
      footnoteCalls: { id: string; position: Position }[];
      footnotes: ReadonlySet<string>;
    }
  /** Markdown met where MDX's policy applies; `content` when it is a node's content (its links, images, text). */
  | { type: 'markdown'; node: Nodes; content: boolean }
  /** A directive of the vocabulary written in a form it does not take (`::reason`), read as `name`. */
  | { type: 'wrong-form'; directive: Directive; name: DirectiveName }
  /** A node directive inside another node, `outer`. */
  | { type: 'nested-node'; directive: Directive; name: NodeKind; outer: NodeRef }
  /** A part of a node not where parts go: `direct` is whether it stands directly in node `in`. */
  | { type: 'misplaced-part'; directive: Directive; name: PartName; in: NodeRef; direct: boolean }
  /** A part a node has once, met again; the first was on `firstLine`. */
  | { type: 'repeated-part'; directive: Directive; name: PartName; node: NodeRef; firstLine: number }
  /** An answer read: its label as readers see it, and its target when it has a valid one. */
  | { type: 'option'; directive: Directive; label: string; to: string | undefined }
  /** An alias read, with its text. */
  | { type: 'alias'; directive: Directive; text: string | undefined }
  /** A `:link[…]{to}` read, with its target when it has a valid one. */
  | { type: 'link'; directive: Directive; to: string | undefined }
  /** A component of Signpost's set read, with its attributes as read (minus unsafe URLs). */
  | { type: 'component'; directive: Directive; name: ComponentName; attributes: Readonly<Record<string, unknown>> }
  /** A directive whose attributes may hold URLs (a component, Signpost's or the site's). */
  | { type: 'url-attributes'; directive: Directive }
  // An error card's patterns and examples (match-parts.ts).
  /** `::match` with a pattern in brackets and `regex` both. */
  | { type: 'pattern-twice'; directive: Directive }
  /** `::match` with no pattern at all. */
  | { type: 'pattern-missing'; directive: Directive }
  /** A pattern in brackets that does not parse (match/pattern.ts), `label` as written. */
  | { type: 'pattern-refused'; directive: Directive; fault: PatternFault; label: LabelSource }
  /** A `regex` that does not compile or run on RE2 (match/regex.ts); `written` is the attribute as written. */
  | { type: 'regex-refused'; directive: Directive; regex: string; fault: RegexFault; written: string }
  /** An example, with its text as readers paste it (`''` when it has none). */
  | { type: 'example'; directive: Directive; text: string };
