import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTRO, fixtureSite, ROOT, writerEnv } from './build-site.ts';

let work: string;
let guide: string;
let server: ChildProcess;
let output = '';
let url: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Polls a page until its status is the one expected (the dev server reloads by itself). */
async function until(path: string, status: number): Promise<string> {
  let last = { status: 0, body: '' };
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(`${url}${path}`).catch(() => undefined);
    if (response) last = { status: response.status, body: await response.text() };
    if (last.status === status) return last.body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${path} stayed ${last.status}, expected ${status}\n${output.slice(-2000)}`);
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signpost-dev-'));
  guide = join(work, 'guides');
  await cp(join(ROOT, 'tests/site/fixtures/guides'), guide, { recursive: true });
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  const env = writerEnv({ FIXTURE_GUIDES: guide, ASTRO_TELEMETRY_DISABLED: '1' });
  // `astro dev`, as a site owner runs it: the integration's loader watches the guides.
  server = spawn(process.execPath, [ASTRO, 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: fixtureSite('minimal'), env });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until('router/', 200);
}, 120_000);

afterAll(async () => {
  server?.kill();
  await rm(work, { recursive: true, force: true });
});

describe('astro dev', () => {
  it('reports a mistake at its place in the terminal, fails the page, and clears both once fixed', async () => {
    const file = join(guide, 'router/index.mdx');
    const before = output.length;
    await edit(file, '::option[Red]{to="no-power"}', '::option[Red]{to="no-powr"}');
    // The page fails (the browser shows Astro's error overlay: see the e2e suite), and the
    // terminal shows the check report.
    await until('router/no-signal/', 500);
    const located = 'router/index.mdx:33:15: error: Cannot find node `no-powr`; did you mean `no-power`? [dangling-target]';
    await expect.poll(() => output.slice(before)).toContain(located);
    await expect.poll(() => output.slice(before)).toContain('  33 | ::option[Red]{to="no-powr"}');

    const fixed = output.length;
    await edit(file, 'to="no-powr"', 'to="no-power"');
    const body = await until('router/no-signal/', 200);
    expect(body).toContain('<h1');
    await expect.poll(() => output.slice(fixed)).toContain('⚠ 0 errors, 1 warning (2 guides, 10 nodes checked)');
  }, 60_000);

  it('picks up new, renamed and deleted files and nodes without a restart', async () => {
    const index = join(guide, 'router/index.mdx');
    await writeFile(join(guide, 'router/extra.mdx'), ':::instructions{#extra title="Call the shop"}\nThey can swap it.\n:::\n');
    await edit(
      index,
      '::option[Something else]{to="restart"}',
      '::option[Something else]{to="restart"}\n::option[None of these]{to="extra"}',
    );
    expect(await until('router/extra/', 200)).toContain('Call the shop');

    await edit(join(guide, 'router/extra.mdx'), '#extra', '#shop');
    await edit(index, 'to="extra"', 'to="shop"');
    expect(await until('router/shop/', 200)).toContain('Call the shop');
    await until('router/extra/', 404);

    await unlink(join(guide, 'router/extra.mdx'));
    await edit(index, '\n::option[None of these]{to="shop"}', '');
    await until('router/shop/', 404);
    await until('router/what-error/', 200);
  }, 60_000);
});
