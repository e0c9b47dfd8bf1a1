/**
 * Signpost replaces micromark's `EditMap#consume` (which copies every event on every edit) by
 * one that edits in place: the same edits must give the same events.
 */
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import { describe, expect, it } from 'vitest';
import { consumeInPlace, originalConsume } from '../../plugins/signpost/src/core/parse/linear-edit-map.ts';

const edit = fc.record({
  at: fc.nat({ max: 60 }),
  remove: fc.nat({ max: 8 }),
  add: fc.array(fc.integer(), { maxLength: 5 }),
  before: fc.boolean(),
});

function apply(
  consume: typeof originalConsume,
  length: number,
  edits: { at: number; remove: number; add: number[]; before: boolean }[],
): unknown[] {
  const events: unknown[] = Array.from({ length }, (_, i) => `e${i}`);
  const map = new EditMap();
  for (const { at: wanted, remove, add, before } of edits) {
    // micromark edits existing events: an edit starts at most at the end of the list.
    const at = wanted % (length + 1);
    if (before) map.addBefore(at, remove, [...add] as never[]);
    else map.add(at, remove, [...add] as never[]);
  }
  consume.call(map, events);
  return events;
}

describe('the in-place EditMap#consume', () => {
  it('gives the same events as micromark’s for any edits, overlapping ones included', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.array(edit, { maxLength: 12 }), (length, edits) => {
        expect(apply(consumeInPlace, length, edits)).toEqual(apply(originalConsume, length, edits));
      }),
      { numRuns: 2000, seed: 20261126 },
    );
  });

  it('is the one micromark uses once the parser is loaded', async () => {
    await import('../../plugins/signpost/src/core/parse/processor.ts');
    expect(EditMap.prototype.consume).toBe(consumeInPlace);
  });
});
