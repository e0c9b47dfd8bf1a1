/**
 * "A guide that passes check builds": seeded random guides (random graphs, random allowed
 * content, Unicode) beside a hub and a long chain, in one folder, built once with the real
 * build command. Every node gets its page; a page names at most a few ways in; a page's size
 * does not grow with its distance from the start; the map and the one-page view of the long
 * chain come in parts.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGuides, type Guide } from '../../plugins/signpost/src/core/index.ts';
import { writeChain } from '../../bench/generate.ts';
import { build, type BuildRun } from './build-site.ts';
import { randomGuide } from './random-guides.ts';

const SEED = Number(process.env['PROPERTY_SEED'] ?? 20261127);
const GUIDES = 4;
/** Past a part of the one-page view (1,000 nodes): the view comes in two parts. */
const CHAIN = 1100;

let work: string;
let dist: string;
let guides: Guide[];
let run: BuildRun;

/** A card reached from eight questions. */
function hub(): string {
  const questions = Array.from({ length: 8 }, (_, index) => {
    const next = index < 7 ? `q${index + 1}` : 'other';
    return `::::question{#q${index} title="Question ${index}"}\n::option[To the card from ${index}]{to="card"}\n::option[Go on]{to="${next}"}\n::::\n`;
  });
  return `---\ntitle: Hub\nstart: q0\n---\n\n${questions.join('\n')}\n:::instructions{#card title="The card"}\nDone.\n:::\n\n:::instructions{#other title="Another card"}\nDone too.\n:::\n`;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-property-'));
  const folder = join(work, 'guides');
  const samples = fc.sample(fc.tuple(...Array.from({ length: GUIDES }, (_, index) => randomGuide(`random-${index}`))), {
    seed: SEED,
    numRuns: 1,
  })[0]!;
  for (const guide of samples) {
    await mkdir(join(folder, guide.slug), { recursive: true });
    for (const [name, text] of Object.entries(guide.files)) await writeFile(join(folder, guide.slug, name), text);
  }
  await mkdir(join(folder, 'hub'));
  await writeFile(join(folder, 'hub/index.mdx'), hub());
  await writeChain(join(folder, 'chain'), CHAIN);
  // With a way to support, which every part of the one-page view offers.
  const chainIndex = join(folder, 'chain', 'index.mdx');
  await writeFile(
    chainIndex,
    (await readFile(chainIndex, 'utf8')).replace('start: s0\n', 'start: s0\nsupport:\n  email: help@example.com\n'),
  );

  const checked = await checkGuides([folder]);
  const errors = checked.problems.filter((problem) => problem.severity === 'error');
  expect(
    errors.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.rule}]`),
    `PROPERTY_SEED=${SEED}`,
  ).toEqual([]);
  guides = checked.guides;
  dist = join(work, 'site');
  run = await build(folder, '--out', dist);
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('guides that pass check', () => {
  it('build, with one build of them all', () => {
    expect(run.code, `PROPERTY_SEED=${SEED}\n${run.stdout}${run.stderr}`).toBe(0);
    expect(guides.map((guide) => guide.slug).toSorted()).toEqual(['chain', 'hub', 'random-0', 'random-1', 'random-2', 'random-3']);
  });

  it('give every node its page, with its title and its answers', async () => {
    for (const guide of guides) {
      for (const node of guide.nodes) {
        const html = parse(await readFile(join(dist, guide.slug, node.id, 'index.html'), 'utf8'));
        // One title a page: a node is headed by its title (a question asks its prompt at its
        // answers); the start by the guide's title.
        const title = node.id === guide.meta!.start ? guide.meta!.title : node.title;
        expect(
          html.querySelectorAll('h1').map((h1) => h1.text.trim()),
          `${guide.slug}/${node.id}`,
        ).toEqual([title]);
        if (node.kind === 'question' && node.id !== guide.meta!.start) {
          const asked = html.querySelectorAll('article .question .prompt').map((prompt) => prompt.text.trim());
          expect(asked, `${guide.slug}/${node.id}`).toEqual(node.prompt === node.title ? [] : [node.prompt]);
        }
        const targets = html.querySelectorAll('article .answer').map((a) => a.getAttribute('href'));
        const expected = node.kind === 'question' ? node.options.map((o) => o.to) : node.kind === 'step' && node.next ? [node.next.to] : [];
        // The start's address is the guide's.
        const href = (to: string) => (to === guide.meta!.start ? `/${guide.slug}/` : `/${guide.slug}/${to}/`);
        expect(targets, `${guide.slug}/${node.id}`).toEqual(expected.map(href));
      }
    }
  });

  it('name at most five ways into a page, and link the map for the others', async () => {
    const html = parse(await readFile(join(dist, 'hub/card/index.html'), 'utf8'));
    const ways = html
      .querySelectorAll('nav.reached-from li')
      .map((item) => [item.querySelector('a')!.getAttribute('href'), item.text.replace(/\s+/g, ' ').trim()]);
    expect(ways).toEqual([
      // q0 is the start: its address is the guide's.
      ['/hub/', 'Question 0 To the card from 0'],
      ['/hub/q1/', 'Question 1 To the card from 1'],
      ['/hub/q2/', 'Question 2 To the card from 2'],
      ['/hub/q3/', 'Question 3 To the card from 3'],
      ['/hub/q4/', 'Question 4 To the card from 4'],
      ['/hub/map/', 'and 3 more'],
    ]);
    // One way in: nothing to add; Back goes there.
    const single = parse(await readFile(join(dist, 'hub/q3/index.html'), 'utf8'));
    expect(single.querySelector('nav.reached-from')).toBeNull();
    expect(single.querySelector('[data-action="back"]')?.getAttribute('href')).toBe('/hub/q2/');
  });

  it('show a guide of more than 1,000 nodes on one page in parts, each answer leading to its node’s part', async () => {
    const first = parse(await readFile(join(dist, 'chain/all/index.html'), 'utf8'));
    const second = parse(await readFile(join(dist, 'chain/all/2/index.html'), 'utf8'));
    expect(first.querySelectorAll('.all-nodes > article')).toHaveLength(1000);
    expect(second.querySelectorAll('.all-nodes > article')).toHaveLength(CHAIN - 1000);
    expect(first.querySelectorAll('.one-page-parts a').map((a) => a.getAttribute('href'))).toEqual(['/chain/all/2/']);
    expect(first.querySelector('#s998 a.answer')?.getAttribute('href')).toBe('#s999');
    expect(first.querySelector('#s999 a.answer')?.getAttribute('href')).toBe('/chain/all/2/#s1000');
    expect(second.querySelector('h1')?.text).toBe('All steps on one page · Part 2 of 2');
    // Its e-mail to support gives the address of the part it is sent from.
    const body = (page: typeof first) => decodeURIComponent(page.querySelector('.escalate a[href^="mailto:"]')!.getAttribute('href')!);
    expect(body(first)).toMatch(/\/chain\/all\/$/);
    expect(body(second)).toMatch(/\/chain\/all\/2\/$/);
  });

  it('draw a long chain on maps of a few dozen nodes each, every node on exactly one', async () => {
    const maps = [parse(await readFile(join(dist, 'chain/map/index.html'), 'utf8'))];
    for (let next = maps[0]!.querySelector('a.map-branch'); next; next = maps.at(-1)!.querySelector('a.map-branch')) {
      maps.push(parse(await readFile(join(dist, next.getAttribute('href')!.slice(1), 'index.html'), 'utf8')));
    }
    const drawn = maps.flatMap((map) => map.querySelectorAll('svg.map a.map-node').map((a) => a.getAttribute('href')));
    expect(drawn.toSorted()).toEqual(Array.from({ length: CHAIN }, (_, i) => `/chain/s${i}/`).toSorted());
    expect(maps.length).toBeGreaterThan(10);
    expect(maps[1]!.querySelector('.map-trail a')?.getAttribute('href')).toBe('/chain/map/');
  });

  it('keep a page’s size whatever its distance from the start', async () => {
    const size = async (id: string) => (await stat(join(dist, 'chain', id, 'index.html'))).size;
    const near = await size('s1');
    const far = await size(`s${CHAIN - 2}`);
    // Only the digits of the ids and titles differ.
    expect(far - near).toBeLessThan(64);
  });
});
