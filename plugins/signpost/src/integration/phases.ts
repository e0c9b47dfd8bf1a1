/**
 * How long parts of a build took where they are done, for `signpost build`'s SIGNPOST_TIMINGS
 * (`npm run bench`). The pages run from a bundle of their own, which cannot be handed the
 * command's callback: they leave a measure on Node's performance timeline (User Timing), and
 * the integration reads it once the pages are written, then clears it.
 */

/** The name of a part's measures. */
const measureName = (phase: string): string => `signpost:${phase}`;

/** Says that a part of the build ran from `started` (a `performance.now()`) until now. */
export function measurePhase(phase: string, started: number): void {
  performance.measure(measureName(phase), { start: started, end: performance.now() });
}

/** The milliseconds the part's measures add up to since it was last taken, which are cleared. */
export function takePhase(phase: string): number {
  const name = measureName(phase);
  const total = performance.getEntriesByName(name, 'measure').reduce((sum, entry) => sum + entry.duration, 0);
  performance.clearMeasures(name);
  return total;
}
