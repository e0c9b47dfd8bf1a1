/**
 * How long parts of a build took, for `signpost build`'s SIGNPOST_TIMINGS (`npm run bench`),
 * from where they are done. The pages are rendered in this process but from a bundle of their
 * own, so the command's callback reaches them through a global while a build runs.
 */
const ON_PHASE = Symbol.for('signpost.on-phase');

type OnPhase = (phase: string, milliseconds: number) => void;

/** Hands parts' times to `onPhase` until it is called again without one. */
export function listenToPhases(onPhase: OnPhase | undefined): void {
  (globalThis as { [ON_PHASE]?: OnPhase | undefined })[ON_PHASE] = onPhase;
}

/** Says how long a part of the build took, if a command is listening. */
export function reportPhase(phase: string, milliseconds: number): void {
  (globalThis as { [ON_PHASE]?: OnPhase | undefined })[ON_PHASE]?.(phase, milliseconds);
}
