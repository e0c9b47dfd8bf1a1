import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { writerEnv } from '../site/build-site.ts';
import { FIXTURES } from './helpers.ts';

const CLI = fileURLToPath(new URL('../../plugins/signpost/bin/signpost.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a `signpost` command as writers do, from the fixtures folder, without npm's INIT_CWD. */
function signpost(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: FIXTURES, env: writerEnv() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const check = (...args: string[]) => signpost('check', ...args);

describe('npm run check', () => {
  it('reports a mistyped target, a duplicated id and a missing fix in one run, like a compiler', async () => {
    const run = await check('combined');
    expect(run.code).toBe(1);
    expect(run.stdout)
      .toBe(`combined/index.mdx:7:11: error: Cannot find node \`restart-routr\`; did you mean \`restart-router\`? [dangling-target]
  7 | :::option{to="restart-routr"}
    |           ^^^^^^^^^^^^^^^^^^
  help: npx signpost explain dangling-target

combined/index.mdx:15:1: error: Node \`restart-router\` cannot be reached from the start node \`start\`; add an answer or \`next\` leading to it, or delete it [unreachable-node]
  15 | :::instructions{#restart-router title="Restart the router"}
     | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: npx signpost explain unreachable-node

combined/index.mdx:15:17: error: Duplicate id \`restart-router\`, also used at line 25, column 17; ids must be unique in a guide, rename one [duplicate-id]
  15 | :::instructions{#restart-router title="Restart the router"}
     |                 ^^^^^^^^^^^^^^^
  help: npx signpost explain duplicate-id

combined/index.mdx:19:1: error: Error card \`no-power\` has no How to fix; add a \`:::fix\` saying what the reader does about it [missing-fix]
  19 | ::::error{#no-power title="No power"}
     | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  help: npx signpost explain missing-fix

combined/index.mdx:25:17: error: Duplicate id \`restart-router\`, also used at line 15, column 17; ids must be unique in a guide, rename one [duplicate-id]
  25 | :::instructions{#restart-router title="Restart it again"}
     |                 ^^^^^^^^^^^^^^^
  help: npx signpost explain duplicate-id

✖ 5 errors, 0 warnings (1 guide, 4 nodes checked)
`);
  });

  it('prints one JSON array with --format json, paths relative to the working directory', async () => {
    const run = await check('combined', '--format', 'json');
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout) as unknown[];
    expect(problems).toHaveLength(5);
    // Where it starts and ends, the fix for that range, and the rule's documentation.
    expect(problems[0]).toEqual({
      file: 'combined/index.mdx',
      line: 7,
      column: 11,
      endLine: 7,
      endColumn: 29,
      severity: 'error',
      rule: 'dangling-target',
      message: 'Cannot find node `restart-routr`; did you mean `restart-router`?',
      url: `file://${fileURLToPath(new URL('../../plugins/signpost/dist/core/rules/docs/dangling-target.md', import.meta.url))}`,
      expected: ['to="restart-router"'],
      related: [],
    });
    // A duplicate names the other place.
    expect(problems[2]).toMatchObject({
      rule: 'duplicate-id',
      line: 15,
      column: 17,
      related: [{ file: 'combined/index.mdx', line: 25, column: 17, endLine: 25, endColumn: 32, message: 'the other node with this id' }],
    });
    expect(problems.map((p) => (p as { rule: string }).rule)).toEqual([
      'dangling-target',
      'unreachable-node',
      'duplicate-id',
      'missing-fix',
      'duplicate-id',
    ]);
  });

  it('exits 0 on clean guides and says what it checked', async () => {
    const run = await check('clean');
    expect(run).toEqual({ code: 0, stdout: '✔ no problems (2 guides, 8 nodes checked)\n', stderr: '' });
    const json = await check('clean', '--format=json');
    expect(json).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('lets drafts pass as warnings, and fails them with --strict', async () => {
    const relaxed = await check('rules/draft', '--format', 'json');
    expect(relaxed.code).toBe(0);
    expect(JSON.parse(relaxed.stdout)).toMatchObject([{ rule: 'draft', severity: 'warning', line: 15, column: 53 }]);
    const strict = await check('rules/draft', '--strict', '--format', 'json');
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject([{ rule: 'draft', severity: 'error', line: 15, column: 53 }]);
    expect((await check('rules/draft', '--strict')).stdout).toMatch(/✖ 1 error, 0 warnings \(1 guide, 3 nodes checked\)\n$/);
  });

  it('checks several folders in one run', async () => {
    const run = await check('rules/too-few-options', 'rules/unreachable-node', '--format', 'json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject([
      { file: 'rules/too-few-options/index.mdx', rule: 'too-few-options' },
      { file: 'rules/unreachable-node/index.mdx', rule: 'unreachable-node' },
    ]);
  });

  it('exits 2 for a folder that does not exist, and still checks the others', async () => {
    const run = await check('no-such-folder', 'rules/too-few-options');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'no-such-folder:1:1: error: Cannot find this folder; give the folder that holds your guides (default `guide`) [missing-folder]',
    );
    expect(run.stdout).toContain('[missing-folder]');
    expect(run.stdout).toContain('[too-few-options]');
    const json = await check('no-such-folder', '--format', 'json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject([{ file: 'no-such-folder', rule: 'missing-folder', line: 1, column: 1 }]);
  });

  it('exits 2 with the usage for an unknown flag or format', async () => {
    const flag = await check('--strikt');
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toMatch(/^signpost check: Unknown option '--strikt'/);
    expect(flag.stderr).toContain('Usage: signpost check [DIR ...]');
    const format = await check('--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^signpost check: unknown format `xml`; use `human`, `json`, `sarif`, `github`/);
  });

  it('prints its usage with --help', async () => {
    const run = await check('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: signpost check/);
  });

  it('never prints a stack trace, even for a file that is not UTF-8', async () => {
    const run = await check('rules/unreadable-file');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('rules/unreadable-file/index.mdx:7:15: error: This file is not valid UTF-8');
  });
});

describe('signpost check --format sarif', () => {
  it('prints a SARIF 2.1.0 log that validates against the schema, with regions, related places and fixes', async () => {
    const run = await check('combined', 'rules/duplicate-answer', 'no-such-folder', '--format', 'sarif');
    expect(run.code).toBe(2);
    const log = JSON.parse(run.stdout);
    // The OASIS SARIF TC's schema for 2.1.0 (errata 01), as published; it is JSON Schema draft-04.
    const schema = JSON.parse(await readFile(new URL('./fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'dangling-target',
      'unreachable-node',
      'duplicate-id',
      'missing-fix',
      'missing-folder',
      'duplicate-answer',
    ]);
    expect(sarifRun.tool.driver.rules[0].help.markdown).toMatch(/^Severity: error\. Fires when an answer/);
    expect(sarifRun.results[0]).toEqual({
      ruleId: 'dangling-target',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Cannot find node `restart-routr`; did you mean `restart-router`?' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'combined/index.mdx', uriBaseId: '%SRCROOT%' },
            region: { startLine: 7, startColumn: 11, endLine: 7, endColumn: 29 },
          },
        },
      ],
      fixes: [
        {
          description: { text: 'Replace with `to="restart-router"`' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'combined/index.mdx', uriBaseId: '%SRCROOT%' },
              replacements: [
                {
                  deletedRegion: { startLine: 7, startColumn: 11, endLine: 7, endColumn: 29 },
                  insertedContent: { text: 'to="restart-router"' },
                },
              ],
            },
          ],
        },
      ],
    });
    const duplicate = sarifRun.results.find((result: { ruleId: string }) => result.ruleId === 'duplicate-id');
    expect(duplicate.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'combined/index.mdx', uriBaseId: '%SRCROOT%' },
          region: { startLine: 25, startColumn: 17, endLine: 25, endColumn: 32 },
        },
        message: { text: 'the other node with this id' },
      },
    ]);
    // A folder has no region.
    const folder = sarifRun.results.find((result: { ruleId: string }) => result.ruleId === 'missing-folder');
    expect(folder.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'no-such-folder', uriBaseId: '%SRCROOT%' } } }]);
  });

  it('is an empty run that still validates when there is no problem', async () => {
    const run = await check('clean', '--format', 'sarif');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).runs[0].results).toEqual([]);
  });
});

describe('signpost check --format github', () => {
  /** The workflow command grammar GitHub reads: `::level key=value,…::message`. */
  const COMMAND = /^::(error|warning) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$/;
  const unescape = (text: string) =>
    text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

  it('prints one annotation per problem, with file, start and end, title, and the message', async () => {
    const run = await check('combined', 'rules/draft', '--format', 'github');
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::error file=combined/index.mdx,line=7,col=11,endLine=7,endColumn=29,title=dangling-target (npx signpost explain dangling-target)::Cannot find node `restart-routr`; did you mean `restart-router`?',
    );
    expect(lines.at(-1)).toBe(
      '::warning file=rules/draft/index.mdx,line=15,col=53,endLine=15,endColumn=58,title=draft (npx signpost explain draft)::Instructions card `restart` is a draft; finish it and remove `draft` before publishing',
    );
    for (const line of lines) expect(line).toMatch(COMMAND);
  });

  it('escapes what would end a property or the message, so each arrives whole', async () => {
    // A file named `a,b:c%.mdx`, and a message quoting `100% sure: yes, really`.
    const run = await check('annotations', '--format', 'github');
    expect(run.stdout).toBe(
      '::error file=annotations/a%2Cb%3Ac%25.mdx,line=1,col=22,endLine=1,endColumn=52,title=duplicate-error-message (npx signpost explain duplicate-error-message)::Error card `also-sure` shows the same message as `sure` (index.mdx, line 15, column 11): “100%25 sure: yes, really”; merge the cards or tell the messages apart\n',
    );
    const match = COMMAND.exec(run.stdout.trimEnd())!;
    const properties = Object.fromEntries(match[2]!.split(',').map((pair) => pair.split('=') as [string, string]));
    expect(unescape(properties['file']!)).toBe('annotations/a,b:c%.mdx');
    expect(unescape(match[3]!)).toContain('“100% sure: yes, really”');
  });
});

describe('npm run check -- --graph', () => {
  it('prints the graph as Mermaid: kinds as shapes, titles, answers on the edges, drafts marked', async () => {
    const run = await check('rules/draft', '--graph', 'mermaid');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`%% Router help (draft)
flowchart TD
  n_start{"question: Is the light on?"}
  n_restart(["instructions: Restart the router (draft)"])
  n_call(["instructions: Call us"])
  n_start -->|"Yes"| n_restart
  n_start -->|"No"| n_call
  classDef draft stroke-dasharray: 5 5
  class n_restart draft
`);
    // The report goes to stderr, so the graph can be piped as it is.
    expect(run.stderr).toContain('warning: Instructions card `restart` is a draft');
  });

  it('prints the graph as Graphviz DOT', async () => {
    const run = await check('clean/one-file', '--graph', 'dot');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`digraph "one-file" {
  label="Router help";
  rankdir=TB;
  "start" [label="question: Is the light on?", shape=diamond];
  "check-cable" [label="step: Check the cable", shape=box];
  "what-error" [label="question: What does the screen say?", shape=diamond];
  "restart" [label="instructions: Restart the router", shape=box, style="rounded"];
  "no-signal" [label="error: No signal", shape=hexagon];
  "start" -> "check-cable" [label="No, it is off"];
  "start" -> "what-error" [label="Yes"];
  "check-cable" -> "restart" [label="next"];
  "what-error" -> "no-signal" [label="No signal"];
  "what-error" -> "restart" [label="Something else"];
}
`);
  });

  it('rejects an unknown graph format', async () => {
    const run = await check('clean', '--graph', 'svg');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^signpost check: unknown graph format `svg`; use `mermaid` or `dot`/);
  });
});

describe('signpost explain', () => {
  it('prints what a rule catches, the mistake with its report, and the fix', async () => {
    const run = await signpost('explain', 'dangling-target');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^dangling-target \(error\): an option, `next`, `:link`, `\[text\]\(#id\)` or `match`'s `within` names a node that does not exist, or `within` a node its card cannot be reached from\n\nSeverity: error\. Fires when/,
    );
    expect(run.stdout).toContain("The mistake: a typo in a link's target.");
    expect(run.stdout).toContain('error: Cannot find node `printer-ofline`; did you mean `printer-offline`? [dangling-target]');
    expect(run.stdout).toContain('The fix: name an existing id.');
    // As the report writes it, in brackets, too.
    expect((await signpost('explain', '[draft]')).stdout).toMatch(/^draft \(warning\)/);
  });

  it('proposes the closest rule for a typo, and exits 2', async () => {
    const run = await signpost('explain', 'dangling-targte');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^signpost explain: unknown rule `dangling-targte`; did you mean `dangling-target`\?\n/);
  });
});

describe('signpost', () => {
  it('lists its commands, and says so when one is unknown (exit 2)', async () => {
    const help = await signpost('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: signpost <command> \[options\]\n\nCommands:\n {2}check /);
    const unknown = await signpost('chek');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^signpost: unknown command `chek`; did you mean `check`\?\n/);
  });
});

describe('the site’s own components', () => {
  /** `signpost check` in the rich fixture site, whose astro.config.mjs registers `plan-badge`. */
  function inRichSite(...args: string[]): Promise<Run> {
    return inSite('rich', ...args);
  }
  function inSite(site: string, ...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [CLI, 'check', ...args, '--format', 'json'],
        { cwd: fileURLToPath(new URL(`../site/fixtures/sites/${site}/`, import.meta.url)), env: writerEnv() },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  }

  it('are read from astro.config.mjs, so a guide that uses them passes check as it builds', async () => {
    const run = await inRichSite();
    expect(run.stderr).toBe('');
    expect([run.code, JSON.parse(run.stdout)]).toEqual([0, []]);
  });

  it('have their attributes checked against the site’s schema, at their place', async () => {
    const run = await inRichSite(`${FIXTURES}site-components`);
    const problems = (JSON.parse(run.stdout) as { line: number; column: number; rule: string; message: string }[]).map(
      (p) => `${p.line}:${p.column} [${p.rule}] ${p.message}`,
    );
    expect(problems).toEqual([
      '7:77 [invalid-attribute] Invalid `plan` on `plan-badge`: Invalid option: expected one of "free"|"pro"',
      '9:25 [invalid-attribute] Unknown attribute `size` on `plan-badge`; `plan-badge` takes `plan`',
    ]);
    expect(run.code).toBe(1);
  });

  it('are read from a config that imports more of astro/config than defineConfig', async () => {
    const run = await inSite('config-imports', `${FIXTURES}site-components`);
    expect((JSON.parse(run.stdout) as { line: number; column: number }[]).map((p) => `${p.line}:${p.column}`)).toEqual(['7:77', '9:25']);
  });

  it('are read from a config whose own imports use more of astro/config', async () => {
    const run = await inSite('config-helper', `${FIXTURES}site-components`);
    expect((JSON.parse(run.stdout) as { line: number; column: number }[]).map((p) => `${p.line}:${p.column}`)).toEqual(['7:77', '9:25']);
  });

  it('are unknown directives where the site does not register them', async () => {
    const run = await check('site-components', '--format', 'json');
    expect((JSON.parse(run.stdout) as { rule: string }[]).map((p) => p.rule)).toEqual([
      'unknown-directive',
      'unknown-directive',
      'unknown-directive',
      'unknown-directive',
    ]);
  });
});
