/**
 * A renamed node's old URL, opened in Chromium, lands on its new page: the former id's page
 * redirects with no script, under the site's Content-Security-Policy sent as a header.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, ROOT } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serveAsHost, type StaticSite } from './static-server.ts';

let work: string;
let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-moved-e2e-'));
  const dist = join(work, 'dist');
  const run = await build(join(ROOT, 'tests/site/fixtures/moved'), '--out', dist, '--base', '/help/');
  expect(run.code, run.stderr).toBe(0);
  site = await serveAsHost(dist, '/help/');
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(work, { recursive: true, force: true });
});

describe('an old link to a renamed node', () => {
  it('lands on the node under its new id, with JavaScript on or off, and no policy violation', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') violations.push(message.text());
      });
      for (const [former, now, heading] of [
        ['agency', 'agency-requirements', 'What an agency needs'],
        ['sp-refresh-token', 'owner-requirements', 'Failed to retrieve refresh token.'],
      ] as const) {
        await page.goto(`${site.url}connect/${former}/`);
        await page.waitForURL(`${site.url}connect/${now}/`);
        expect(await page.locator('h1').textContent()).toBe(heading);
      }
      expect(violations).toEqual([]);
      await context.close();
    }
  });
});
