/**
 * What a save costs in the dev server: `astro dev` runs on a copy of the guides, one file of
 * 50 nodes is edited again and again, and the loader's timings (SIGNPOST_TIMINGS, one JSON line
 * per check) say how long the check took and how long until the pages had the change.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DevResult {
  /** The median time of the check after a save, and of the whole update until the pages have it. */
  checkMs: number;
  totalMs: number;
  edits: number;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A word added to, or taken from, the end of the file's first paragraph: a writer's small edit. */
function edited(text: string): string {
  const marker = ' Edited.';
  if (text.includes(marker)) return text.replace(marker, '');
  const paragraph = /\n\n([A-Z][^\n]*)\n/.exec(text)!;
  const end = paragraph.index + 2 + paragraph[1]!.length;
  return `${text.slice(0, end)}${marker}${text.slice(end)}`;
}

/**
 * Runs `astro dev` in `site` on a copy of `guides` (outside any hidden folder, which the
 * watcher skips) and edits one of its files `edits` times.
 */
export async function devRecheck(astro: string, site: string, guides: string, edits: number, env: NodeJS.ProcessEnv): Promise<DevResult> {
  const copy = await mkdtemp(join(tmpdir(), 'signpost-bench-dev-'));
  const timings = join(copy, 'timings.jsonl');
  await cp(guides, join(copy, 'guides'), { recursive: true });
  const folder = join(copy, 'guides', (await readdir(join(copy, 'guides')))[0]!);
  const files = (await readdir(folder)).filter((name) => name.endsWith('.mdx')).sort();
  // A file of the middle of the guide: 50 nodes, like every part the generator writes.
  const file = join(folder, files[Math.floor(files.length / 2)]!);
  const port = await freePort();
  let output = '';
  const server = spawn(process.execPath, [astro, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: site,
    env: { ...env, BENCH_GUIDES: join(copy, 'guides'), SIGNPOST_TIMINGS: timings, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const lines = async (): Promise<{ check: number; total: number }[]> =>
    (await readFile(timings, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { check: number; total: number });
  const until = async (count: number, touch?: () => Promise<void>): Promise<void> => {
    for (let tick = 0; tick < 1200; tick++) {
      if ((await lines()).length >= count) return;
      // The watcher may still be starting: a save it missed is made again.
      if (touch && tick > 0 && tick % 100 === 0) await touch();
      await wait(50);
    }
    throw new Error(`the dev server did not check the guides again:\n${output.slice(-3000)}`);
  };
  let after: { check: number; total: number }[] = [];
  try {
    await until(1);
    await wait(2000);
    for (let edit = 0; edit < edits; edit++) {
      const text = edited(await readFile(file, 'utf8'));
      await writeFile(file, text);
      await until(edit + 2, () => writeFile(file, text));
      await wait(1000);
    }
    after = (await lines()).slice(1);
  } finally {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
    }
    await rm(copy, { recursive: true, force: true });
  }
  const median = (list: number[]) => list.toSorted((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return { checkMs: median(after.map((line) => line.check)), totalMs: median(after.map((line) => line.total)), edits: after.length };
}
