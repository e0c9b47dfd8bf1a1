/**
 * Signpost inside a plain Astro site and a Starlight site, under /help/: in Chromium, the
 * guides' search finds their cards, and the host's pages load as they did.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureSite } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { serve, type StaticSite } from './static-server.ts';

const SITES = ['plain-astro', 'starlight'] as const;
let work: string;
let browser: Browser;
const servers = new Map<string, StaticSite>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-embed-e2e-'));
  for (const name of SITES) {
    const run = await buildSite(fixtureSite(name), {}, '--out', join(work, name));
    expect(run.code, `${name}: ${run.stdout}${run.stderr}`).toBe(0);
    servers.set(name, await serve(join(work, name)));
  }
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
  await rm(work, { recursive: true, force: true });
});

describe.each(SITES)('the guides under /help/ of a %s site', (name) => {
  it('find a card from its message in the search box, and open it', async () => {
    const site = servers.get(name)!;
    const page = await browser.newPage();
    await page.goto(`${site.url}help/router/`);
    await page.fill('#search-input', 'No signal');
    const first = page.locator('.search-result').first();
    await expect.poll(async () => (await first.count()) > 0 && (await first.locator('.search-result-title').innerText())).toBe('No signal');
    await first.click();
    await page.waitForURL(`${site.url}help/router/no-signal/`);
    expect(await page.locator('h1').innerText()).toBe('No signal');
    await page.close();
  });

  it('leave the host site’s home page as it was', async () => {
    const site = servers.get(name)!;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site.url);
    expect(await page.locator('h1').first().innerText()).toBe(name === 'starlight' ? 'Acme Docs' : 'Acme home');
    expect(errors).toEqual([]);
    await page.close();
  });
});
