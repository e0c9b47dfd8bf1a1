/**
 * Parsing in worker threads: micromark runs at about 1 MB a second, so a large check spreads
 * the files that no cache holds and the native fast path declines (native-parse.ts) over the
 * machine's cores before `loadGuide` reads the guides; each file is parsed by the same code
 * (`parseSource`) in a worker as it would be in the main thread, and `loadGuide` then finds it
 * parsed. The main thread parses too, and every thread takes the next file, largest first, as
 * it is free. Files the fast path reads are parsed in the main thread at once: fifty times
 * faster, they would not repay a worker.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Point } from 'unist';
import { listGuideFiles, INDEX_FILE } from './guide-files.ts';
import { loadParsers, loadParsing, parseMemory, type FileParse, type Micromark } from './load-guide.ts';
import type { CheckerMemory } from '../memory.ts';
import type { ParseCache } from './parse-cache.ts';
import { readSource } from '../parse/source.ts';
import { componentsKey, NO_COMPONENTS, type SiteComponents } from '../parse/site-components.ts';

/** Below this many bytes to parse, starting a worker (about 0.1 s) costs more than it saves. */
export const PARSE_AHEAD_BYTES = 384 * 1024;
/** Workers at most, beside the main thread. */
const MAX_WORKERS = 7;

/** One file to parse, as the workers receive it. */
export interface ParseJob {
  path: string;
  source: { text: string; invalidAt?: Point };
  isIndex: boolean;
}

/** What parsing ahead did: the files it parsed, and how many of them worker threads parsed. */
export interface ParsedAhead {
  files: number;
  inWorkers: number;
}

/**
 * Parses ahead the files of `guideDirs` that neither the checker's `memory` nor the cache
 * holds, in parallel when there is enough to parse and a core to spare, and keeps them in
 * both. Site components are zod schemas, which cannot cross to a worker: with them,
 * `loadGuide` parses in the main thread as usual.
 */
export async function parseAhead(
  guideDirs: string[],
  memory: CheckerMemory,
  cache: ParseCache<FileParse> | undefined,
  components: SiteComponents = NO_COMPONENTS,
): Promise<ParsedAhead> {
  const none = { files: 0, inWorkers: 0 };
  const threads = Math.min(availableParallelism() - 1, MAX_WORKERS);
  if (threads < 1 || components.size > 0) return none;
  const jobs: ParseJob[] = [];
  let bytes = 0;
  let native = 0;
  const key = componentsKey(components);
  for (const dir of guideDirs) {
    // What the walk meets is loadGuide's to report: here it only stops the reading ahead.
    const files = listGuideFiles(dir, []) ?? [];
    for (const path of files) {
      const source = readSource(path);
      if (!('text' in source)) continue;
      const isIndex = path === join(dir, INDEX_FILE);
      if (!(await parseMemory.needed(memory, path, source.text, isIndex, { components, key }, cache))) continue;
      const { parseSource } = await loadParsing();
      const parsed = parseSource(path, source, isIndex, components, 'native', memory.verdicts);
      if (parsed) {
        parseMemory.remember(memory, path, source.text, isIndex, key, cache, parsed);
        native++;
        continue;
      }
      jobs.push({ path, source: { text: source.text, ...(source.invalidAt ? { invalidAt: source.invalidAt } : {}) }, isIndex });
      bytes += source.text.length;
    }
  }
  if (bytes < PARSE_AHEAD_BYTES) return { files: native, inWorkers: 0 };
  jobs.sort((a, b) => b.source.text.length - a.source.text.length);
  const micromark = await loadParsers();
  const { results, inWorkers } = await parseJobs(jobs, Math.min(threads, Math.ceil(bytes / PARSE_AHEAD_BYTES) - 1 || 1), micromark, memory);
  jobs.forEach((job, index) => parseMemory.remember(memory, job.path, job.source.text, job.isIndex, key, cache, results[index]!));
  return { files: native + jobs.length, inWorkers };
}

/** The worker's module, beside this one (TypeScript in the tests, JavaScript once built). */
function workerUrl(): URL {
  const extension = /\.[jt]s$/.exec(new URL(import.meta.url).pathname)?.[0] ?? '.js';
  return new URL(`./parse-worker${extension}`, import.meta.url);
}

/** Parses `jobs` in the main thread and `workers` worker threads, each taking the next job as it is free. */
async function parseJobs(
  jobs: ParseJob[],
  workers: number,
  micromark: Micromark,
  { verdicts }: CheckerMemory,
): Promise<{ results: FileParse[]; inWorkers: number }> {
  const { parseSource } = await loadParsing();
  const next = new Int32Array(new SharedArrayBuffer(4));
  const results: FileParse[] = Array.from({ length: jobs.length });
  let inWorkers = 0;
  const url = workerUrl();
  const done = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve) => {
        const worker = new Worker(url, { workerData: { jobs, next } });
        worker.on('message', ({ index, parse }: { index: number; parse: FileParse }) => {
          results[index] = parse;
          inWorkers++;
        });
        // A worker that fails leaves its jobs to the main thread.
        worker.on('error', () => resolve());
        worker.on('exit', () => resolve());
      }),
  );
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    const { path, source, isIndex } = jobs[index]!;
    results[index] = parseSource(path, source, isIndex, NO_COMPONENTS, micromark, verdicts);
  }
  await Promise.all(done);
  // A worker that could not start leaves its jobs undone: they are parsed here.
  return {
    results: results.map(
      (parse, index) =>
        parse ?? parseSource(jobs[index]!.path, jobs[index]!.source, jobs[index]!.isIndex, NO_COMPONENTS, micromark, verdicts),
    ),
    inWorkers,
  };
}
