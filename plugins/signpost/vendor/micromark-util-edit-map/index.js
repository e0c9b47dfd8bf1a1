/**
 * micromark's `EditMap` (micromark-util-edit-map 1.0.0), with one method changed: `consume`.
 *
 * micromark batches changes to its list of events in an `EditMap` and applies them with
 * `consume`, which upstream rebuilds the whole list by copying. The document tokenizer does
 * that on every line that ends a list or a quote without a marker (`- a`, a blank line, then
 * `Text`), so a file of lists and paragraphs took time quadratic in its length (86 KB of
 * `> a`, blank, `Text`: 26 s). The edits are near the end of the list: applied in place, from
 * the last one back, each costs only the events after it. The result is the same list for the
 * same edits.
 *
 * Signpost's build bundles micromark with this class in place of upstream's wherever micromark
 * imports `micromark-util-edit-map` (scripts/build.mjs; the bundle is `#micromark`), so every
 * parse Signpost makes is linear, in this repository and in any site that installs it, while
 * the micromark other packages load is left as it is. The class extends upstream's: nothing of
 * upstream's is modified. tests/check/edit-map.test.ts compares both `consume`s on random
 * edits, checks that the bundled tokenizers use this one, and fails when the upstream source
 * differs from the one this was derived from (`source.json`): re-derive the fix then, or drop
 * it if upstream has made `consume` linear.
 */
import { EditMap as UpstreamEditMap } from 'micromark-util-edit-map';

export class EditMap extends UpstreamEditMap {
  /**
   * Applies the recorded edits to `events` in place, as upstream's `consume` does by copying.
   *
   * @param {Array<import('micromark-util-types').Event>} events
   * @returns {undefined}
   */
  consume(events) {
    this.map.sort((a, b) => a[0] - b[0]);
    // As upstream, an edit removes nothing past the start of the next one.
    let end = events.length;
    for (let index = this.map.length - 1; index >= 0; index--) {
      const [at, remove, add] = this.map[index];
      const start = Math.min(at, events.length);
      spliceMany(events, start, Math.max(0, Math.min(remove, end - start)), add);
      end = start;
    }
    this.map.length = 0;
    this.index.clear();
  }
}

/**
 * `Array#splice` with the items as an array, in slices that stay under V8's argument limit.
 *
 * @param {Array<unknown>} list
 * @param {number} start
 * @param {number} remove
 * @param {Array<unknown>} items
 */
function spliceMany(list, start, remove, items) {
  if (remove > 0) list.splice(start, remove);
  for (let from = 0; from < items.length; from += 10_000) {
    list.splice(start + from, 0, ...items.slice(from, from + 10_000));
  }
}
