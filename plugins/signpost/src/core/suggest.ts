/**
 * Proposals for misspelt names: "did you mean `reboot-router`?".
 */

/**
 * Optimal string alignment distance: Levenshtein plus the swap of two neighbours. With `max`,
 * it stops as soon as the distance must be over `max`, and returns `max + 1`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current.push(best);
      if (best < rowMin) rowMin = best;
    }
    // A cell is at least the smaller of the row above's minimum and the one before's plus one
    // (a swap): once both are past `max`, so is the distance.
    if (rowMin > max && previousMin >= max) return max + 1;
    previousMin = rowMin;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * What proposals may cost in all, in cells of the distance table: a guide with thousands of
 * misspelt targets and thousands of ids would otherwise compare every pair. Past it, messages
 * go on without a proposal.
 */
export interface ProposalBudget {
  cells: number;
}

/** The budget of one guide's proposals (about a tenth of a second). */
export function proposalBudget(): ProposalBudget {
  return { cells: 20_000_000 };
}

/**
 * The candidate closest to `name`, or `undefined` when none is close enough to be a plausible
 * typo (at most a third of the name's length in edits, and at least 1, 2 from 6 characters).
 */
export function closest(name: string, candidates: Iterable<string>, budget?: ProposalBudget): string | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.max(wanted.length >= 6 ? 2 : 1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    // The distance is at least the difference in length: such a candidate can neither be close
    // enough nor beat (or tie with) the best so far.
    const max = Math.min(limit, bestDistance);
    if (Math.abs(candidate.length - wanted.length) > max) continue;
    if (budget) {
      budget.cells -= (wanted.length + 1) * (candidate.length + 1);
      if (budget.cells < 0) return undefined;
    }
    const distance = editDistance(wanted, candidate.toLowerCase(), max);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** `; did you mean `x`?` when a proposal exists, else the fallback advice. */
export function didYouMean(name: string, candidates: Iterable<string>, otherwise = ''): string {
  const proposal = closest(name, candidates);
  return proposal === undefined ? otherwise : `; did you mean \`${proposal}\`?`;
}

/** Turns any text into the lowercase slug an id must be: `Reboot_Router` → `reboot-router`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The lowercase slug ids and guide folder names must be. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Node ids that would clash with a guide's own pages under `/<guide>/`. */
export const RESERVED_NODE_IDS: ReadonlyMap<string, string> = new Map([
  ['all', 'one-page view'],
  ['errors', 'error index'],
  ['map', 'map'],
]);

/** Guide folder names that would clash with the site's own paths. */
export const RESERVED_GUIDE_SLUGS: ReadonlyMap<string, string> = new Map([
  ['pagefind', 'search index'],
  ['404', 'not-found page'],
  ['assets', 'assets'],
]);

/** Writer's text as a message quotes it: at most `max` characters, then `…`. */
export function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
