/**
 * Rich content in `astro dev`: images through astro:assets and the files beside the guide are
 * served while writing, and each mistake (a missing image, a missing alt text, a broken node
 * link, a broken relative link, a Reason of comments only) shows in Astro's error overlay at
 * its line, with its fix, as soon as it is saved; the page comes back once fixed.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../site/build-site.ts';
import { launch } from './browser.ts';
import { overlayText, startDevServer } from './dev-server.ts';

let work: string;
let server: ChildProcess;
let browser: Browser;
let url: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-rich-dev-'));
  await cp(join(fixtureSite('rich'), 'guide'), join(work, 'guide'), { recursive: true });
  ({ url, server } = await startDevServer(fixtureSite('rich'), join(work, 'guide'), 'sync-app/'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  // Wait for the server to be gone: on its way out it writes the site's .astro/ (its content
  // store, pointing at this copy of the guide), which a build of the fixture site reads next.
  if (server && server.exitCode === null) {
    const exited = once(server, 'exit');
    server.kill();
    await exited;
  }
  await rm(join(fixtureSite('rich'), '.astro'), { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('rich content in the dev server', () => {
  it('serves the optimised images and the files beside the guide', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}sync-app/install/`);
    const image = page.locator('.figure-screenshot img');
    expect(await image.getAttribute('width')).toBe('600');
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.goto(`${url}sync-app/connect/`);
    const pdf = await page.locator('a[href$="checklist.pdf"]').getAttribute('href');
    const response = await fetch(new URL(pdf!, url));
    expect([response.status, await response.text()]).toEqual([200, '%PDF-1.4\n% Sync app checklist\n']);
    // The bytes `check` passed, with their type, never sniffed, and a PDF as a download.
    expect(pdf).toMatch(/\/_signpost\/download\/[0-9a-f]{12}\/checklist\.pdf$/);
    expect(
      ['content-type', 'x-content-type-options', 'content-security-policy', 'content-disposition'].map((name) =>
        response.headers.get(name),
      ),
    ).toEqual(['application/pdf', 'nosniff', 'sandbox', 'attachment']);
    await page.close();
  });

  it('shows each mistake in the overlay at its line as soon as it is saved, and the page once fixed', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}sync-app/token-expired/`);
    expect(await page.locator('h1').innerText()).toBe('Error 401: The token has expired.');
    const file = join(work, 'guide/sync-app/index.mdx');
    const text = await readFile(file, 'utf8');
    const broken = text
      .replace('alt="The Reset token window with a red Reset button"', 'alt=""')
      .replace('look it up under [Error messages](#error-code)', 'look it up under [Error messages](#error-codes)')
      .replace('[setup checklist](./files/checklist.pdf)', '[setup checklist](./files/check-list.pdf)')
      .replace('The app signs in with a token, which expires after 90 days.', '{/* TODO: ask the API team */}');
    await writeFile(file, broken);
    // A file can go while the text stays: the image of the sign-in step.
    await rename(join(work, 'guide/sync-app/img/sign-in.png'), join(work, 'guide/sync-app/img/signin.png'));
    // The overlay shows `code` as code, so the backticks are gone from its text.
    const expected = [
      'sync-app/index.mdx:58:50: error: Cannot find image ./img/sign-in.png (looked for sync-app/img/sign-in.png); did you mean ./img/signin.png? [broken-image]',
      'sync-app/index.mdx:75:53: error: Cannot find node error-codes; did you mean error-code? [dangling-target]',
      'sync-app/index.mdx:76:11: error: Cannot find file ./files/check-list.pdf (looked for sync-app/files/check-list.pdf); did you mean ./files/checklist.pdf? [broken-link]',
      'sync-app/index.mdx:109:1: error: The Reason of error card token-expired holds only comments, which readers do not see; say why the error happens [missing-reason]',
      'sync-app/index.mdx:121:55: error: This image has no alt text; say what it shows for readers who cannot see it: ::image{src="…" alt="What the image shows"} [missing-alt]',
    ];
    await expect.poll(() => overlayText(page), { timeout: 20_000 }).toContain(expected.at(-1));
    const shown = await overlayText(page);
    for (const line of expected) expect(shown).toContain(line);
    await rename(join(work, 'guide/sync-app/img/signin.png'), join(work, 'guide/sync-app/img/sign-in.png'));
    await writeFile(file, text);
    await expect
      .poll(async () => (await page.locator('h1.error-message').count()) > 0 && (await page.locator('vite-error-overlay').count()) === 0, {
        timeout: 20_000,
      })
      .toBe(true);
    await page.close();
  });
});
