#!/usr/bin/env node
/**
 * `npm run bench -- [--sizes 100,1000,10000] [--realistic 1000] [--dense 10,25,100] [--chains 100,2500]
 * [--runs 3] [--out bench] [--no-browser] [--no-dev] [--edits 10] [--hostile-kb 64,256]`
 *
 * What a check, a save in the dev server, a build and a search cost, and how the cost grows,
 * beside plain Astro MDX pages of the same words as the baseline; the check and the build of
 * guides of the realistic shape (--realistic: code fences, tables, long questions, patterns
 * on most error cards), beside the plain shape's at the same size; the dense guides (40
 * questions of 10, 25 and 100 answers, and 100 outcomes) that stalled the map; the bytes per
 * page of a long chain of steps, which stay flat when the output is linear in the guide; and
 * what `check` costs on each case of the hostile corpus, against its bound, and on valid shapes
 * at growing sizes (--hostile-kb). Every build starts cold (its site's caches cleared), as on a
 * fresh clone; a second build with the guides unchanged shows what the caches save.
 * The paste box's list of 1,000 error cards, and how fast a paste of 10,000 lines is matched
 * in Chromium with its CPU slowed down 4 times (a phone's).
 * Prints the tables and writes results.md, results.svg (time per node against guide size) and
 * results.json to --out.
 */
import { execFile } from 'node:child_process';
import { cpus, freemem, platform, release, totalmem } from 'node:os';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { synthesize, writeChain, writeDense, writeGuide, type Synthetic } from './generate.ts';
import { clearCaches, cliOf, writeSite } from './site.ts';
import { devRecheck, type DevResult } from './dev.ts';
import { checkGuides } from '../plugins/signpost/src/core/check.ts';
import type { ErrorNode } from '../plugins/signpost/src/core/graph/model.ts';
import { pasteData } from '../plugins/signpost/src/render/paste-data.ts';
import { GROWTH_SHAPES, HOSTILE_CASES } from '../tests/hostile/hostile-inputs.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NODE = process.execPath;
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    realistic: { type: 'string', default: '1000' },
    dense: { type: 'string', default: '10,25,100' },
    chains: { type: 'string', default: '100,2500' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench' },
    'no-browser': { type: 'boolean', default: false },
    'no-dev': { type: 'boolean', default: false },
    edits: { type: 'string', default: '10' },
    'hostile-kb': { type: 'string', default: '64,256' },
  },
});
const HOSTILE_KB = values['hostile-kb'].split(',').map(Number);
/** What a hostile case may take to check: a writer waits for no more. */
const HOSTILE_BOUND_MS = 1000;
const SIZES = values.sizes.split(',').map(Number);
const REALISTIC = values.realistic.split(',').filter(Boolean).map(Number);
const DENSE = values.dense.split(',').filter(Boolean).map(Number);
const CHAINS = values.chains.split(',').filter(Boolean).map(Number);
const RUNS = Number(values.runs);
const EDITS = Number(values.edits);
const OUT = resolvePath(ROOT, values.out);
const WORK = join(ROOT, 'bench', '.work');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment a writer's shell gives a command: without npm's and the test runner's variables. */
function cleanEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  for (const name of Object.keys(clean)) {
    if (/^(INIT_CWD|npm_lifecycle_event|BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(name)) delete clean[name];
  }
  return clean;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Run> {
  const clean = cleanEnv(env);
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(NODE, args, { cwd, env: clean, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, ms: performance.now() - start });
    });
  });
}

const median = (list: number[]): number => {
  const sorted = list.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface Phases {
  validation: number;
  astro: number;
  map: number;
  pagefind: number;
  total: number;
  maxRssKb: number;
}

/** Several builds as one: the median of each phase, and the most memory any of them took. */
function medianPhases(builds: Phases[]): Phases {
  const phase = (name: keyof Phases) => median(builds.map((build) => build[name]));
  return {
    validation: phase('validation'),
    astro: phase('astro'),
    map: phase('map'),
    pagefind: phase('pagefind'),
    total: phase('total'),
    maxRssKb: Math.max(...builds.map((build) => build.maxRssKb)),
  };
}

interface SizeResult {
  size: number;
  /** The paste box's match.json: its error cards, and its bytes gzipped. */
  paste: { cards: number; gzip: number };
  /** `signpost check`, start-up included: without the parse cache, and again with it. */
  checkMs: number;
  checkWarmMs: number;
  /** A save in `astro dev`. */
  dev?: DevResult;
  /** Cold builds, the median of each phase; then a build with the guides unchanged. */
  build: Phases;
  rebuildMs: number;
  /** Map pages and one-page parts of the guide. */
  maps: number;
  baselineMs: number;
  baselineRssKb: number;
  files: number;
  weight: Weight;
  search?: SearchBytes;
}

interface Weight {
  htmlRaw: number;
  htmlGzip: number;
  cssRaw: number;
  cssGzip: number;
  jsRaw: number;
  jsGzip: number;
  navigationJs: number;
}

interface SearchBytes {
  firstBytes: number;
  firstRequests: number;
  secondBytes: number;
  secondRequests: number;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** The plain Astro project of the baseline: one MDX page per node, the same words. */
async function writeBaseline(dir: string, synthetic: Synthetic): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src', 'pages', 'n'), { recursive: true });
  await writeFile(
    join(dir, 'astro.config.mjs'),
    "import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [mdx()], devToolbar: { enabled: false } });\n",
  );
  for (const node of synthetic.nodes) {
    await writeFile(join(dir, 'src', 'pages', 'n', `${node.id}.mdx`), `# ${node.title}\n\n${node.words}\n`);
  }
}

/** Weight of a typical node page (the median by HTML size) and what it loads. */
async function pageWeight(dist: string, synthetic: Synthetic): Promise<Weight> {
  const nodes = new Set(synthetic.nodes.map((node) => `bench/${node.id}/index.html`));
  const pages = (await listFiles(dist)).filter((file) => nodes.has(file));
  const sized = await Promise.all(pages.map(async (file) => ({ file, size: (await stat(join(dist, file))).size })));
  const typical = sized.toSorted((a, b) => a.size - b.size)[Math.floor(sized.length / 2)]!;
  const html = await readFile(join(dist, typical.file));
  const text = html.toString();
  const linked = async (pattern: RegExp): Promise<Buffer> =>
    Buffer.concat(await Promise.all([...text.matchAll(pattern)].map((match) => readFile(join(dist, match[1]!.replace(/^\//, ''))))));
  const css = await linked(/<link rel="stylesheet" href="([^"]+)"/g);
  const js = await linked(/<script type="module" src="([^"]+)"/g);
  // Answers are plain links: navigating needs no script at all.
  const answersArePlainLinks = /class="answer[^"]*" href="\/bench\/[\w-]+\/"/.test(text) || !text.includes('class="answer');
  return {
    htmlRaw: html.length,
    htmlGzip: gzipSync(html).length,
    cssRaw: css.length,
    cssGzip: gzipSync(css).length,
    jsRaw: js.length,
    jsGzip: gzipSync(js).length,
    navigationJs: answersArePlainLinks ? 0 : js.length,
  };
}

/** Bytes and requests of a first and a second search query, in headless Chromium. */
async function searchBytes(dist: string, synthetic: Synthetic): Promise<SearchBytes> {
  const { launch } = await import('../tests/e2e/browser.ts');
  const { serve } = await import('../tests/e2e/static-server.ts');
  const site = await serve(dist);
  const browser = await launch();
  const page = await browser.newPage();
  const seen: { url: string; size: number }[] = [];
  page.on('response', async (response) => {
    const url = response.url();
    if (!url.includes('/pagefind/') && !url.includes('/_astro/search')) return;
    const headers = await response.allHeaders();
    const body = await response.body().catch(() => Buffer.alloc(0));
    // What a CDN sends: compressed, except what is compressed already.
    const size = headers['content-encoding'] || /\.(pf_\w+|pagefind)$/.test(url) ? body.length : gzipSync(body).length;
    seen.push({ url, size });
  });
  await page.goto(`${site.url}bench/`);
  await page.waitForLoadState('networkidle');
  const cards = synthetic.nodes.filter((node) => node.kind === 'error');
  const query = async (text: string) => {
    await page.fill('#search-input', text);
    await page.waitForSelector('.search-result', { timeout: 20_000 });
    await page.waitForLoadState('networkidle');
  };
  // Responses are read asynchronously: let the last ones land before counting.
  const settle = () => page.waitForTimeout(750);
  await query(cards[0]!.title);
  await settle();
  const first = seen.splice(0);
  await query(cards[Math.floor(cards.length / 2)]!.title);
  await settle();
  const second = seen.splice(0);
  await browser.close();
  await site.close();
  const sum = (list: typeof first) => list.reduce((total, item) => total + item.size, 0);
  return { firstBytes: sum(first), firstRequests: first.length, secondBytes: sum(second), secondRequests: second.length };
}

/** `signpost check` of the site's guides, in the site: `runs` times, the median wall time. */
async function checkTime(site: string, extra: string[], runs: number, what: string): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const result = await run([cliOf(site), 'check', 'guides', '--format', 'json', ...extra], {}, site);
    if (result.code !== 0) throw new Error(`check failed on ${what}:\n${result.stdout}${result.stderr}`);
    times.push(result.ms);
  }
  return median(times);
}

/** `signpost build` of the site's guides, cold (caches cleared) unless `warm`; its phases and peak memory. */
async function buildTime(site: string, what: string, warm = false): Promise<Phases> {
  if (!warm) await clearCaches(site);
  const timings = join(site, 'timings.json');
  const result = await run([cliOf(site), 'build', 'guides', '--out', 'dist'], { SIGNPOST_TIMINGS: timings }, site);
  if (result.code !== 0) throw new Error(`build failed on ${what}:\n${result.stdout}${result.stderr}`);
  // The command's whole run, start-up included, as the baseline's is timed: the phases say
  // where the time went, the wall clock what a writer waits for.
  return { ...(JSON.parse(await readFile(timings, 'utf8')) as Phases), total: result.ms };
}

/** The paste box's list of messages and patterns in a built site. */
async function pasteBytes(dist: string): Promise<{ cards: number; gzip: number }> {
  const body = await readFile(join(dist, 'signpost-search', 'match.json'));
  return { cards: (JSON.parse(body.toString()) as { id: unknown[] }).id.length, gzip: gzipSync(body).length };
}

/** Error cards a paste is matched against in the budget's measure. */
const PASTE_CARDS = 1000;
/** Lines of the pasted text in the timing's measure. */
const PASTE_LINES = 10_000;
/** Chromium's CPU slowdown for a phone-class CPU. */
const PASTE_THROTTLE = 4;

interface PasteResult {
  cards: number;
  /** match.json of `cards` error cards, gzipped; and match-names.json, fetched only to list the best cards. */
  gzip: number;
  namesGzip: number;
  /** Milliseconds to match a paste of `PASTE_LINES` lines, under CPU throttling: the first, and the median of the next. */
  firstMs: number;
  laterMs: number;
}

/**
 * The paste box's budget and timing: match.json for exactly 1,000 error cards of the synthetic
 * shape (checked in-process, as the build would ship it), and in Chromium with the CPU slowed
 * down 4 times, a paste of 10,000 log lines naming two of those cards, matched by the site's
 * own code on the built page (its match.json replaced by the 1,000 cards').
 */
async function pasteMeasure(dist: string | undefined): Promise<PasteResult> {
  const dir = join(WORK, 'paste-cards', 'guides', 'cards');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const errors: Synthetic['nodes'] = [];
  for (let size = PASTE_CARDS * 3; errors.length < PASTE_CARDS; size += PASTE_CARDS) {
    errors.splice(
      0,
      Infinity,
      ...synthesize(size)
        .nodes.filter((node) => node.kind === 'error')
        .slice(0, PASTE_CARDS),
    );
  }
  const frontmatter = `---\ntitle: ${PASTE_CARDS} error cards\nstart: ${errors[0]!.id}\n---\n\n`;
  for (let start = 0; start < errors.length; start += 50) {
    const chunk = errors.slice(start, start + 50).map((node) => node.mdx);
    await writeFile(join(dir, start === 0 ? 'index.mdx' : `part-${start}.mdx`), (start === 0 ? frontmatter : '') + chunk.join('\n'));
  }
  const { guides } = await checkGuides([dir]);
  const cards = guides[0]!.nodes.filter((node): node is ErrorNode => node.kind === 'error');
  const built = pasteData([{ title: `${PASTE_CARDS} error cards`, href: '/bench/', cards }]);
  const json = JSON.stringify(built.data);
  const gzip = gzipSync(json).length;
  const namesGzip = gzipSync(JSON.stringify(built.names)).length;
  if (!dist) return { cards: cards.length, gzip, namesGzip, firstMs: NaN, laterMs: NaN };

  // A log as a reader pastes it: timestamps, levels, ids; two lines name cards, near the end.
  const words = ['sync', 'worker', 'campaign', 'report', 'token', 'session', 'marketplace', 'region', 'retry', 'queue', 'cache'];
  const lines = Array.from(
    { length: PASTE_LINES },
    (_, index) =>
      `2026-01-01T12:${String(Math.floor(index / 60) % 60).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}.${String(index % 1000).padStart(3, '0')}Z INFO [worker-${index % 8}] ${words[index % words.length]} ${words[(index * 7) % words.length]} done in ${(index * 37) % 900} ms id=${(index * 7919).toString(16)}`,
  );
  // A card's own example, and another card's message: two cards, so the best are listed, not opened.
  lines[PASTE_LINES - 40] = cards[400]!.examples[0]!.text;
  lines[PASTE_LINES - 10] = `2026-01-01T13:59:50.000Z ERROR [worker-5] ${cards[900]!.title}`;
  const paste = lines.join('\n');

  const { launch } = await import('../tests/e2e/browser.ts');
  const { serve } = await import('../tests/e2e/static-server.ts');
  const site = await serve(dist);
  const browser = await launch();
  const page = await browser.newPage();
  await page.route('**/signpost-search/match.json', (route) => route.fulfill({ contentType: 'application/json', body: json }));
  await page.route('**/signpost-search/match-names.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(built.names) }),
  );
  await page.goto(`${site.url}bench/`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PASTE_THROTTLE });
  // The box's code loads when it is focused; each paste is then matched as it arrives.
  await page.focus('#paste-input');
  await page.waitForSelector('[data-paste][data-ready]', { state: 'attached' });
  const runs = Math.max(RUNS, 3);
  for (let pasted = 1; pasted <= runs; pasted++) {
    await page.evaluate((text) => {
      const box = document.querySelector<HTMLTextAreaElement>('#paste-input')!;
      box.value = '';
      const data = new DataTransfer();
      data.setData('text/plain', text);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, paste);
    await page.waitForFunction((count) => performance.getEntriesByName('signpost:paste').length >= count, pasted);
  }
  const found = await page.locator('.paste-result-title').allInnerTexts();
  if (found.length !== 2) throw new Error(`the paste found ${JSON.stringify(found)}, not the two cards it names`);
  const times = await page.evaluate(() => performance.getEntriesByName('signpost:paste').map((entry) => entry.duration));
  await browser.close();
  await site.close();
  return { cards: cards.length, gzip, namesGzip, firstMs: times[0]!, laterMs: median(times.slice(1)) };
}

async function measure(size: number): Promise<SizeResult> {
  const dir = join(WORK, String(size));
  const site = join(dir, 'site');
  await rm(dir, { recursive: true, force: true });
  await writeSite(site);
  const synthetic = await writeGuide(join(site, 'guides', 'bench'), size);
  await writeBaseline(join(dir, 'baseline'), synthetic);
  const what = `the ${size}-node guide`;

  const checkMs = await checkTime(site, ['--no-cache'], RUNS, what);
  // The first check keeps its parses: the next ones read them.
  await checkTime(site, [], 1, what);
  const checkWarmMs = await checkTime(site, [], RUNS, what);
  const dev = values['no-dev'] ? undefined : await devRecheck(ASTRO, site, join(site, 'guides'), EDITS, cleanEnv());

  const builds: Phases[] = [];
  const baselines: { ms: number; rssKb: number }[] = [];
  for (let index = 0; index < RUNS; index++) {
    builds.push(await buildTime(site, what));
    const baseline = await run(['bench/baseline-build.ts', join(dir, 'baseline')]);
    if (baseline.code !== 0) throw new Error(`baseline build failed:\n${baseline.stdout}${baseline.stderr}`);
    // Timed as `signpost build` is, the whole run: Node's start-up and Astro's import (0.5 s)
    // are part of what `astro build` costs too.
    const { rssKb } = JSON.parse(baseline.stdout.trim().split('\n').at(-1)!) as { rssKb: number };
    baselines.push({ ms: baseline.ms, rssKb });
  }
  const rebuild = await buildTime(site, what, true);
  const dist = join(site, 'dist');
  const files = await listFiles(dist);
  return {
    size,
    checkMs,
    checkWarmMs,
    ...(dev ? { dev } : {}),
    build: medianPhases(builds),
    rebuildMs: rebuild.total,
    maps: files.filter((file) => /^bench\/map\/(.+\/)?index\.html$/.test(file)).length,
    baselineMs: median(baselines.map((baseline) => baseline.ms)),
    baselineRssKb: Math.max(...baselines.map((baseline) => baseline.rssKb)),
    files: files.length,
    paste: await pasteBytes(dist),
    weight: await pageWeight(dist, synthetic),
    ...(values['no-browser'] ? {} : { search: await searchBytes(dist, synthetic) }),
  };
}

interface RealisticResult {
  size: number;
  /** The guide's `.mdx` files and their bytes. */
  mdxFiles: number;
  mdxBytes: number;
  /** `signpost check`, start-up included: without the parse cache, and again with it. */
  checkMs: number;
  checkWarmMs: number;
  /** Cold builds, the median of each phase. */
  build: Phases;
  files: number;
  weight: Weight;
}

/**
 * A guide of the realistic shape (bench/generate.ts, `synthesizeRealistic`): its check, cold
 * and warm, and its cold builds, measured as the plain shape's are.
 */
async function measureRealistic(size: number): Promise<RealisticResult> {
  const site = join(WORK, `realistic-${size}`, 'site');
  await rm(join(WORK, `realistic-${size}`), { recursive: true, force: true });
  await writeSite(site);
  const guide = join(site, 'guides', 'bench');
  const synthetic = await writeGuide(guide, size, 1, 'realistic');
  const what = `the realistic ${size}-node guide`;
  const checkMs = await checkTime(site, ['--no-cache'], RUNS, what);
  await checkTime(site, [], 1, what);
  const checkWarmMs = await checkTime(site, [], RUNS, what);
  const builds: Phases[] = [];
  for (let index = 0; index < RUNS; index++) builds.push(await buildTime(site, what));
  const mdx = await listFiles(guide);
  const dist = join(site, 'dist');
  return {
    size,
    mdxFiles: mdx.length,
    mdxBytes: (await Promise.all(mdx.map(async (file) => (await stat(join(guide, file))).size))).reduce((a, b) => a + b, 0),
    checkMs,
    checkWarmMs,
    build: medianPhases(builds),
    files: (await listFiles(dist)).length,
    weight: await pageWeight(dist, synthetic),
  };
}

interface DenseResult {
  answers: number;
  nodes: number;
  ways: number;
  checkMs: number;
  build: Phases;
  maps: number;
}

/** A dense guide of 40 questions of `answers` answers and 100 outcomes: its check and cold builds. */
async function measureDense(answers: number): Promise<DenseResult> {
  const site = join(WORK, `dense-${answers}`, 'site');
  await rm(join(WORK, `dense-${answers}`), { recursive: true, force: true });
  await writeSite(site);
  await writeDense(join(site, 'guides', 'dense'), 40, answers, 100);
  const what = `the dense guide of ${answers} answers`;
  const checkMs = await checkTime(site, ['--no-cache'], RUNS, what);
  const builds: Phases[] = [];
  for (let index = 0; index < RUNS; index++) builds.push(await buildTime(site, what));
  const files = await listFiles(join(site, 'dist'));
  return {
    answers,
    nodes: 140,
    ways: 40 * answers,
    checkMs,
    build: medianPhases(builds),
    maps: files.filter((file) => /^dense\/map\/(.+\/)?index\.html$/.test(file)).length,
  };
}

interface ChainResult {
  size: number;
  /** Every file of the site, over the number of nodes. */
  siteBytesPerNode: number;
  /** The node pages' HTML, over the number of nodes. */
  pageBytesPerNode: number;
}

/** Builds a chain of `size` steps and weighs the site: every page used to repeat the whole way to it. */
async function measureChain(size: number): Promise<ChainResult> {
  const dir = join(WORK, `chain-${size}`);
  await writeChain(join(dir, 'guides', 'chain'), size);
  const dist = join(dir, 'dist');
  const result = await run(['plugins/signpost/bin/signpost.js', 'build', join(dir, 'guides'), '--out', dist]);
  if (result.code !== 0) throw new Error(`build failed on the ${size}-step chain:\n${result.stdout}${result.stderr}`);
  let site = 0;
  let pages = 0;
  for (const file of await listFiles(dist)) {
    const bytes = (await stat(join(dist, file))).size;
    site += bytes;
    if (/^chain\/s\d+\/index\.html$/.test(file)) pages += bytes;
  }
  return { size, siteBytesPerNode: Math.round(site / size), pageBytesPerNode: Math.round(pages / size) };
}

function pasteLine(paste: PasteResult): string {
  const timing = Number.isNaN(paste.firstMs)
    ? ''
    : `; a paste of ${PASTE_LINES.toLocaleString('en')} log lines in Chromium, CPU ${PASTE_THROTTLE} × slower: matched in ${paste.firstMs.toFixed(0)} ms the first time, ${paste.laterMs.toFixed(0)} ms after (median)`;
  return `Paste box: match.json of ${paste.cards.toLocaleString('en')} error cards, ${kb(paste.gzip)} gzip (and ${kb(paste.namesGzip)} of their messages, fetched only to list the best cards when none is clear)${timing}.`;
}

function chainLine(chains: ChainResult[]): string {
  if (chains.length === 0) return '';
  const each = chains.map(
    (c) =>
      `${c.size.toLocaleString('en')} steps: ${c.pageBytesPerNode.toLocaleString('en')} B per node page (site: ${c.siteBytesPerNode.toLocaleString('en')} B per node)`,
  );
  return `Output of a chain of steps, ${each.join('; ')}.`;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;

function markdownTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

function table(results: SizeResult[]): string {
  const rows: string[][] = [
    ['nodes', ...results.map((r) => r.size.toLocaleString('en'))],
    ['check, first run (no parse cache)', ...results.map((r) => s(r.checkMs))],
    ['check, again (parse cache)', ...results.map((r) => s(r.checkWarmMs))],
    ['check, nodes per second (first run)', ...results.map((r) => String(Math.round(r.size / (r.checkMs / 1000))))],
  ];
  if (results.every((r) => r.dev)) {
    rows.push(
      ['dev: re-check after a save (one file)', ...results.map((r) => ms(r.dev!.checkMs))],
      ['dev: pages updated after the save', ...results.map((r) => ms(r.dev!.totalMs))],
    );
  }
  rows.push(
    ['build: validation', ...results.map((r) => s(r.build.validation))],
    ['build: Astro render', ...results.map((r) => s(r.build.astro - r.build.map - r.build.pagefind))],
    ['build: map layout', ...results.map((r) => s(r.build.map))],
    ['build: search index (Pagefind, after the render)', ...results.map((r) => s(r.build.pagefind))],
    ['build: total', ...results.map((r) => s(r.build.total))],
    ['build again, guides unchanged', ...results.map((r) => s(r.rebuildMs))],
    ['baseline: plain Astro MDX', ...results.map((r) => s(r.baselineMs))],
    ['Signpost / baseline', ...results.map((r) => (r.build.total / r.baselineMs).toFixed(2))],
    ['build, ms per node', ...results.map((r) => (r.build.total / r.size).toFixed(2))],
    ['peak RSS: Signpost / baseline', ...results.map((r) => `${mb(r.build.maxRssKb)} / ${mb(r.baselineRssKb)}`)],
    ['map pages', ...results.map((r) => String(r.maps))],
    ['node page HTML, raw / gzip', ...results.map((r) => `${kb(r.weight.htmlRaw)} / ${kb(r.weight.htmlGzip)}`)],
    ['CSS, raw / gzip', ...results.map((r) => `${kb(r.weight.cssRaw)} / ${kb(r.weight.cssGzip)}`)],
    ['JS, raw / gzip', ...results.map((r) => `${kb(r.weight.jsRaw)} / ${kb(r.weight.jsGzip)}`)],
    ['JS needed to navigate', ...results.map((r) => `${r.weight.navigationJs} B`)],
    ['files in dist/', ...results.map((r) => String(r.files))],
    ['paste box: match.json, gzip', ...results.map((r) => `${kb(r.paste.gzip)} for ${r.paste.cards} cards`)],
  );
  if (results.every((r) => r.search)) {
    rows.push(
      ['search: first query', ...results.map((r) => `${kb(r.search!.firstBytes)} in ${r.search!.firstRequests} requests`)],
      ['search: second query adds', ...results.map((r) => `${kb(r.search!.secondBytes)} in ${r.search!.secondRequests} requests`)],
    );
  }
  return markdownTable(rows);
}

/** The realistic shape beside the plain one, at each size measured in the realistic shape. */
function realisticTable(results: SizeResult[], realistic: RealisticResult[]): string {
  if (realistic.length === 0) return '';
  type Measured = Pick<SizeResult, 'checkMs' | 'checkWarmMs' | 'build' | 'weight' | 'files'>;
  const columns: { name: string; measured: Measured }[] = realistic.flatMap((r) => {
    const plain = results.find((each) => each.size === r.size);
    const size = r.size.toLocaleString('en');
    return [...(plain ? [{ name: `plain, ${size}`, measured: plain }] : []), { name: `realistic, ${size}`, measured: r }];
  });
  const row = (name: string, figure: (m: Measured) => string) => [name, ...columns.map((column) => figure(column.measured))];
  return markdownTable([
    ['shape, nodes', ...columns.map((column) => column.name)],
    row('check, first run (no parse cache)', (m) => s(m.checkMs)),
    row('check, again (parse cache)', (m) => s(m.checkWarmMs)),
    row('build: validation', (m) => s(m.build.validation)),
    row('build: Astro render', (m) => s(m.build.astro - m.build.map - m.build.pagefind)),
    row('build: map layout', (m) => s(m.build.map)),
    row('build: search index (Pagefind, after the render)', (m) => s(m.build.pagefind)),
    row('build: total', (m) => s(m.build.total)),
    row('build: peak RSS', (m) => mb(m.build.maxRssKb)),
    row('node page HTML, raw / gzip', (m) => `${kb(m.weight.htmlRaw)} / ${kb(m.weight.htmlGzip)}`),
    row('files in dist/', (m) => String(m.files)),
  ]);
}

/** The realistic guides' sources: how many `.mdx` files, of how many bytes. */
function realisticLine(realistic: RealisticResult[]): string {
  if (realistic.length === 0) return '';
  const each = realistic.map((r) => `${r.size.toLocaleString('en')} nodes in ${r.mdxFiles} files, ${kb(r.mdxBytes)}`);
  return `Realistic guides (bench/generate.ts, \`synthesizeRealistic\`): ${each.join('; ')}.`;
}

/** Most a dense guide may take to build. */
const DENSE_BOUND_MS = 30_000;

function denseTable(dense: DenseResult[]): string {
  if (dense.length === 0) return '';
  return markdownTable([
    ['dense guide', 'nodes', 'answers', 'check', 'build', 'map layout', 'map pages', 'peak RSS', `built in ${DENSE_BOUND_MS / 1000} s`],
    ...dense.map((d) => [
      `40 questions × ${d.answers} answers, 100 outcomes`,
      String(d.nodes),
      d.ways.toLocaleString('en'),
      s(d.checkMs),
      s(d.build.total),
      ms(d.build.map),
      String(d.maps),
      mb(d.build.maxRssKb),
      d.build.total <= DENSE_BOUND_MS ? 'yes' : '**no**',
    ]),
  ]);
}

function growth(results: SizeResult[]): string {
  const at = (size: number) => results.find((r) => r.size === size);
  const small = at(1000);
  const large = at(10_000);
  if (!small || !large) return '';
  const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const perNode = (r: SizeResult, value: number) => value / r.size;
  return (
    `Growth from 1,000 to 10,000 nodes (10× the nodes): build ${times(large.build.total, small.build.total)} the time ` +
    `(${(perNode(large, large.build.total) / perNode(small, small.build.total)).toFixed(2)}× the time per node; plain Astro ` +
    `${times(large.baselineMs, small.baselineMs)}), check ${times(large.checkMs, small.checkMs)} ` +
    `(${(perNode(large, large.checkMs) / perNode(small, small.checkMs)).toFixed(2)}× per node), ` +
    `peak memory ${times(large.build.maxRssKb, small.build.maxRssKb)}, map layout ${times(large.build.map, small.build.map)}.`
  );
}

/** Time per node against guide size, as a small SVG line chart. */
function chart(results: SizeResult[]): string {
  const series = [
    { name: 'Signpost build', color: '#1d5fd1', value: (r: SizeResult) => r.build.total / r.size },
    { name: 'plain Astro MDX build', color: '#067647', value: (r: SizeResult) => r.baselineMs / r.size },
    { name: 'check, first run', color: '#b42318', value: (r: SizeResult) => r.checkMs / r.size },
  ];
  const width = 640;
  const height = 360;
  const left = 64;
  const bottom = 48;
  const top = 40;
  const right = 180;
  const max = Math.max(...results.flatMap((r) => series.map((line) => line.value(r)))) * 1.1;
  const logs = results.map((r) => Math.log10(r.size));
  const [low, high] = [Math.min(...logs), Math.max(...logs)];
  const x = (size: number) => left + ((Math.log10(size) - low) / Math.max(high - low, 1e-9)) * (width - left - right);
  const y = (value: number) => height - bottom - (value / max) * (height - bottom - top);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${left}" y="24" font-size="14" font-weight="bold">Time per node against guide size (ms per node)</text>`,
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#555"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#555"/>`,
  ];
  for (let step = 0; step <= 4; step++) {
    const value = (max / 4) * step;
    parts.push(`<text x="${left - 8}" y="${y(value) + 4}" text-anchor="end">${value.toFixed(1)}</text>`);
    parts.push(`<line x1="${left}" y1="${y(value)}" x2="${width - right}" y2="${y(value)}" stroke="#ddd"/>`);
  }
  for (const r of results) {
    parts.push(`<text x="${x(r.size)}" y="${height - bottom + 18}" text-anchor="middle">${r.size.toLocaleString('en')}</text>`);
  }
  parts.push(`<text x="${(left + width - right) / 2}" y="${height - 10}" text-anchor="middle">nodes in the guide (log scale)</text>`);
  series.forEach((line, index) => {
    const points = results.map((r) => `${x(r.size).toFixed(1)},${y(line.value(r)).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="${line.color}" stroke-width="2.5"/>`);
    for (const r of results)
      parts.push(`<circle cx="${x(r.size).toFixed(1)}" cy="${y(line.value(r)).toFixed(1)}" r="3.5" fill="${line.color}"/>`);
    parts.push(`<rect x="${width - right + 16}" y="${top + index * 22}" width="14" height="4" fill="${line.color}"/>`);
    parts.push(`<text x="${width - right + 36}" y="${top + index * 22 + 6}">${line.name}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Each target of the brief (issue 16's "Done when", issue 15's paste box), met or not, with the measured figure. */
function targets(results: SizeResult[], realistic: RealisticResult[], dense: DenseResult[], paste: PasteResult): string {
  const at = (size: number) => results.find((r) => r.size === size);
  const rows: [string, string, boolean][] = [];
  for (const size of [1000, 10_000]) {
    const r = at(size);
    if (r) {
      const ratio = r.build.total / r.baselineMs;
      rows.push([`build at most 1.0 × plain Astro at ${size.toLocaleString('en')} nodes`, `${ratio.toFixed(2)} ×`, ratio <= 1]);
    }
  }
  const large = at(10_000);
  if (large) {
    rows.push(['10,000 nodes built in 90 s or less', s(large.build.total), large.build.total <= 90_000]);
    rows.push(['peak memory of that build at most 2 GB', mb(large.build.maxRssKb), large.build.maxRssKb <= 2 * 1024 * 1024]);
  }
  const thousand = at(1000);
  if (thousand) {
    rows.push(['check of 1,000 nodes in 0.5 s or less, start-up included: first run', s(thousand.checkMs), thousand.checkMs <= 500]);
    rows.push(['check of 1,000 nodes in 0.5 s or less, start-up included: again', s(thousand.checkWarmMs), thousand.checkWarmMs <= 500]);
  }
  const realThousand = realistic.find((r) => r.size === 1000);
  if (realThousand) {
    rows.push([
      'check of 1,000 realistic nodes in 1 s or less, start-up included: first run',
      s(realThousand.checkMs),
      realThousand.checkMs <= 1000,
    ]);
    rows.push([
      'check of 1,000 realistic nodes in 0.5 s or less, start-up included: again',
      s(realThousand.checkWarmMs),
      realThousand.checkWarmMs <= 500,
    ]);
  }
  for (const r of results.filter((each) => each.dev && each.size >= 1000)) {
    rows.push([
      `dev re-check of one changed file in 50 ms or less (${r.size.toLocaleString('en')} nodes)`,
      ms(r.dev!.checkMs),
      r.dev!.checkMs <= 50,
    ]);
  }
  if (thousand?.search)
    rows.push([
      'first search query at most 150 KB at 1,000 nodes',
      kb(thousand.search.firstBytes),
      thousand.search.firstBytes <= 150 * 1024,
    ]);
  if (large?.search)
    rows.push(['first search query at most 200 KB at 10,000 nodes', kb(large.search.firstBytes), large.search.firstBytes <= 200 * 1024]);
  for (const d of dense)
    rows.push([`dense guide of 40 × ${d.answers} answers built in 30 s or less`, s(d.build.total), d.build.total <= DENSE_BOUND_MS]);
  if (thousand && large) {
    const ratio = large.build.total / large.size / (thousand.build.total / thousand.size);
    rows.push(['ms per node at 10,000 within 1.3 × that at 1,000', `${ratio.toFixed(2)} ×`, ratio <= 1.3]);
  }
  const any = results.at(-1);
  if (any) {
    rows.push(['node page HTML at most 7 KB gzip', kb(any.weight.htmlGzip), any.weight.htmlGzip <= 7 * 1024]);
    rows.push(['CSS at most 10 KB gzip', kb(any.weight.cssGzip), any.weight.cssGzip <= 10 * 1024]);
    rows.push(['JS needed to navigate: 0', `${any.weight.navigationJs} B`, any.weight.navigationJs === 0]);
  }
  rows.push([
    `paste box: match.json of ${PASTE_CARDS.toLocaleString('en')} cards at most 20 KB gzip`,
    kb(paste.gzip),
    paste.gzip <= 20 * 1024,
  ]);
  if (!Number.isNaN(paste.firstMs)) {
    rows.push([
      `a paste of ${PASTE_LINES.toLocaleString('en')} lines answered under 50 ms, CPU ${PASTE_THROTTLE} × slower`,
      `${paste.firstMs.toFixed(0)} ms`,
      paste.firstMs < 50,
    ]);
  }
  return [
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...rows.map(([name, value, met]) => `| ${name} | ${value} | ${met ? 'yes' : '**no**'} |`),
  ].join('\n');
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(freemem() / 2 ** 30).toFixed(0)} GiB free), ${platform()} ${release()}, Node ${process.version}`;
}

interface HostileResult {
  name: string;
  kb: number;
  ms: number;
  problems: number;
}

interface GrowthResult {
  name: string;
  points: { kb: number; ms: number }[];
}

let hostileRun = 0;

/** The median wall time of checking `text` as a one-file guide, in-process; each run in a fresh folder (no parse cache). */
async function timeCheck(text: string): Promise<{ ms: number; problems: number }> {
  const times: number[] = [];
  let problems = 0;
  for (let index = 0; index < RUNS; index++) {
    const dir = join(WORK, 'hostile', `g${hostileRun++}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.mdx'), text);
    const start = performance.now();
    problems = (await checkGuides([dir])).problems.length;
    times.push(performance.now() - start);
  }
  return { ms: median(times), problems };
}

async function hostile(): Promise<{ cases: HostileResult[]; shapes: GrowthResult[] }> {
  await rm(join(WORK, 'hostile'), { recursive: true, force: true });
  const cases: HostileResult[] = [];
  for (const entry of HOSTILE_CASES) {
    const text = entry.text();
    cases.push({ name: entry.name, kb: Buffer.byteLength(text) / 1024, ...(await timeCheck(text)) });
  }
  const shapes: GrowthResult[] = [];
  for (const shape of GROWTH_SHAPES) {
    const points = [];
    for (const size of HOSTILE_KB) points.push({ kb: size, ms: (await timeCheck(shape.text(size * 1024))).ms });
    shapes.push({ name: shape.name, points });
  }
  return { cases, shapes };
}

function hostileTable({ cases, shapes }: { cases: HostileResult[]; shapes: GrowthResult[] }): string {
  const rows = [
    `| hostile case | size | check | bound | met |`,
    '| --- | --- | --- | --- | --- |',
    ...cases.map(
      (c) =>
        `| ${c.name.replace(/\|/g, '\\|')} | ${c.kb.toFixed(1)} KB | ${c.ms.toFixed(0)} ms, ${c.problems} problem(s) | ${HOSTILE_BOUND_MS} ms | ${c.ms <= HOSTILE_BOUND_MS ? 'yes' : '**no**'} |`,
    ),
  ];
  const first = HOSTILE_KB[0]!;
  const last = HOSTILE_KB.at(-1)!;
  // Linear: the time per KB at the largest size stays within 1.5 × that at the smallest.
  const growthRows = [
    `| valid shape | ${HOSTILE_KB.map((size) => `${size} KB`).join(' | ')} | ms per KB, ${last} against ${first} KB | linear |`,
    `| --- | ${HOSTILE_KB.map(() => '---').join(' | ')} | --- | --- |`,
    ...shapes.map((g) => {
      const ratio = g.points.at(-1)!.ms / last / (g.points[0]!.ms / first);
      return `| ${g.name} | ${g.points.map((point) => `${point.ms.toFixed(0)} ms`).join(' | ')} | ${ratio.toFixed(2)} × | ${ratio <= 1.5 ? 'yes' : '**no**'} |`;
    }),
  ];
  return `${rows.join('\n')}\n\n${growthRows.join('\n')}`;
}

await mkdir(WORK, { recursive: true });
const results: SizeResult[] = [];
for (const size of SIZES) {
  process.stderr.write(`bench: ${size} nodes, ${RUNS} run(s)…\n`);
  results.push(await measure(size));
}
const realistic: RealisticResult[] = [];
for (const size of REALISTIC) {
  process.stderr.write(`bench: the realistic shape, ${size} nodes, ${RUNS} run(s)…\n`);
  realistic.push(await measureRealistic(size));
}
const dense: DenseResult[] = [];
for (const answers of DENSE) {
  process.stderr.write(`bench: the dense guide of 40 questions × ${answers} answers, ${RUNS} run(s)…\n`);
  dense.push(await measureDense(answers));
}
const chains: ChainResult[] = [];
for (const size of CHAINS) {
  process.stderr.write(`bench: a chain of ${size} steps…\n`);
  chains.push(await measureChain(size));
}
process.stderr.write(`bench: the hostile corpus, ${RUNS} run(s) each…\n`);
const hostileResults = await hostile();
process.stderr.write(`bench: the paste box, ${PASTE_CARDS} cards…\n`);
const paste = await pasteMeasure(values['no-browser'] ? undefined : join(WORK, String(SIZES.at(-1)), 'site', 'dist'));
const report = [
  table(results),
  growth(results),
  realisticTable(results, realistic),
  realisticLine(realistic),
  denseTable(dense),
  chainLine(chains),
  pasteLine(paste),
]
  .filter(Boolean)
  .join('\n\n');
const hostileReport = hostileTable(hostileResults);
process.stdout.write(`\n${report}\n\n${hostileReport}\n\nMachine: ${machine()}\n`);
await mkdir(OUT, { recursive: true });
const analysis = await readFile(join(ROOT, 'bench', 'analysis.md'), 'utf8').catch(() => '');
await writeFile(
  join(OUT, 'results.md'),
  [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (sizes ${SIZES.join(', ')}; the realistic shape at ${REALISTIC.join(', ') || 'no size'}; dense guides of ${DENSE.join(', ') || 'no'} answers a question; the median of ${RUNS} run(s) each; every build cold, its caches cleared, except "build again"; builds timed as the command's whole run, start-up included, Signpost's and the baseline's alike).`,
    `Machine: ${machine()}.`,
    '',
    report,
    '',
    '## Targets',
    '',
    targets(results, realistic, dense, paste),
    '',
    '## Hostile input',
    '',
    `\`check\` on each case of the hostile corpus (tests/hostile/hostile-inputs.ts), in-process, against a bound of ${HOSTILE_BOUND_MS} ms; and on valid shapes at growing sizes, whose time must grow linearly.`,
    '',
    hostileReport,
    '',
    analysis.trim(),
    '',
  ].join('\n'),
);
await writeFile(join(OUT, 'results.svg'), chart(results));
await writeFile(
  join(OUT, 'results.json'),
  `${JSON.stringify({ machine: machine(), runs: RUNS, results, realistic, dense, chains, paste, hostile: hostileResults }, null, 2)}\n`,
);
process.stderr.write(`bench: wrote ${relative(ROOT, OUT)}/results.md, results.svg and results.json\n`);
