/**
 * The map of a guide: its graph laid out at build time by ELK's layered algorithm and drawn as
 * SVG. Each node is a link to its page, coloured and shaped by kind, drafts dashed; each edge
 * carries its answer. No script runs in the reader's browser.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { waysOn } from '../core/graph/model.ts';
import type { NodeView, PageGuide, SitePaths } from './site-model.ts';

/** Rough text metrics of the map's font (system-ui at 13px): enough for layout. */
const CHAR_WIDTH = 7.1;
const LINE_HEIGHT = 17;
const PADDING = 12;
const MAX_CHARS = 26;
const LABEL_CHARS = 22;

/**
 * ELK's layered layout draws the clearest maps, but its time grows much faster than the graph
 * (here: 1.5 s for 100 nodes, 180 s for 1,000). Past this size the map uses ELK's tree layout
 * (1 s for 1,000 nodes, 23 s for 5,000): guides are mostly trees, the other paths are still drawn.
 */
export const LAYERED_MAX_NODES = 300;

const TREE_LAYOUT = {
  'elk.algorithm': 'mrtree',
  'elk.direction': 'DOWN',
  'elk.spacing.nodeNode': '28',
  'elk.mrtree.weighting': 'MODEL_ORDER',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
  'elk.randomSeed': '1',
};

/** Past this many nodes in one layer from the start, the map is laid out left to right. */
const WIDE_LAYER = 8;

/** The most nodes at one distance from the start (the fewest answers that reach them). */
function widestLayer(guide: PageGuide): number {
  const counts = new Map<number, number>();
  for (const page of guide.nodes) counts.set(page.depth, (counts.get(page.depth) ?? 0) + 1);
  return Math.max(...counts.values());
}

/** Breaks text into lines of at most `max` characters, at spaces where possible. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest.length > 0;) {
      const room = line ? max - line.length - 1 : max;
      if (rest.length <= room) {
        line = line ? `${line} ${rest}` : rest;
        rest = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, max));
        rest = rest.slice(max);
      }
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Box {
  node: NodeView;
  lines: string[];
  width: number;
  height: number;
}

function box(node: NodeView, kindLabel: string): Box {
  const lines = wrap(node.title, MAX_CHARS);
  const longest = Math.max(...lines.map((line) => line.length), kindLabel.length + 6);
  return { node, lines, width: Math.ceil(longest * CHAR_WIDTH + 2 * PADDING), height: (lines.length + 1) * LINE_HEIGHT + 2 * PADDING };
}

/** The map of a guide as an SVG element (a string of markup). */
export async function renderMap(guide: PageGuide, paths: SitePaths): Promise<string> {
  const strings = guide.strings;
  const boxes = new Map(guide.nodes.map((page) => [page.node.id, box(page.node, strings.kind[page.node.kind])]));
  const edges: ElkExtendedEdge[] = [];
  for (const { node } of guide.nodes) {
    waysOn(node).forEach((edge, index) => {
      if (!boxes.has(edge.to)) return;
      const text = node.kind === 'question' ? node.options[index]!.label : strings.continue;
      const lines = wrap(text, LABEL_CHARS);
      edges.push({
        id: `${node.id}>${index}`,
        sources: [node.id],
        targets: [edge.to],
        labels: [
          {
            text,
            width: Math.ceil(Math.max(...lines.map((line) => line.length)) * CHAR_WIDTH * 0.92 + 8),
            height: lines.length * LINE_HEIGHT * 0.9 + 4,
          },
        ],
      });
    });
  }
  // A guide with many answers side by side reads better left to right: the map then grows
  // down the page, where readers scroll anyway, instead of thousands of pixels sideways.
  const direction = widestLayer(guide) > WIDE_LAYER ? 'RIGHT' : 'DOWN';
  const graph: ElkNode = {
    id: 'root',
    layoutOptions:
      guide.nodes.length > LAYERED_MAX_NODES
        ? { ...TREE_LAYOUT, 'elk.direction': direction }
        : {
            'elk.algorithm': 'layered',
            'elk.direction': direction,
            'elk.edgeRouting': 'ORTHOGONAL',
            'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
            'elk.layered.spacing.nodeNodeBetweenLayers': '56',
            'elk.spacing.nodeNode': '28',
            'elk.spacing.edgeLabel': '4',
            'elk.edgeLabels.placement': 'CENTER',
            'elk.layered.edgeLabels.sideSelection': 'ALWAYS_DOWN',
            'elk.padding': '[top=16,left=16,bottom=16,right=16]',
            'elk.randomSeed': '1',
            // Keep answers in the order the writer gave them, left to right.
            'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
          },
    children: [...boxes.values()].map(({ node, width, height }) => ({ id: node.id, width, height })),
    edges,
  };
  const laid = await new ELK().layout(graph);

  const parts: string[] = [];
  for (const edge of laid.edges ?? []) {
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      parts.push(
        `<path class="map-edge" d="M${points.map((p) => `${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' L')}" marker-end="url(#map-arrow)"/>`,
      );
    }
    for (const label of edge.labels ?? []) {
      const lines = wrap(label.text ?? '', LABEL_CHARS);
      const x = (label.x ?? 0) + (label.width ?? 0) / 2;
      parts.push(
        `<g class="map-label"><rect x="${(label.x ?? 0).toFixed(1)}" y="${(label.y ?? 0).toFixed(1)}" width="${(label.width ?? 0).toFixed(1)}" height="${(label.height ?? 0).toFixed(1)}" rx="4"/>` +
          lines
            .map(
              (line, i) =>
                `<text x="${x.toFixed(1)}" y="${((label.y ?? 0) + 2 + (i + 0.75) * LINE_HEIGHT * 0.9).toFixed(1)}">${escape(line)}</text>`,
            )
            .join('') +
          '</g>',
      );
    }
  }
  for (const child of laid.children ?? []) {
    const { node, lines } = boxes.get(child.id)!;
    const x = child.x ?? 0;
    const y = child.y ?? 0;
    const width = child.width ?? 0;
    const height = child.height ?? 0;
    const kind = strings.kind[node.kind] + (node.draft ? ` · ${strings.draft}` : '');
    parts.push(
      `<a class="map-node map-${node.kind}${node.draft ? ' map-draft' : ''}${node.id === guide.meta.start ? ' map-start' : ''}" href="${escape(paths.node(guide.slug, node.id))}">` +
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}" rx="${node.kind === 'instructions' ? 18 : node.kind === 'question' ? 10 : 3}"/>` +
        `<text class="map-kind" x="${(x + PADDING).toFixed(1)}" y="${(y + PADDING + LINE_HEIGHT * 0.75).toFixed(1)}">${escape(kind)}</text>` +
        lines
          .map(
            (line, i) =>
              `<text x="${(x + PADDING).toFixed(1)}" y="${(y + PADDING + (i + 1.75) * LINE_HEIGHT).toFixed(1)}">${escape(line)}</text>`,
          )
          .join('') +
        '</a>',
    );
  }
  const width = Math.ceil(laid.width ?? 0);
  const height = Math.ceil(laid.height ?? 0);
  return (
    `<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-label="${escape(guide.meta.title)}">` +
    '<defs><marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="map-arrowhead"/></marker></defs>' +
    parts.join('') +
    '</svg>'
  );
}
