/**
 * `npm run screenshots`: builds the shipped guide and photographs each page kind, desktop and
 * phone, light and dark, into docs/screenshots/ (for the README and for review). Node pages
 * are reached by clicking the answers from the start, as a reader does, so that they show the
 * trail; a phone shows its first screen (what is above the fold), a desktop the whole page.
 * Then the fixture guide that uses every kind of rich content (`rich-*.png`), each shown whole,
 * and the paste box on a guide with a branch per product version (`paste-equal-*.png`: the
 * cards of both versions side by side; `paste-none-*.png`: output no card is about).
 *
 * `npm run screenshots -- paste-equal paste-none` takes only the shots named.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build, buildSite, fixtureSite, ROOT } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve } from './static-server.ts';

interface Shot {
  /** The page to open. */
  path: string;
  /** Answers to click from there, in order. */
  answers?: string[];
  /** What to do once there. */
  arrive?: (page: Page) => Promise<void>;
}

const PAGES: Record<string, Shot> = {
  list: { path: '' },
  start: { path: 'account-connection/' },
  question: { path: 'account-connection/', answers: ['Account Connection Procedure'] },
  'reached-from': { path: 'account-connection/account-type/', arrive: (page) => page.locator('nav.reached-from summary').click() },
  step: { path: 'account-connection/', answers: ['Account Connection Procedure', 'Private Owner'] },
  error: {
    path: 'account-connection/',
    answers: ['Account Connection Error Messages', 'Connect Selling Partners Error', 'Failed to retrieve refresh token. Please try again.'],
  },
  'error-feedback': {
    path: 'account-connection/',
    answers: ['Account Connection Error Messages', 'Connect Selling Partners Error', 'Session has expired. Please try again.'],
    arrive: async (page) => {
      await page.locator('label[for="feedback-no"]').click();
      await page.locator('.feedback').scrollIntoViewIfNeeded();
    },
  },
  instructions: { path: 'account-connection/seller-first-account/' },
  search: {
    path: 'account-connection/entity/',
    arrive: async (page) => {
      const toggle = page.locator('.search-toggle');
      if (await toggle.isVisible()) await toggle.click();
      await page.fill('#search-input', 'refresh token');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('.search-list')?.dataset['query'] === 'refresh token');
    },
  },
  // A line of a log typed in the search box: the card the matcher finds first, search's results after it.
  'search-match': {
    path: 'ssh-connection/',
    arrive: async (page) => {
      const toggle = page.locator('.search-toggle');
      if (await toggle.isVisible()) await toggle.click();
      const query = '12:03:44 ssh: connect to host github.com port 22: Connection timed out';
      await page.fill('#search-input', query);
      await page.waitForFunction((wanted) => document.querySelector<HTMLElement>('.search-list')?.dataset['query'] === wanted, query);
    },
  },
  'error-index': { path: 'account-connection/errors/' },
  // A paste of four log lines that name two errors: the best cards, each with its line.
  paste: {
    path: 'account-connection/',
    arrive: async (page) => {
      await page.fill('#paste-input', PASTE);
      await page.locator('.paste-form button').click();
      await page.locator('.paste-result').first().waitFor();
      await page.locator('.paste').scrollIntoViewIfNeeded();
    },
  },
  'one-page': { path: 'account-connection/all/' },
  map: { path: 'account-connection/map/' },
  'not-found': { path: 'no-such-page/' },
};

const PASTE = [
  '12:03:41 INFO  [connect] opening Seller Central for DE',
  '12:03:44 ERROR [connect] Session has expired (session 5f2c9a). Please try again.',
  '12:03:45 ERROR [connect] This account is already in use. Please Try Again.',
  '12:03:46 WARN  [sync] retrying with a refresh token: failed',
].join('\n');

/** The box on the start of the guide with a branch per version (tests/e2e/fixtures/versions). */
const VERSION_PAGES: Record<string, Shot> = {
  'paste-equal': {
    path: 'product-help/',
    arrive: (page) => pasteInBox(page, '$ product --start\n12:00:02 ERROR License server refused the connection (code 17)'),
  },
  'paste-none': {
    path: 'product-help/',
    arrive: (page) => pasteInBox(page, '$ product --sync\n12:00:05 ERROR Disk quota exceeded on /var/lib/product\n12:00:06 INFO exiting'),
  },
};

/** Fills the paste box and asks for its cards, then shows the box. */
async function pasteInBox(page: Page, text: string): Promise<void> {
  await page.fill('#paste-input', text);
  await page.locator('.paste-form button').click();
  await page.locator('.paste-results:not([hidden])').waitFor();
  await page.locator('.paste').scrollIntoViewIfNeeded();
}

/** The shots named on the command line, or all. */
const only = new Set(process.argv.slice(2));
const wanted = (kind: string): boolean => only.size === 0 || only.has(kind);

/** The rich-content fixture's pages (tests/site/fixtures/sites/rich), each shown whole. */
const RICH_PAGES: Record<string, string> = {
  'rich-table': 'sync-app/requirements/',
  'rich-wide-table': 'sync-app/error-code/',
  'rich-tabs': 'sync-app/install/',
  'rich-code': 'sync-app/connect/',
  'rich-error': 'sync-app/token-expired/',
  'rich-video': 'sync-app/connected/',
};

const work = await mkdtemp(join(tmpdir(), 'signpost-shots-'));
const run = await build('guide', '--out', join(work, 'dist'));
if (run.code !== 0) throw new Error(run.stdout + run.stderr);
const richRun = await buildSite(fixtureSite('rich'), {}, '--out', join(work, 'rich'));
if (richRun.code !== 0) throw new Error(richRun.stdout + richRun.stderr);
const versionsRun = await build(join(ROOT, 'tests/e2e/fixtures/versions'), '--out', join(work, 'versions'));
if (versionsRun.code !== 0) throw new Error(versionsRun.stdout + versionsRun.stderr);
const site = await serve(join(work, 'dist'));
const rich = await serve(join(work, 'rich'));
const versions = await serve(join(work, 'versions'));
const browser = await launch();
const out = join(ROOT, 'docs', 'screenshots');
await mkdir(out, { recursive: true });
for (const [device, width] of [
  ['desktop', 1280],
  ['phone', 375],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({
      viewport: { width, height: device === 'phone' ? 812 : 900 },
      colorScheme: scheme,
      deviceScaleFactor: 1,
    });
    for (const [kind, shot] of Object.entries(PAGES)) {
      if (!wanted(kind)) continue;
      // The map is as wide as the graph: show all of it on a desktop.
      await page.setViewportSize({ width: kind === 'map' && device === 'desktop' ? 1720 : width, height: device === 'phone' ? 812 : 900 });
      await page.goto(`${site.url}${shot.path}`);
      for (const label of shot.answers ?? []) {
        await Promise.all([page.waitForEvent('load'), page.locator('article a.answer', { hasText: label }).first().click()]);
      }
      await shot.arrive?.(page);
      // Full pages on a desktop; a phone's first screen (what a reader sees before scrolling).
      const full = device === 'desktop' && !kind.startsWith('search');
      await page.screenshot({ path: join(out, `${kind}-${device}-${scheme}.png`), fullPage: full });
    }
    await page.setViewportSize({ width, height: device === 'phone' ? 812 : 900 });
    for (const [kind, path] of Object.entries(RICH_PAGES)) {
      if (!wanted(kind)) continue;
      await page.goto(`${rich.url}${path}`);
      // Lazy images below the fold load before a whole-page shot.
      await page.evaluate(() =>
        Promise.all([...document.images].map((image) => ((image.loading = 'eager'), image.decode().catch(() => undefined)))),
      );
      await page.screenshot({ path: join(out, `${kind}-${device}-${scheme}.png`), fullPage: true });
    }
    for (const [kind, shot] of Object.entries(VERSION_PAGES)) {
      if (!wanted(kind)) continue;
      await page.goto(`${versions.url}${shot.path}`);
      await shot.arrive?.(page);
      await page.screenshot({ path: join(out, `${kind}-${device}-${scheme}.png`), fullPage: device === 'desktop' });
    }
    await page.close();
  }
}
await browser.close();
await site.close();
await rich.close();
await versions.close();
await rm(work, { recursive: true, force: true });
process.stdout.write(`Screenshots written to ${out}\n`);
