/**
 * A guide's graph as text for review: Mermaid (GitHub renders it in pull requests) or
 * Graphviz DOT. Nodes carry their kind and title, edges the answer text, drafts are marked.
 * Nodes and edges keep the guide's reading order, so a change shows as a small diff.
 */
import type { Guide, GuideNode } from '../core/graph/model.ts';
import { waysOn } from '../core/graph/model.ts';

export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

function label(node: GuideNode): string {
  return `${node.kind}: ${node.title}${node.draft ? ' (draft)' : ''}`;
}

function edgeLabel(node: GuideNode, index: number): string {
  return node.kind === 'question' ? node.options[index]!.label : 'next';
}

const MERMAID_SHAPES: Record<GuideNode['kind'], [string, string]> = {
  question: ['{', '}'],
  step: ['[', ']'],
  error: ['{{', '}}'],
  instructions: ['([', '])'],
};

/** Mermaid ids: letters, digits and underscores only. */
function mermaidId(id: string): string {
  return `n_${id.replace(/-/g, '_')}`;
}

function mermaidText(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

export function toMermaid(guide: Guide): string {
  const lines = [`%% ${guide.meta?.title ?? guide.slug} (${guide.slug})`, 'flowchart TD'];
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

function dotText(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
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
