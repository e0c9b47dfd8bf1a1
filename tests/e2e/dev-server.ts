/**
 * `astro dev` on a fixture site, as a site owner runs it, for the tests of what a writer sees
 * while writing; and the text of Astro's error overlay, where a mistake shows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { ASTRO, writerEnv } from '../site/build-site.ts';

export interface DevServer {
  /** The site's address, ending in `/`. */
  url: string;
  server: ChildProcess;
}

/**
 * Starts `astro dev` in the fixture site `site` on a free loopback port, its guides read from
 * `guides` (FIXTURE_GUIDES), and waits (up to 30 seconds) until `ready`, a path under it, answers.
 */
export async function startDevServer(site: string, guides: string, ready: string): Promise<DevServer> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const url = `http://127.0.0.1:${port}/`;
  const env = writerEnv({ FIXTURE_GUIDES: guides, ASTRO_TELEMETRY_DISABLED: '1' });
  const server = spawn(process.execPath, [ASTRO, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: site,
    env,
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await fetch(`${url}${ready}`).catch(() => undefined);
    if (response?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, server };
}

/** The text of Astro's error overlay, or `''` when there is none. */
export function overlayText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('vite-error-overlay')?.shadowRoot;
    return root
      ? [...root.children]
          .filter((child) => child.tagName !== 'STYLE')
          .map((child) => (child as HTMLElement).innerText)
          .join('\n')
      : '';
  });
}
