/**
 * The check in a fresh process, as far as the parses kept in memory go: new module instances
 * of the core, for the tests of what a later run reads from the cache on disk.
 */
import { vi } from 'vitest';

export type Core = typeof import('../../plugins/signpost/src/core/index.ts');

/** The core as a new process loads it (its modules loaded again). */
export async function fresh(): Promise<Core> {
  vi.resetModules();
  return import('../../plugins/signpost/src/core/index.ts');
}

/** A result without object identity: what a reader of the guides sees. */
export function plain(result: Awaited<ReturnType<Core['checkGuides']>>): unknown {
  return JSON.parse(JSON.stringify({ guides: result.guides.map(({ byId: _byId, ...guide }) => guide), problems: result.problems }));
}
