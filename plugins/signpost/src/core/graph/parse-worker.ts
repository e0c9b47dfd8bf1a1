/**
 * A worker thread of parse-ahead.ts: takes the next file from the shared counter, parses it
 * with `parseSource` as the main thread would (with micromark: the native fast path declined
 * it), and sends back what it gave, until none is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadParsers } from './load-guide.ts';
import { parseSource } from './parse-text.ts';
import type { ParseJob } from './parse-ahead.ts';
import { NO_COMPONENTS } from '../parse/site-components.ts';
import type { RegexVerdicts } from '../match/regex.ts';

/** Parses the next job until none is left; the jobs' regular expressions are analysed once each. */
async function parseUntilDone(): Promise<void> {
  const { jobs, next } = workerData as { jobs: ParseJob[]; next: Int32Array };
  const micromark = await loadParsers();
  const verdicts: RegexVerdicts = new Map();
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    const { path, source, isIndex } = jobs[index]!;
    // The native fast path declined these files already (parse-ahead.ts). A worker's port, not
    // a window: there is no origin to name.
    // eslint-disable-next-line unicorn/require-post-message-target-origin
    parentPort!.postMessage({ index, parse: parseSource(path, source, isIndex, NO_COMPONENTS, micromark, verdicts) });
  }
}

await parseUntilDone();
