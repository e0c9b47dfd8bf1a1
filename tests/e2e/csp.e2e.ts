import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, listFiles } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serveAsHost, type StaticSite } from './static-server.ts';

let work: string;
let browser: Browser;
let site: StaticSite;
let pages: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-csp-'));
  const dist = join(work, 'dist');
  const run = await build('guide', '--out', dist);
  expect(run.code, run.stderr).toBe(0);
  site = await serveAsHost(dist);
  pages = (await listFiles(dist)).filter((file) => file.endsWith('.html')).map((file) => file.replace(/index\.html$/, ''));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(work, { recursive: true, force: true });
});

/**
 * A page that records every Content-Security-Policy violation and console error. `violations()`
 * gives those of the page loaded now, and the console errors since it was last asked, each once;
 * a page of its own for each address keeps one address's late errors from reaching the next's.
 */
async function watched(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await browser.newPage();
  const console: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return {
    page,
    violations: async () => [
      ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)),
      ...console.splice(0),
    ],
  };
}

describe('the Content-Security-Policy', () => {
  it('holds on every page: no violation, no console error', async () => {
    const found: string[] = [];
    // The SSH Connection Guide's pages too: 51 nodes, its start, one-page view, list of error
    // messages and map, and the map's parts for the 8 branches too large to draw in it.
    expect(pages.filter((path) => path.startsWith('ssh-connection/'))).toHaveLength(63);
    for (const path of pages) {
      const { page, violations } = await watched();
      await page.goto(`${site.url}${path}`);
      await page.waitForLoadState('networkidle');
      found.push(...(await violations()).map((violation) => `${path}: ${violation}`));
      await page.close();
    }
    expect(found).toEqual([]);
    // Each page waits for the network to be idle (half a second): 80-odd pages.
  }, 180_000);

  it('holds while searching and answering feedback', async () => {
    const { page, violations } = await watched();
    await page.goto(`${site.url}account-connection/sp-geocompany/`);
    await page.keyboard.press('/');
    await page.keyboard.type('refresh token');
    await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(0);
    // A typo: the guide's words load for "Did you mean".
    await page.fill('#search-input', 'geocompnay');
    await expect.poll(() => page.locator('.search-suggestion').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('label[for="feedback-no"]').click();
    // The theme button, then an answer after No: its trail handed to the next page.
    await page.locator('[data-theme-toggle]').click();
    await page.waitForLoadState('networkidle');
    const before = await violations();
    await Promise.all([page.waitForEvent('load'), page.locator('.alternatives a').first().click()]);
    await page.locator('.path-report summary').click();
    await page.waitForLoadState('networkidle');
    expect([...before, ...(await violations())]).toEqual([]);
    await page.close();
  });
});
