/**
 * The guides `npm run build` checked before running Astro, handed to the pages so they are
 * not parsed twice. Astro evaluates pages in module instances of
 * their own, so the hand-over goes through a global symbol.
 */
import type { CheckResult } from './check.ts';

const KEY = Symbol.for('signpost.checked-guides');

export interface CheckedGuides {
  /** The folder of guides that was checked. */
  dir: string;
  result: CheckResult;
}

type Holder = { [KEY]?: CheckedGuides };

export function storeCheckedGuides(dir: string, result: CheckResult): void {
  (globalThis as Holder)[KEY] = { dir, result };
}

export function checkedGuides(dir: string): CheckedGuides | undefined {
  const stored = (globalThis as Holder)[KEY];
  return stored?.dir === dir ? stored : undefined;
}
