/**
 * `npm run screenshots`: builds the shipped guide and photographs each page kind, desktop and
 * phone, light and dark, into docs/screenshots/ (for the README and for review); then the
 * fixture guide that uses every kind of rich content (`rich-*.png`).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, buildSite, fixtureSite, ROOT } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve } from './static-server.ts';

const PAGES: Record<string, string> = {
  list: '',
  question: 'account-connection/',
  step: 'account-connection/agency-requirements/',
  error: 'account-connection/sp-refresh-token/',
  instructions: 'account-connection/seller-first-account/',
  'error-index': 'account-connection/errors/',
  map: 'account-connection/map/',
};

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
const site = await serve(join(work, 'dist'));
const rich = await serve(join(work, 'rich'));
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
    for (const [kind, path] of Object.entries(PAGES)) {
      // The map is as wide as the graph: show all of it on a desktop.
      await page.setViewportSize({ width: kind === 'map' && device === 'desktop' ? 1720 : width, height: device === 'phone' ? 812 : 900 });
      await page.goto(`${site.url}${path}`);
      await page.screenshot({ path: join(out, `${kind}-${device}-${scheme}.png`), fullPage: device === 'desktop' });
    }
    await page.setViewportSize({ width, height: device === 'phone' ? 812 : 900 });
    for (const [kind, path] of Object.entries(RICH_PAGES)) {
      await page.goto(`${rich.url}${path}`);
      // Lazy images below the fold load before a whole-page shot.
      await page.evaluate(() =>
        Promise.all([...document.images].map((image) => ((image.loading = 'eager'), image.decode().catch(() => undefined)))),
      );
      await page.screenshot({ path: join(out, `${kind}-${device}-${scheme}.png`), fullPage: true });
    }
    await page.close();
  }
}
await browser.close();
await site.close();
await rich.close();
await rm(work, { recursive: true, force: true });
process.stdout.write(`Screenshots written to ${out}\n`);
