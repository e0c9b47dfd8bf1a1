/**
 * Time spent in each phase of a build, for `npm run bench`. Phases run in Astro's module
 * instances as well as the command's, so the totals live under a global symbol.
 */
const KEY = Symbol.for('signpost.timings');

type Holder = { [KEY]?: Record<string, number> };

function totals(): Record<string, number> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= {});
}

/** Runs `work`, adding its wall time to the phase's total. */
export async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    totals()[phase] = (totals()[phase] ?? 0) + performance.now() - start;
  }
}

/** Milliseconds spent in each phase so far. */
export function phaseTimes(): Record<string, number> {
  return { ...totals() };
}
