import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, ruleDocs } from '../../plugins/signpost/src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const RULE_IDS = Object.keys(RULES);

describe('every rule', () => {
  it('has a section in docs/authoring.md, where its messages link', async () => {
    const docs = await readFile(fileURLToPath(new URL('../../docs/authoring.md', import.meta.url)), 'utf8');
    const headings = [...docs.matchAll(/^### (\S+)$/gm)].map((match) => match[1]);
    for (const rule of RULE_IDS) {
      expect(headings, `docs/authoring.md has no "### ${rule}"`).toContain(rule);
      expect(ruleDocs(rule as keyof typeof RULES)).toBe(`docs/authoring.md#${rule}`);
    }
  });

  it('has a fixture guide that triggers it (missing-folder is tested through the CLI)', async () => {
    const fixtures = await readdir(`${FIXTURES}rules`);
    expect(fixtures.toSorted()).toEqual(RULE_IDS.filter((rule) => rule !== 'missing-folder').toSorted());
  });
});
