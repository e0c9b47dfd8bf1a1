/**
 * `npm run lighthouse`: Lighthouse's scores for each kind of page a reader lands on, on a
 * phone, in Debian's Chromium (no browser download; `CHROMIUM_PATH` names another).
 *
 * Builds the shipped guide with a site address, as a published site has (canonical URLs),
 * serves it as a static host that reads `_headers` would (the Content-Security-Policy as a
 * header too, text gzipped), and runs Lighthouse's default mobile audit (a mid-range phone, simulated slow
 * 4G) on the start, an error card, the error index and the one-page view. Prints the scores
 * and writes them to bench/lighthouse.md and bench/lighthouse.json, with every audit that did
 * not pass. Each page is scored three times and its median run kept (Lighthouse's timings vary
 * on a busy machine). Exits with 1 when a score is under 100.
 *
 *   npm run lighthouse
 *   npm run lighthouse -- --runs 5
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/e2e/browser.ts';
import { serveAsHost } from '../tests/e2e/static-server.ts';
import { buildWith, ROOT } from '../tests/site/build-site.ts';

const PAGES: [string, string][] = [
  ['start', 'account-connection/'],
  ['error card', 'account-connection/sp-refresh-token/'],
  ['error index', 'account-connection/errors/'],
  ['one-page view', 'account-connection/all/'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface PageScores {
  page: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: Record<string, string>;
  /** Audits that count towards a score and did not pass. */
  failed: string[];
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs) || 1);

const work = await mkdtemp(join(tmpdir(), 'signpost-lighthouse-'));
const dist = join(work, 'dist');
const built = await buildWith({ SITE_URL: 'https://help.example.com' }, 'guide', '--out', dist);
if (built.code !== 0) throw new Error(`The build failed:\n${built.stdout}${built.stderr}`);
const site = await serveAsHost(dist, '/', true);
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });

const results: PageScores[] = [];
let version = '';
try {
  for (const [name, path] of PAGES) {
    const tries: PageScores[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(`${site.url}${path}`, { port: chrome.port, logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = result;
      version = lhr.lighthouseVersion;
      const counted = new Set(
        CATEGORIES.flatMap((category) => lhr.categories[category]!.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id)),
      );
      tries.push({
        page: name,
        path: `/${path}`,
        scores: Object.fromEntries(
          CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]!.score ?? 0) * 100)]),
        ) as PageScores['scores'],
        metrics: Object.fromEntries(
          ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map(
            (id) => [id, lhr.audits[id]?.displayValue ?? ''],
          ),
        ),
        failed: Object.values(lhr.audits)
          .filter((audit) => counted.has(audit.id) && audit.score !== null && audit.score < 1)
          .map((audit) => `${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`),
      });
    }
    tries.sort((a, b) => a.scores.performance - b.scores.performance);
    results.push(tries[Math.floor(tries.length / 2)]!);
    process.stdout.write(`${name}: ${CATEGORIES.map((category) => results.at(-1)!.scores[category]).join(' / ')}\n`);
  }
} finally {
  chrome.kill();
  await site.close();
  await rm(work, { recursive: true, force: true });
}

const chromium = (await chromeVersion()).trim();
const table = [
  '| page | performance | accessibility | best practices | SEO | first contentful paint | largest contentful paint |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (result) =>
      `| ${result.page} (\`${result.path}\`) | ${CATEGORIES.map((category) => result.scores[category]).join(' | ')} | ${result.metrics['first-contentful-paint']} | ${result.metrics['largest-contentful-paint']} |`,
  ),
];
const failed = results.flatMap((result) => result.failed.map((audit) => `- ${result.page}: ${audit}`));
const markdown = [
  '# Lighthouse',
  '',
  `\`npm run lighthouse\`: Lighthouse ${version}, its default mobile audit (a mid-range phone on a simulated slow 4G), in ${chromium}, ` +
    `on the shipped guide built with a site address and served with its \`_headers\`${runs > 1 ? `; each page's median of ${runs} runs` : ''}. Target: 100 in each.`,
  '',
  ...table,
  '',
  failed.length > 0 ? `Audits that did not pass:\n\n${failed.join('\n')}` : 'Every audit that counts towards a score passed.',
  '',
].join('\n');
await writeFile(join(ROOT, 'bench', 'lighthouse.md'), markdown);
await writeFile(
  join(ROOT, 'bench', 'lighthouse.json'),
  `${JSON.stringify({ lighthouse: version, chromium, runs, pages: results }, null, 2)}\n`,
);
process.stdout.write(
  `\n${table.join('\n')}\n${failed.length > 0 ? `\n${failed.join('\n')}\n` : ''}\nWritten to bench/lighthouse.md and bench/lighthouse.json.\n`,
);
if (results.some((result) => CATEGORIES.some((category) => result.scores[category] < 100))) process.exitCode = 1;

async function chromeVersion(): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => execFile(CHROMIUM_PATH, ['--version'], (error, stdout) => resolve(error ? 'Chromium' : stdout)));
}
