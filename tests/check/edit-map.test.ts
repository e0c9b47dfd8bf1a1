/**
 * micromark's `EditMap#consume` copies every event on every edit, which made parsing quadratic
 * in the file (plugins/signpost/vendor/micromark-util-edit-map/index.js says where). Signpost
 * parses with its own bundle of micromark (`#micromark`, built by scripts/build.mjs), in
 * which a vendored `EditMap` whose `consume` edits in place takes upstream's place: the same
 * edits must give the same events, the bundled tokenizers must use it, upstream's class must
 * stay as it is, and a change upstream must fail here, so that someone derives the fix again
 * (or drops it).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EditMap as UpstreamEditMap } from 'micromark-util-edit-map';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditMap as BundledEditMap } from '../../plugins/signpost/dist/vendor/micromark.js';
import { BUNDLED } from '../../plugins/signpost/dist/vendor/micromark-contents.js';
import { mdxParser } from '../../plugins/signpost/src/core/parse/processor.ts';
import { EditMap } from '../../plugins/signpost/vendor/micromark-util-edit-map/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const VENDORED = join(ROOT, 'plugins/signpost/vendor/micromark-util-edit-map');
const source = JSON.parse(readFileSync(join(VENDORED, 'source.json'), 'utf8')) as {
  package: string;
  version: string;
  sha256: Record<string, string>;
};
/** A quote and a list each ended by a line without a marker: micromark's document tokenizer edits its events there. */
const LAZY_ENDINGS = '> a\n\nText\n\n- b\n\nText\n\nTitle\n=====\n\n*a* b\n';

const edit = fc.record({
  at: fc.nat({ max: 60 }),
  remove: fc.nat({ max: 8 }),
  add: fc.array(fc.integer(), { maxLength: 5 }),
  before: fc.boolean(),
});

function apply(
  Map: typeof UpstreamEditMap,
  length: number,
  edits: { at: number; remove: number; add: number[]; before: boolean }[],
): unknown[] {
  const events: unknown[] = Array.from({ length }, (_, i) => `e${i}`);
  const map = new Map();
  for (const { at: wanted, remove, add, before } of edits) {
    // micromark edits existing events: an edit starts at most at the end of the list.
    const at = wanted % (length + 1);
    if (before) map.addBefore(at, remove, [...add] as never[]);
    else map.add(at, remove, [...add] as never[]);
  }
  map.consume(events as never[]);
  return events;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the vendored EditMap', () => {
  it('gives the same events as micromark’s for any edits, overlapping ones included', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.array(edit, { maxLength: 12 }), (length, edits) => {
        expect(apply(EditMap, length, edits)).toEqual(apply(UpstreamEditMap, length, edits));
        expect(apply(BundledEditMap, length, edits)).toEqual(apply(UpstreamEditMap, length, edits));
      }),
      { numRuns: 2000, seed: 20261126 },
    );
  });

  it('is the one the bundled tokenizers use: document, text and setext headings', () => {
    const consume = vi.spyOn(BundledEditMap.prototype, 'consume');
    const upstream = vi.spyOn(Object.getPrototypeOf(BundledEditMap.prototype) as UpstreamEditMap, 'consume');
    mdxParser.parse(LAZY_ENDINGS);
    expect(consume.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(upstream).not.toHaveBeenCalled();
    expect(Object.getOwnPropertyNames(BundledEditMap.prototype)).toEqual(['constructor', 'consume']);
    expect(BUNDLED.filter((name) => /^(micromark|mdast-util-from-markdown)@/.test(name))).toHaveLength(2);
  });

  it('leaves upstream’s class, which other packages’ micromark loads, as it is', () => {
    const consume = vi.spyOn(UpstreamEditMap.prototype, 'consume');
    mdxParser.parse(LAZY_ENDINGS);
    expect(consume).not.toHaveBeenCalled();
    expect(Object.getOwnPropertyNames(UpstreamEditMap.prototype)).toEqual(['constructor', 'add', 'addBefore', 'consume']);
    expect(Object.getPrototypeOf(EditMap)).toBe(UpstreamEditMap);
  });

  it('was derived from the upstream release installed, which micromark asks for', () => {
    // A new release of micromark-util-edit-map fails this: read its `consume`, derive the fix
    // again (or drop the vendored class if upstream's is linear), and record the new hashes.
    const upstream = join(ROOT, 'node_modules', source.package);
    const { version } = JSON.parse(readFileSync(join(upstream, 'package.json'), 'utf8')) as { version: string };
    expect(version).toBe(source.version);
    for (const [file, sha256] of Object.entries(source.sha256)) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(upstream, file)))
          .digest('hex'),
        file,
      ).toBe(sha256);
    }
    // micromark moving to another release line of it (whose API this may not have) fails it too.
    for (const name of ['micromark', 'micromark-core-commonmark']) {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      expect(manifest.dependencies[source.package], name).toBe(`^${source.version}`);
    }
  });
});
