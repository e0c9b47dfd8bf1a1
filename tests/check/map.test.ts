/**
 * The map, alone: which nodes each map of a guide draws (every node in full on exactly one
 * map, every answer once, each map within its budget, whatever the guide's shape), and where
 * the tidy tree puts the boxes (nothing overlaps, children in order, beside their parent).
 * The built map pages are tested in tests/site, their speed in `npm run bench`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersOf, oneWayPerTarget, MAP_BOXES, planMaps, type MapPlan } from '../../plugins/signpost/src/render/map-plan.ts';
import { layoutTree, type TreeItem } from '../../plugins/signpost/src/render/map-layout.ts';
import { renderMaps } from '../../plugins/signpost/src/render/map.ts';
import { SitePaths, type NodeView, type PageGuide } from '../../plugins/signpost/src/render/site-model.ts';
import { stringsFor } from '../../plugins/signpost/src/render/strings.ts';
import { random } from '../../bench/generate.ts';

const base = { draft: false, movedFrom: [] };
const question = (id: string, targets: string[]): NodeView => ({
  ...base,
  id,
  kind: 'question',
  title: `Question ${id}`,
  prompt: 'Which?',
  options: targets.map((to, index) => ({ label: `Answer ${index}`, to })),
});
const step = (id: string, to: string): NodeView => ({ ...base, id, kind: 'step', title: `Step ${id}`, next: { to } });
const outcome = (id: string): NodeView => ({ ...base, id, kind: 'instructions', title: `Solution ${id}` });

/** A guide of questions with 2 to 5 answers, steps and outcomes, some outcomes reached several ways. */
function tree(size: number, seed: number): NodeView[] {
  const next = random(seed);
  const nodes: NodeView[] = [];
  const outcomes: string[] = [];
  let made = 1;
  const pending = ['n0'];
  while (pending.length > 0) {
    const id = pending.shift()!;
    const room = size - made;
    if (room >= 2 && (pending.length === 0 || next() < 0.6)) {
      const targets = Array.from({ length: Math.min(2 + Math.floor(next() * 4), room) }, (_, index) =>
        index > 0 && outcomes.length > 0 && next() < 0.15 ? outcomes[Math.floor(next() * outcomes.length)]! : `n${made++}`,
      );
      pending.push(...targets.filter((target) => !outcomes.includes(target)));
      nodes.push(question(id, targets));
    } else if (room >= 1 && next() < 0.3) {
      const to = `n${made++}`;
      pending.push(to);
      nodes.push(step(id, to));
    } else {
      outcomes.push(id);
      nodes.push(outcome(id));
    }
  }
  return nodes;
}

/** 40 questions of `answers` answers each and 100 outcomes, every node reached many ways (bench/generate.ts's dense guide). */
function dense(answers: number): NodeView[] {
  const targets = [...Array.from({ length: 39 }, (_, index) => `q${index + 1}`), ...Array.from({ length: 100 }, (_, index) => `o${index}`)];
  return [
    ...Array.from({ length: 40 }, (_, index) => {
      const own: string[] = [];
      for (let slot = index * answers; own.length < answers; slot++) {
        const target = targets[slot % targets.length]!;
        if (target !== `q${index}`) own.push(target);
      }
      return question(`q${index}`, own);
    }),
    ...Array.from({ length: 100 }, (_, index) => outcome(`o${index}`)),
  ];
}

/** The promises every plan keeps, for any guide. */
function expectSound(nodes: NodeView[], start: string, plans: MapPlan[]): void {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  // Every node in full on exactly one map.
  expect(plans.flatMap((plan) => plan.nodes).toSorted()).toEqual(nodes.map((node) => node.id).toSorted());
  expect(plans[0]!.root).toBe(start);
  const roots = new Set(plans.map((plan) => plan.root));
  for (const plan of plans) {
    expect(plan.nodes[0]).toBe(plan.root);
    if (plan !== plans[0]) expect(roots.has(plan.parent!)).toBe(true);
    // A node without answers costs its map nothing: it never has a map of its own.
    if (plan !== plans[0]) expect(plan.targets.get(plan.root)!.length, plan.root).toBeGreaterThan(0);
    let boxes = 1;
    for (const id of plan.nodes) {
      const targets = plan.targets.get(id)!;
      // Every answer once, in order, to the node it names; the answers to one node as one way.
      expect(targets.map(({ label, target }) => [label, target.id])).toEqual(
        oneWayPerTarget(answersOf(byId.get(id)!, 'Continue')).map((way) => [way.label, way.to]),
      );
      boxes += targets.length;
      for (const { target } of targets) {
        if (target.type === 'node') expect(plan.nodes).toContain(target.id);
        if (target.type === 'branch') expect(plans.find((other) => other.root === target.id)?.parent).toBe(plan.root);
      }
    }
    // Within the budget, or the root and its answers alone.
    expect(boxes).toBeLessThanOrEqual(Math.max(MAP_BOXES, 1 + plan.targets.get(plan.root)!.length));
  }
}

describe('the maps of a guide', () => {
  it('draw a small guide on one map, each node reached several ways once and referred to from the other answers', () => {
    const nodes = [question('a', ['b', 'c']), step('b', 'c'), outcome('c')];
    const plans = planMaps(nodes, 'a', 'Continue');
    expect(plans).toHaveLength(1);
    expect(plans[0]!.nodes).toEqual(['a', 'b', 'c']);
    expect(plans[0]!.targets.get('b')).toEqual([{ label: 'Continue', target: { type: 'ref', id: 'c' } }]);
    expectSound(nodes, 'a', plans);
  });

  it('draw several answers to one node as one arrow, labelled with each answer, where the first stands', () => {
    const nodes = [question('a', ['b', 'c', 'b', 'b']), outcome('b'), outcome('c')];
    const [plan] = planMaps(nodes, 'a', 'Continue');
    expect(plan!.targets.get('a')).toEqual([
      { label: 'Answer 0 / Answer 2 / Answer 3', target: { type: 'node', id: 'b' } },
      { label: 'Answer 1', target: { type: 'node', id: 'c' } },
    ]);
    expectSound(nodes, 'a', [plan!]);
  });

  it('split a large guide into maps within the budget, each node drawn once', () => {
    for (const size of [400, 1000, 10_000]) {
      const nodes = tree(size, size);
      const plans = planMaps(nodes, 'n0', 'Continue');
      expect(plans.length).toBeGreaterThan(size / MAP_BOXES);
      expectSound(nodes, 'n0', plans);
    }
  });

  it('bound the dense guides and a chain of 10,000 steps, whose every node has a map of its own or shares one', () => {
    for (const answers of [10, 25, 100]) expectSound(dense(answers), 'q0', planMaps(dense(answers), 'q0', 'Continue'));
    // A question of 100 answers to outcomes is one map, however far past the budget.
    const wide = [
      question(
        'q',
        Array.from({ length: 100 }, (_, index) => `o${index}`),
      ),
      ...Array.from({ length: 100 }, (_, index) => outcome(`o${index}`)),
    ];
    expect(planMaps(wide, 'q', 'Continue')).toHaveLength(1);
    const chain = [...Array.from({ length: 9999 }, (_, index) => step(`s${index}`, `s${index + 1}`)), outcome('s9999')];
    const plans = planMaps(chain, 's0', 'Continue');
    expectSound(chain, 's0', plans);
    expect(plans).toHaveLength(Math.ceil(10_000 / (MAP_BOXES - 1)));
  });

  it('are drawn as SVG links to every node, branch and reference, the same each time', () => {
    const nodes = dense(25);
    const guide = {
      slug: 'dense',
      meta: { title: 'Dense', start: 'q0', lang: 'en' },
      strings: stringsFor('en'),
      nodes: nodes.map((node) => ({ node })),
    } as unknown as PageGuide;
    const maps = renderMaps(guide, new SitePaths('/help/'));
    expect(renderMaps(guide, new SitePaths('/help/'))).toEqual(maps);
    const links = (svg: string, kind: string) =>
      [...svg.matchAll(new RegExp(`<a class="${kind}[^"]*" href="([^"]+)"`, 'g'))].map((match) => match[1]);
    expect(maps.flatMap((map) => links(map.svg, 'map-node')).toSorted()).toEqual(nodes.map((node) => `/help/dense/${node.id}/`).toSorted());
    expect(maps.flatMap((map) => links(map.svg, 'map-branch')).toSorted()).toEqual(
      maps
        .slice(1)
        .map((map) => `/help/dense/map/${map.root}/`)
        .toSorted(),
    );
    // One line per answer, each to a node, a branch or a reference.
    const answers = nodes.reduce((sum, node) => sum + answersOf(node, 'Continue').length, 0);
    expect(maps.reduce((sum, map) => sum + (map.svg.match(/class="map-edge"/g)?.length ?? 0), 0)).toBe(answers);
    expect(maps[0]!.size).toBe(nodes.length);
  });
});

describe('the tidy tree', () => {
  /** A random tree: each item's parent is an earlier item. */
  const trees = fc
    .array(fc.record({ parent: fc.nat(), depth: fc.integer({ min: 10, max: 200 }), across: fc.integer({ min: 10, max: 120 }) }), {
      minLength: 1,
      maxLength: 120,
    })
    .map((list) => {
      const items: TreeItem[] = list.map(({ depth, across }) => ({ depth, across, children: [] }));
      list.slice(1).forEach(({ parent }, offset) => items[parent % (offset + 1)]!.children.push(offset + 1));
      return items;
    });

  it('never overlaps two boxes of a level, keeps children in order and beside their parent', () => {
    fc.assert(
      fc.property(trees, fc.constantFrom<'centre' | 'first'>('centre', 'first'), (items, align) => {
        const layout = layoutTree(items, () => 30, 8, align);
        const byLevel = new Map<number, number[]>();
        items.forEach((_, index) => byLevel.set(layout.level[index]!, [...(byLevel.get(layout.level[index]!) ?? []), index]));
        for (const level of byLevel.values()) {
          const spans = level.map((index) => [
            layout.centre[index]! - items[index]!.across / 2,
            layout.centre[index]! + items[index]!.across / 2,
          ]);
          spans.sort((a, b) => a[0]! - b[0]!);
          for (let i = 1; i < spans.length; i++) expect(spans[i]![0]! - spans[i - 1]![1]!).toBeGreaterThanOrEqual(8 - 1e-6);
        }
        items.forEach((item, index) => {
          const centres = item.children.map((child) => layout.centre[child]!);
          expect(centres).toEqual(centres.toSorted((a, b) => a - b));
          if (centres.length > 0) {
            const expected = align === 'first' ? centres[0]! : (centres[0]! + centres.at(-1)!) / 2;
            expect(layout.centre[index]).toBeCloseTo(expected, 6);
          }
          expect(layout.centre[index]! - item.across / 2).toBeGreaterThanOrEqual(-1e-6);
          expect(layout.centre[index]! + item.across / 2).toBeLessThanOrEqual(layout.acrossExtent + 1e-6);
        });
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('lays out a chain of 5,000 items without recursion', () => {
    const items: TreeItem[] = Array.from({ length: 5000 }, (_, index) => ({
      depth: 40,
      across: 20,
      children: index < 4999 ? [index + 1] : [],
    }));
    const layout = layoutTree(items, () => 10, 8);
    expect(layout.level.at(-1)).toBe(4999);
    expect(layout.depthExtent).toBe(5000 * 40 + 4999 * 10);
  });
});
