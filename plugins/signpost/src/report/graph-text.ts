/**
 * A guide's graph as text for review: Mermaid (GitHub renders it in pull requests) or
 * Graphviz DOT. Nodes carry their kind and title, edges the answer text, drafts are marked.
 * Nodes and edges keep the guide's reading order, so a change shows as a small diff.
 */
import type { Guide, GuideNode } from '../core/graph/model.ts';
import { waysOn } from '../core/graph/model.ts';
import { oneLine } from './visible-text.ts';

export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export function label(node: GuideNode): string {
  return `${node.kind}: ${node.title}${node.draft ? ' (draft)' : ''}`;
}

function edgeLabel(node: GuideNode, index: number): string {
  return node.kind === 'question' ? node.options[index]!.label : 'next';
}

export const MERMAID_SHAPES: Record<GuideNode['kind'], [string, string]> = {
  question: ['{', '}'],
  step: ['[', ']'],
  error: ['{{', '}}'],
  instructions: ['([', '])'],
};

/**
 * Mermaid ids: letters, digits and underscores only. A slug's `-` becomes `_`; anything else
 * (the ids of a guide with `invalid-id` errors are printed too) becomes `_<hex>_`, after a `_`
 * of its own so that it cannot meet a slug's.
 */
export function mermaidId(id: string): string {
  return `n_${id.replace(/-/g, '_').replace(/[^a-z0-9_]/gi, (char) => `__${char.codePointAt(0)!.toString(16)}_`)}`;
}

/** The entity codes of what a label may not hold as it is (`mermaidText`). */
const MERMAID_CODES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '%': '#37;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
};

/**
 * A quoted Mermaid label: on one line, controls shown as `\u001b`, and `"`, `#` (which starts
 * Mermaid's entity codes), `%`, `<`, `>` and `&` as entity codes, so nothing a writer wrote
 * ends the label, forms a `%%{init: …}%%` directive (which Mermaid reads anywhere in the text:
 * it can set `securityLevel` or a theme's CSS), or reaches the label's HTML as a tag or a
 * character reference: the label shows as written whatever Mermaid's own cleaning lets by.
 */
export function mermaidText(text: string): string {
  return `"${oneLine(text).replace(/[#"%<>&]/g, (char) => MERMAID_CODES[char]!)}"`;
}

/**
 * A `%%` comment line of Mermaid: the text on one line with no two `%` side by side, so a
 * title cannot hold a directive (`%%{init: …}%%`) and still reads as written.
 */
export function mermaidComment(text: string): string {
  return `%% ${oneLine(text).replace(/%(?=%)/g, '% ')}`;
}

export function toMermaid(guide: Guide): string {
  const lines = [mermaidComment(`${guide.meta?.title ?? guide.slug} (${guide.slug})`), 'flowchart TD'];
  for (const node of guide.nodes) {
    const [open, close] = MERMAID_SHAPES[node.kind];
    lines.push(`  ${mermaidId(node.id)}${open}${mermaidText(label(node))}${close}`);
  }
  for (const node of guide.nodes) {
    waysOn(node).forEach((edge, index) => {
      if (!edge.to) return;
      lines.push(`  ${mermaidId(node.id)} -->|${mermaidText(edgeLabel(node, index))}| ${mermaidId(edge.to)}`);
    });
  }
  const drafts = guide.nodes.filter((node) => node.draft);
  if (drafts.length > 0) {
    lines.push('  classDef draft stroke-dasharray: 5 5');
    lines.push(`  class ${drafts.map((node) => mermaidId(node.id)).join(',')} draft`);
  }
  return `${lines.join('\n')}\n`;
}

const DOT_SHAPES: Record<GuideNode['kind'], [shape: string, style: string[]]> = {
  question: ['diamond', []],
  step: ['box', []],
  error: ['hexagon', []],
  instructions: ['box', ['rounded']],
};

/** A quoted DOT string: on one line, controls shown as `\u001b`, and `\` and `"` escaped. */
function dotText(text: string): string {
  return `"${oneLine(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function toDot(guide: Guide): string {
  const lines = [`digraph ${dotText(guide.slug)} {`, `  label=${dotText(guide.meta?.title ?? guide.slug)};`, '  rankdir=TB;'];
  for (const node of guide.nodes) {
    const [shape, base] = DOT_SHAPES[node.kind];
    const styles = node.draft ? [...base, 'dashed'] : base;
    const style = styles.length > 0 ? `, style=${dotText(styles.join(','))}` : '';
    lines.push(`  ${dotText(node.id)} [label=${dotText(label(node))}, shape=${shape}${style}];`);
  }
  for (const node of guide.nodes) {
    waysOn(node).forEach((edge, index) => {
      if (!edge.to) return;
      lines.push(`  ${dotText(node.id)} -> ${dotText(edge.to)} [label=${dotText(edgeLabel(node, index))}];`);
    });
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function graphText(guides: Guide[], format: GraphFormat): string {
  return guides.map((guide) => (format === 'mermaid' ? toMermaid(guide) : toDot(guide))).join('\n');
}
