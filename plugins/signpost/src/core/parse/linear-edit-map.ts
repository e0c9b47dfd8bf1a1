/**
 * A fix for a quadratic step in micromark, the Markdown parser under every Signpost parse.
 *
 * micromark batches changes to its list of events in an `EditMap` and applies them with
 * `consume`, which rebuilds the whole list. The document tokenizer does that on every line
 * that ends a list or a quote without a marker (`- a`, a blank line, then `Text`), so a file
 * of lists and paragraphs took time quadratic in its length (86 KB of `> a`, blank,
 * `Text`: 26 s). The edits are near the end of the list: applied in place, from the last one
 * back, each costs only the events after it. The result is the same list for the same edits
 * (tests/check/edit-map.test.ts compares both on random edits).
 */
import { EditMap } from 'micromark-util-edit-map';

type Change = [at: number, remove: number, add: unknown[]];
interface Edits {
  map: Change[];
  index: Map<number, Change>;
}

/** micromark's own `consume`, kept for the equivalence test. */
export const originalConsume: (this: EditMap, events: unknown[]) => void = EditMap.prototype.consume as never;

/** Applies the recorded edits to `events` in place, as `originalConsume` does by copying. */
export function consumeInPlace(this: EditMap, events: unknown[]): void {
  const edits = this as unknown as Edits;
  edits.map.sort((a, b) => a[0] - b[0]);
  // Like the original, an edit removes nothing past the start of the next one.
  let end = events.length;
  for (let index = edits.map.length - 1; index >= 0; index--) {
    const [at, remove, add] = edits.map[index]!;
    const start = Math.min(at, events.length);
    spliceMany(events, start, Math.max(0, Math.min(remove, end - start)), add);
    end = start;
  }
  edits.map.length = 0;
  edits.index.clear();
}

/** `Array#splice` with the items as an array, in slices that stay under V8's argument limit. */
function spliceMany(list: unknown[], start: number, remove: number, items: unknown[]): void {
  if (remove > 0) list.splice(start, remove);
  for (let from = 0; from < items.length; from += 10_000) {
    list.splice(start + from, 0, ...items.slice(from, from + 10_000));
  }
}

/** Makes every micromark parse in this process use `consumeInPlace` (idempotent). */
export function installLinearEditMap(): void {
  EditMap.prototype.consume = consumeInPlace as never;
}
