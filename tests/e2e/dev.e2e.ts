import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, ROOT } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { overlayText, startDevServer } from './dev-server.ts';

let work: string;
let server: ChildProcess;
let browser: Browser;
let url: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-dev-e2e-'));
  await cp(join(ROOT, 'tests/site/fixtures/guides'), join(work, 'guides'), { recursive: true });
  ({ url, server } = await startDevServer(fixtureSite('minimal'), join(work, 'guides'), 'router/'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  await rm(work, { recursive: true, force: true });
});

describe('the dev server in the browser', () => {
  it('shows a mistake with its place as soon as it is saved, and the page again once fixed', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}router/no-signal/`);
    expect(await page.locator('h1').innerText()).toBe('No signal');
    const file = join(work, 'guides/router/index.mdx');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('::option[Red]{to="no-power"}', '::option[Red]{to="no-powr"}'));
    // The page reloads by itself and Astro's overlay shows the report.
    const overlay = page.locator('vite-error-overlay');
    await expect
      .poll(() => overlayText(page), { timeout: 20_000 })
      .toContain(
        // The overlay shows `code` as code, so the backticks are gone from its text.
        'router/index.mdx:33:15: error: Cannot find node no-powr; did you mean no-power? [dangling-target]',
      );
    await writeFile(file, text);
    await expect
      .poll(async () => (await page.locator('h1.error-message').count()) > 0 && (await overlay.count()) === 0, { timeout: 20_000 })
      .toBe(true);
    expect(await page.locator('h1').innerText()).toBe('No signal');
    await page.close();
  });
});
