import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkGuides, formatResult, removedIds, RULE_IDS, ruleDocsFile, ruleUrl, say } from '../../plugins/signpost/src/core/index.ts';
import { LIMITS, limitTable } from '../../plugins/signpost/src/core/parse/limits.ts';
import { sourceLines } from '../../plugins/signpost/src/report/human.ts';
import { FIXTURES } from './helpers.ts';

const AUTHORING = fileURLToPath(new URL('../../docs/authoring.md', import.meta.url));
const RULE_DOCS = fileURLToPath(new URL('../../plugins/signpost/src/core/rules/docs/', import.meta.url));
const GENERATED = /(<!-- The rule reference below is generated from [^\n]*-->\n)[\s\S]*$/;
const LIMIT_TABLE = /(<!-- The table is generated from LIMITS [^\n]*-->\n)[\s\S]*?(\n<!-- end of the generated table -->)/;
const LIMIT_MESSAGES = /(<!-- The messages below are generated [^\n]*-->\n```text\n)[\s\S]*?(```\n<!-- end of the generated messages -->)/;
const update = Boolean(process.env['UPDATE']);

/** The other messages of `limit-exceeded`, each one past its limit, as the docs list them. */
function limitMessages(): string {
  const past = (limit: number) => limit + 1;
  return [
    say('limit-exceeded', 'fileSize', '301 KB', LIMITS.fileBytes / 1024),
    say('limit-exceeded', 'inlineMarkers', 14, LIMITS.inlineMarkers),
    say('limit-exceeded', 'indent', LIMITS.indentColumns + 2, LIMITS.indentColumns),
    say('limit-exceeded', 'quotes', past(LIMITS.quoteDepth), LIMITS.quoteDepth),
    say('limit-exceeded', 'lineContainers', past(LIMITS.lineContainers), LIMITS.lineContainers),
    say('limit-exceeded', 'fence', past(LIMITS.fenceColons), LIMITS.fenceColons),
    say('limit-exceeded', 'directiveDepth', past(LIMITS.directiveDepth), LIMITS.directiveDepth),
    say('limit-exceeded', 'treeDepth', LIMITS.treeDepth, 3003),
    say('limit-exceeded', 'yamlBrackets', LIMITS.yamlBrackets),
    say('limit-exceeded', 'yamlLineIndicators', past(LIMITS.yamlLineIndicators), LIMITS.yamlLineIndicators),
    say('limit-exceeded', 'yamlAliases', LIMITS.yamlAliases),
    say('limit-exceeded', 'options', 'printer-status', LIMITS.options + 2, LIMITS.options),
    say('limit-exceeded', 'guideNodes', 'printer-help', LIMITS.guideNodes),
    say('limit-exceeded', 'guideAnswers', 'printer-help', LIMITS.guideAnswers),
    say('limit-exceeded', 'guideFiles', 'printer-help', LIMITS.guideFiles),
    say('limit-exceeded', 'guideBytes', 'printer-help', LIMITS.guideBytes / 1024 ** 2),
    say('limit-exceeded', 'guideEntries', 'printer-help', LIMITS.guideEntries),
    say('limit-exceeded', 'folderDepth', past(LIMITS.folderDepth), LIMITS.folderDepth),
    say('limit-exceeded', 'exampleChars', 2_480, LIMITS.exampleChars),
    say('limit-exceeded', 'patternWork', 'paper-jam', 'example', LIMITS.patternWork),
  ]
    .map((finding) => `${finding.message}\n`)
    .join('');
}

describe('the rule reference', () => {
  it('in limit-exceeded.md lists the limits the code enforces and their messages, from LIMITS (UPDATE=1 rewrites it)', async () => {
    const path = `${RULE_DOCS}limit-exceeded.md`;
    const page = await readFile(path, 'utf8');
    expect(page).toMatch(LIMIT_TABLE);
    expect(page).toMatch(LIMIT_MESSAGES);
    const expected = page
      .replace(LIMIT_TABLE, (_, open: string, close: string) => `${open}${limitTable()}${close}`)
      .replace(LIMIT_MESSAGES, (_, open: string, close: string) => `${open}${limitMessages()}${close}`);
    if (update) await writeFile(path, expected);
    else expect(page).toBe(expected);
  });

  it('in docs/authoring.md is the one `signpost explain` prints, rule by rule (UPDATE=1 rewrites it)', async () => {
    const docs = await readFile(AUTHORING, 'utf8');
    expect(docs).toMatch(GENERATED);
    const sections = await Promise.all(
      RULE_IDS.map(async (rule) => `\n### ${rule}\n\n${(await readFile(`${RULE_DOCS}${rule}.md`, 'utf8')).trim()}\n`),
    );
    const expected = docs.replace(GENERATED, (_, marker: string) => marker + sections.join(''));
    if (update) await writeFile(AUTHORING, expected);
    else expect(docs).toBe(expected);
  });

  it('has a page for every rule and none for a rule that does not exist', async () => {
    expect((await readdir(RULE_DOCS)).map((file) => file.replace(/\.md$/, '')).toSorted()).toEqual(RULE_IDS.toSorted());
    for (const rule of RULE_IDS) expect(ruleDocsFile(rule)).toBe(`${RULE_DOCS}${rule}.md`);
  });

  it('shows the very report `check` gives for every example guide in it', async () => {
    // Each complete example (an `index.mdx` with frontmatter, then its report) is checked as
    // `guide/printer-help/index.mdx`: every problem shown must be printed word for word.
    const drift: string[] = [];
    let examples = 0;
    for (const rule of RULE_IDS) {
      const page = await readFile(`${RULE_DOCS}${rule}.md`, 'utf8');
      for (const [, guide, report] of page.matchAll(/```mdx\n(---\n[\s\S]*?)```\n\n```text\n(guide\/printer-help\/[\s\S]*?)```/g)) {
        examples++;
        const root = await mkdtemp(join(tmpdir(), 'signpost-docs-'));
        await mkdir(join(root, 'guide/printer-help'), { recursive: true });
        await writeFile(join(root, 'guide/printer-help/index.mdx'), guide!);
        const printed = formatResult(await checkGuides([join(root, 'guide')]), { cwd: root, sourceLine: sourceLines() });
        for (const block of report!.split('\n\n').map((part) => part.trim())) {
          if (block && !block.startsWith('…') && !printed.includes(block))
            drift.push(`${rule}.md shows\n${block}\nbut check prints\n${printed}`);
        }
        await rm(root, { recursive: true, force: true });
      }
    }
    expect(drift).toEqual([]);
    expect(examples).toBeGreaterThan(20);
  });
});

describe('every rule', () => {
  it('has a section in docs/authoring.md, and a url where its docs open', async () => {
    const docs = await readFile(AUTHORING, 'utf8');
    const headings = [...docs.matchAll(/^### (\S+)$/gm)].map((match) => match[1]);
    for (const rule of RULE_IDS) {
      expect(headings, `docs/authoring.md has no "### ${rule}"`).toContain(rule);
      expect(ruleUrl(rule, undefined)).toBe(`file://${RULE_DOCS}${rule}.md`);
      expect(ruleUrl(rule, 'https://example.com/docs/authoring.md')).toBe(`https://example.com/docs/authoring.md#${rule}`);
      expect(ruleUrl(rule, 'https://example.com/rules/{rule}.html')).toBe(`https://example.com/rules/${rule}.html`);
    }
  });

  it('has a fixture guide that triggers it (missing-folder is tested through the CLI)', async () => {
    const fixtures = await readdir(`${FIXTURES}rules`);
    expect(fixtures.toSorted()).toEqual(RULE_IDS.filter((rule) => rule !== 'missing-folder').toSorted());
    const silent: string[] = [];
    for (const rule of fixtures) {
      const dir = `${FIXTURES}rules/${rule}`;
      let { problems } = await checkGuides([dir]);
      // A rule about a change (removed-id) has the guide before and after it.
      if ((await readdir(dir)).toSorted().join() === 'after,before') {
        const [before, after] = [(await checkGuides([join(dir, 'before')])).guides, (await checkGuides([join(dir, 'after')])).guides];
        for (const guide of [...before, ...after]) guide.slug = rule;
        problems = await removedIds(before, after);
      }
      if (!problems.some((p) => p.rule === rule)) silent.push(rule);
    }
    expect(silent).toEqual([]);
  });
});
