import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, ruleDocs } from '../../plugins/signpost/src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const RULE_IDS = Object.keys(RULES);

const AUTHORING = fileURLToPath(new URL('../../docs/authoring.md', import.meta.url));
const RULE_DOCS = fileURLToPath(new URL('../../plugins/signpost/src/core/rules/docs/', import.meta.url));
const GENERATED = /(<!-- The rule reference below is generated from [^\n]*-->\n)[\s\S]*$/;

describe('the rule reference', () => {
  it('in docs/authoring.md is the one `signpost explain` prints, rule by rule (UPDATE=1 rewrites it)', async () => {
    const docs = await readFile(AUTHORING, 'utf8');
    expect(docs).toMatch(GENERATED);
    const sections = await Promise.all(
      RULE_IDS.map(async (rule) => `\n### ${rule}\n\n${(await readFile(`${RULE_DOCS}${rule}.md`, 'utf8')).trim()}\n`),
    );
    const expected = docs.replace(GENERATED, (_, marker: string) => marker + sections.join(''));
    if (process.env['UPDATE']) await writeFile(AUTHORING, expected);
    else expect(docs).toBe(expected);
  });

  it('has a page for every rule and none for a rule that does not exist', async () => {
    expect((await readdir(RULE_DOCS)).map((file) => file.replace(/\.md$/, '')).toSorted()).toEqual(RULE_IDS.toSorted());
  });
});

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
