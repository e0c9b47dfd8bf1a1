import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
  see docs/authoring.md#dangling-target

combined/index.mdx:15:1: error: Node \`restart-router\` cannot be reached from the start node \`start\`; add an answer or \`next\` leading to it, or delete it [unreachable-node]
  15 | :::instructions{#restart-router title="Restart the router"}
     | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  see docs/authoring.md#unreachable-node

combined/index.mdx:15:17: error: Duplicate id \`restart-router\`, also used at line 25, column 17; ids must be unique in a guide, rename one [duplicate-id]
  15 | :::instructions{#restart-router title="Restart the router"}
     |                 ^^^^^^^^^^^^^^^
  see docs/authoring.md#duplicate-id

combined/index.mdx:19:1: error: Error card \`no-power\` has no How to fix; add a \`:::fix\` saying what the reader does about it [missing-fix]
  19 | ::::error{#no-power title="No power"}
     | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  see docs/authoring.md#missing-fix

combined/index.mdx:25:17: error: Duplicate id \`restart-router\`, also used at line 15, column 17; ids must be unique in a guide, rename one [duplicate-id]
  25 | :::instructions{#restart-router title="Restart it again"}
     |                 ^^^^^^^^^^^^^^^
  see docs/authoring.md#duplicate-id

✖ 5 errors, 0 warnings (1 guide, 4 nodes checked)
`);
  });

  it('prints one JSON array with --format json, paths relative to the working directory', async () => {
    const run = await check('combined', '--format', 'json');
    expect(run.code).toBe(1);
    const problems = JSON.parse(run.stdout) as unknown[];
    expect(problems).toHaveLength(5);
    expect(problems[0]).toEqual({
      file: 'combined/index.mdx',
      line: 7,
      column: 11,
      severity: 'error',
      rule: 'dangling-target',
      message: 'Cannot find node `restart-routr`; did you mean `restart-router`?',
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
    expect(format.stderr).toMatch(/^signpost check: unknown format `xml`; use `human` or `json`/);
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
      /^dangling-target \(error\): an option, `next`, `:link` or `\[text\]\(#id\)` names a node that does not exist\n\nSeverity: error\. Fires when/,
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
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [CLI, 'check', ...args, '--format', 'json'],
        { cwd: fileURLToPath(new URL('../site/fixtures/sites/rich/', import.meta.url)), env: writerEnv() },
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
