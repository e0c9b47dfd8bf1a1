import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from '../../plugins/signpost/src/core/index.ts';

const SRC = fileURLToPath(new URL('../../plugins/signpost/src/', import.meta.url));

/** Every TypeScript module of the package, but the catalogue itself. */
async function sources(): Promise<string> {
  const files = (await readdir(SRC, { recursive: true })).filter((file) => file.endsWith('.ts') && !file.endsWith('catalogue.ts'));
  return (await Promise.all(files.map((file) => readFile(join(SRC, file), 'utf8')))).join('\n');
}

describe('the message catalogue', () => {
  it('is where every message is built: each builder is used, and no rule is without one', async () => {
    const code = await sources();
    const unused: string[] = [];
    for (const rule of RULE_IDS) {
      const keys = Object.keys(RULES[rule].messages);
      expect(keys.length, rule).toBeGreaterThan(0);
      // `say('rule', 'key', …)`, or the key chosen just before (`const key = a ? 'x' : 'y'; say(rule, key)`).
      for (const key of keys)
        if (!new RegExp(`(?:say|sayOf)\\([^)]{0,60}'${key}'|'${key}'[\\s\\S]{0,160}say\\(`).test(code)) unused.push(`${rule}.${key}`);
    }
    expect(unused).toEqual([]);
    // Nothing else reports a rule by its id with text of its own.
    expect(code.match(/\bflag\(\s*file,\s*'[a-z-]+'/g) ?? []).toEqual([]);
  });
});
