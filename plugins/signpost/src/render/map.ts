/**
 * The maps of a guide, drawn at build time as SVG: each node a link to its page, coloured and
 * shaped by kind, drafts dashed; each answer a line with its label. Which nodes each map holds
 * is map-plan.ts's choice, where they go is map-layout.ts's; both are linear in the guide, so
 * no guide can stall a build here. No script runs in the reader's browser.
 */
import type { NodeView, PageGuide, SitePaths } from './site-model.ts';
import { planMaps, type MapPlan, type MapTarget } from './map-plan.ts';
import { layoutTree, type TreeItem } from './map-layout.ts';

/** Rough text metrics of the map's font (system-ui at 13px): enough for layout. */
const CHAR_WIDTH = 7.1;
const LINE_HEIGHT = 17;
const PADDING = 12;
const MAX_CHARS = 26;
const TITLE_LINES = 4;
const LABEL_CHARS = 22;
const LABEL_LINES = 3;
const LABEL_LINE = LINE_HEIGHT * 0.9;
const REF_CHARS = 30;
const MARGIN = 16;

/** Past this many boxes side by side, a map is laid out left to right: it then grows down the page. */
const WIDE_LEVEL = 6;

/** One map of a guide, as the pages show it. */
export interface GuideMap {
  /** The node it starts from: the guide's start for the first map. */
  root: string;
  /** The map it is a branch of, by its root. */
  parent: string | undefined;
  /** The nodes it draws in full, in the guide's reading order. */
  nodes: string[];
  /** How many nodes it and the maps of its branches draw. */
  size: number;
  /** The picture: an SVG element. */
  svg: string;
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

/** At most `count` lines, the last ending in `…` when text was left out. */
function clip(lines: string[], count: number, max: number): string[] {
  if (lines.length <= count) return lines;
  const last = lines[count - 1]!;
  return [...lines.slice(0, count - 1), `${last.slice(0, max - 1).trimEnd()}…`];
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const px = (value: number): string => value.toFixed(1);

interface Box {
  /** What the box draws: a node, a branch's map, or a reference to a node drawn elsewhere. */
  type: MapTarget['type'];
  node: NodeView;
  lines: string[];
  width: number;
  height: number;
  /** The answer leading here from the box's parent, wrapped. */
  label: string[] | undefined;
  labelWidth: number;
  labelHeight: number;
  children: number[];
}

/** Every map of a guide, the start's first. */
export function renderMaps(guide: PageGuide, paths: SitePaths): GuideMap[] {
  const views = guide.nodes.map((page) => page.node);
  const byId = new Map(views.map((node) => [node.id, node]));
  const plans = planMaps(views, guide.meta.start, guide.strings.continue);
  const size = new Map<string, number>();
  for (const plan of plans.toReversed()) {
    size.set(plan.root, (size.get(plan.root) ?? 0) + plan.nodes.length);
    if (plan.parent !== undefined) size.set(plan.parent, (size.get(plan.parent) ?? 0) + size.get(plan.root)!);
  }
  const rank = new Map(views.map((node, index) => [node.id, index]));
  return plans.map((plan) => ({
    root: plan.root,
    parent: plan.parent,
    nodes: plan.nodes.toSorted((a, b) => rank.get(a)! - rank.get(b)!),
    size: size.get(plan.root)!,
    svg: drawMap(plan, byId, size, guide, paths),
  }));
}

function drawMap(plan: MapPlan, byId: Map<string, NodeView>, size: Map<string, number>, guide: PageGuide, paths: SitePaths): string {
  const { strings } = guide;
  const boxes: Box[] = [];
  const add = (type: Box['type'], node: NodeView, label: string | undefined): number => {
    const kindLine = strings.kind[node.kind] + (node.draft ? ` · ${strings.draft}` : '');
    let lines: string[];
    let width: number;
    let height: number;
    if (type === 'ref') {
      lines = clip(wrap(node.title, REF_CHARS), 1, REF_CHARS);
      width = Math.ceil((lines[0]!.length + 2) * CHAR_WIDTH + 2 * PADDING * 0.75);
      height = LINE_HEIGHT + PADDING * 1.5;
    } else {
      lines = clip(wrap(node.title, MAX_CHARS), TITLE_LINES, MAX_CHARS);
      const count = size.get(node.id) ?? 1;
      const more = count === 1 ? strings.mapBranchOne : strings.mapBranchSize.replace('{count}', count.toLocaleString(guide.meta.lang));
      lines = type === 'branch' ? [...lines, more] : lines;
      // The last line of a branch is bold: wider.
      const longest = Math.max(...lines.map((line) => line.length), kindLine.length + 6, type === 'branch' ? more.length * 1.12 : 0);
      width = Math.ceil(longest * CHAR_WIDTH + 2 * PADDING);
      height = (lines.length + 1) * LINE_HEIGHT + 2 * PADDING;
    }
    const wrapped = label === undefined ? undefined : clip(wrap(label, LABEL_CHARS), LABEL_LINES, LABEL_CHARS);
    boxes.push({
      type,
      node,
      lines,
      width,
      height,
      label: wrapped,
      labelWidth: wrapped ? Math.ceil(Math.max(...wrapped.map((line) => line.length)) * CHAR_WIDTH * 0.92 + 8) : 0,
      labelHeight: wrapped ? wrapped.length * LABEL_LINE + 4 : 0,
      children: [],
    });
    return boxes.length - 1;
  };
  // Breadth first, as planned: every child's box comes after its parent's.
  const boxOf = new Map([[plan.root, add('node', byId.get(plan.root)!, undefined)]]);
  for (const id of plan.nodes) {
    const parent = boxes[boxOf.get(id)!]!;
    for (const { label, target } of plan.targets.get(id) ?? []) {
      const index = add(target.type, byId.get(target.id)!, label);
      if (target.type === 'node') boxOf.set(target.id, index);
      parent.children.push(index);
    }
  }

  const right = widestLevel(boxes) > WIDE_LEVEL;
  // Between two levels, room for the labels of the answers leading to the second.
  const labelRoom: number[] = [];
  const level = levelsOf(boxes);
  boxes.forEach((box, index) => {
    const before = level[index]! - 1;
    if (before >= 0) labelRoom[before] = Math.max(labelRoom[before] ?? 0, right ? box.labelWidth : box.labelHeight);
  });
  const items: TreeItem[] = boxes.map((box) =>
    right
      ? { depth: box.width, across: Math.max(box.height, box.labelHeight + 6), children: box.children }
      : { depth: box.height, across: Math.max(box.width, box.labelWidth + 8), children: box.children },
  );
  // Left to right, each node level with its first answer: the map reads down from its top left
  // corner like an outline, and a phone opens on its first node.
  const layout = right
    ? layoutTree(items, (index) => (labelRoom[index] ?? 0) + 48, 14, 'first')
    : layoutTree(items, (index) => (labelRoom[index] ?? 0) + 40, 24);
  const place = boxes.map((box, index) => {
    const depth = MARGIN + layout.levelStart[layout.level[index]!]!;
    const across = MARGIN + layout.centre[index]!;
    return right ? { x: depth, y: across - box.height / 2 } : { x: across - box.width / 2, y: depth };
  });

  const edges: string[] = [];
  const labels: string[] = [];
  boxes.forEach((box, index) => {
    const from = place[index]!;
    const own = layout.level[index]!;
    const bus = MARGIN + layout.levelStart[own]! + layout.levelSize[own]! + 16;
    for (const child of box.children) {
      const to = place[child]!;
      const target = boxes[child]!;
      let d: string;
      let label: { x: number; y: number };
      if (right) {
        const y = to.y + target.height / 2;
        d = `M${px(from.x + box.width)} ${px(from.y + box.height / 2)} H${px(bus)} V${px(y)} H${px(to.x)}`;
        label = { x: to.x - 12 - target.labelWidth, y: y - target.labelHeight / 2 };
      } else {
        const x = to.x + target.width / 2;
        d = `M${px(from.x + box.width / 2)} ${px(from.y + box.height)} V${px(bus)} H${px(x)} V${px(to.y)}`;
        label = { x: x - target.labelWidth / 2, y: to.y - 10 - target.labelHeight };
      }
      edges.push(`<path class="map-edge" d="${d}" marker-end="url(#map-arrow)"/>`);
      if (!target.label) continue;
      const middle = label.x + target.labelWidth / 2;
      labels.push(
        `<g class="map-label"><rect x="${px(label.x)}" y="${px(label.y)}" width="${px(target.labelWidth)}" height="${px(target.labelHeight)}" rx="4"/>` +
          target.label
            .map((line, i) => `<text x="${px(middle)}" y="${px(label.y + 2 + (i + 0.75) * LABEL_LINE)}">${escape(line)}</text>`)
            .join('') +
          '</g>',
      );
    }
  });

  const shapes = boxes.map((box, index) => drawBox(box, place[index]!, guide, paths, box.node.id === plan.root));
  const width = Math.ceil(2 * MARGIN + (right ? layout.depthExtent : layout.acrossExtent));
  const height = Math.ceil(2 * MARGIN + (right ? layout.acrossExtent : layout.depthExtent));
  return (
    `<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-label="${escape(guide.meta.title)}">` +
    '<defs><marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="map-arrowhead"/></marker></defs>' +
    edges.join('') +
    labels.join('') +
    shapes.join('') +
    '</svg>'
  );
}

function drawBox(box: Box, { x, y }: { x: number; y: number }, guide: PageGuide, paths: SitePaths, isRoot: boolean): string {
  const { node } = box;
  const { strings } = guide;
  const kind = `map-${node.kind}${node.draft ? ' map-draft' : ''}`;
  const rx = node.kind === 'instructions' ? 18 : node.kind === 'question' ? 10 : 3;
  if (box.type === 'ref') {
    // A node drawn elsewhere: a small tag with its title, leading to its page.
    return (
      `<a class="map-ref ${kind}" href="${escape(paths.node(guide.slug, node.id))}">` +
      `<rect x="${px(x)}" y="${px(y)}" width="${px(box.width)}" height="${px(box.height)}" rx="${Math.min(rx, 8)}"/>` +
      `<text x="${px(x + PADDING * 0.75)}" y="${px(y + PADDING * 0.75 + LINE_HEIGHT * 0.75)}"><tspan aria-hidden="true">↪ </tspan>${escape(box.lines[0]!)}</text>` +
      '</a>'
    );
  }
  const start = node.id === guide.meta.start;
  const classes =
    box.type === 'branch' ? `map-branch ${kind}` : `map-node ${kind}${start ? ' map-start' : ''}${isRoot && !start ? ' map-root' : ''}`;
  const href = box.type === 'branch' ? paths.mapOf(guide.slug, node.id) : paths.node(guide.slug, node.id);
  const label = strings.kind[node.kind] + (node.draft ? ` · ${strings.draft}` : '');
  // A branch is a stack of cards: its own map holds more.
  const behind =
    box.type === 'branch'
      ? `<rect class="map-stack" x="${px(x + 5)}" y="${px(y + 5)}" width="${px(box.width)}" height="${px(box.height)}" rx="${rx}"/>`
      : '';
  return (
    `<a class="${classes}" href="${escape(href)}">` +
    behind +
    `<rect x="${px(x)}" y="${px(y)}" width="${px(box.width)}" height="${px(box.height)}" rx="${rx}"/>` +
    `<text class="map-kind" x="${px(x + PADDING)}" y="${px(y + PADDING + LINE_HEIGHT * 0.75)}">${escape(label)}</text>` +
    box.lines
      .map(
        (line, i) =>
          `<text${box.type === 'branch' && i === box.lines.length - 1 ? ' class="map-more"' : ''} x="${px(x + PADDING)}" y="${px(y + PADDING + (i + 1.75) * LINE_HEIGHT)}">${escape(line)}</text>`,
      )
      .join('') +
    '</a>'
  );
}

/** Each box's level in the map's tree (its parent's comes first). */
function levelsOf(boxes: Box[]): number[] {
  const level = Array.from({ length: boxes.length }, () => 0);
  boxes.forEach((box, index) => {
    for (const child of box.children) level[child] = level[index]! + 1;
  });
  return level;
}

/** The most boxes on one level of the map's tree. */
function widestLevel(boxes: Box[]): number {
  const counts: number[] = [];
  for (const each of levelsOf(boxes)) counts[each] = (counts[each] ?? 0) + 1;
  return counts.reduce((most, count) => Math.max(most, count), 0);
}
