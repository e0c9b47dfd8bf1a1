import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTRO, fixtureSite, ROOT, writerEnv } from '../site/build-site.ts';
import { launch } from './browser.ts';

let work: string;
let server: ChildProcess;
let browser: Browser;
let url: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-dev-e2e-'));
  await cp(join(ROOT, 'tests/site/fixtures/guides'), join(work, 'guides'), { recursive: true });
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  url = `http://127.0.0.1:${port}/`;
  const env = writerEnv({ FIXTURE_GUIDES: join(work, 'guides'), ASTRO_TELEMETRY_DISABLED: '1' });
  server = spawn(process.execPath, [ASTRO, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: fixtureSite('minimal'),
    env,
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await fetch(`${url}router/`).catch(() => undefined);
    if (response?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
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
    const overlayText = () =>
      page.evaluate(() => {
        const root = document.querySelector('vite-error-overlay')?.shadowRoot;
        return root
          ? [...root.children]
              .filter((child) => child.tagName !== 'STYLE')
              .map((child) => (child as HTMLElement).innerText)
              .join('\n')
          : '';
      });
    await expect.poll(overlayText, { timeout: 20_000 }).toContain(
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
