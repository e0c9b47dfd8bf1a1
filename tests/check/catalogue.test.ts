import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from '../../plugins/signpost/src/core/index.ts';

const SRC = fileURLToPath(new URL('../../plugins/signpost/src/', import.meta.url));
const RULES_DIR = join(SRC, 'core/rules');

// That each message is built by the checker in some test is counted over the whole suite by
// tests/message-coverage-setup.ts (`npm test` fails on a message no test raises).
describe('the message catalogue', () => {
  it('is assembled from one module per rule id, each with its messages', async () => {
    const modules = (await readdir(RULES_DIR)).filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3));
    for (const rule of RULE_IDS) {
      expect(modules, rule).toContain(rule);
      expect(Object.keys(RULES[rule].messages).length, rule).toBeGreaterThan(0);
      expect(await readFile(join(RULES_DIR, `${rule}.ts`), 'utf8'), rule).toContain(`id: '${rule}'`);
    }
  });

  it('is the only way a rule is raised: no problem is made of a rule id and text of its own', async () => {
    const files = (await readdir(SRC, { recursive: true })).filter((file) => file.endsWith('.ts'));
    const code = (await Promise.all(files.map((file) => readFile(join(SRC, file), 'utf8')))).join('\n');
    expect(code.match(/\bflag\(\s*file,\s*'[a-z-]+'/g) ?? []).toEqual([]);
    expect(code.match(/\brule:\s*'[a-z]+(?:-[a-z]+)+'/g) ?? []).toEqual([]);
  });
});
