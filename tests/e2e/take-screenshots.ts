/**
 * `npm run screenshots`: builds the shipped guide and photographs each page kind, desktop and
 * phone, light and dark, into docs/screenshots/ (for the README and for review).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, ROOT } from '../site/build-site.ts';
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

const work = await mkdtemp(join(tmpdir(), 'signpost-shots-'));
const run = await build('guide', '--out', join(work, 'dist'));
if (run.code !== 0) throw new Error(run.stdout + run.stderr);
const site = await serve(join(work, 'dist'));
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
    await page.close();
  }
}
await browser.close();
await site.close();
await rm(work, { recursive: true, force: true });
process.stdout.write(`Screenshots written to ${out}\n`);
