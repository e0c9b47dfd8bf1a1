/**
 * The guides checked by the process that runs Astro (`npm run build`, `npm run dev`), handed
 * to the pages so they are not parsed twice. Astro evaluates pages in module instances of
 * their own, so the hand-over goes through a global symbol.
 */
import type { CheckResult } from './check.ts';

const KEY = Symbol.for('signpost.checked-guides');

export interface CheckedGuides {
  /** The folder of guides that was checked. */
  dir: string;
  /** Grows each time the guides change (in the dev server). */
  version: number;
  result: CheckResult;
}

type Holder = { [KEY]?: CheckedGuides };

export function storeCheckedGuides(dir: string, result: CheckResult): CheckedGuides {
  const holder = globalThis as Holder;
  const stored = { dir, version: (holder[KEY]?.version ?? 0) + 1, result };
  holder[KEY] = stored;
  return stored;
}

export function checkedGuides(dir: string): CheckedGuides | undefined {
  const stored = (globalThis as Holder)[KEY];
  return stored?.dir === dir ? stored : undefined;
}
