/**
 * What the docs tell users to run for tools gives what tools read: every command of README.md
 * and docs/authoring.md that asks for JSON or SARIF prints exactly that on stdout (npm's own
 * banner would break it), and the GitHub Actions workflow of the docs is a valid workflow that
 * runs commands Signpost has.
 */
import { exec } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, writerEnv } from '../site/build-site.ts';

const DOCS = await Promise.all(
  ['README.md', 'docs/authoring.md'].map(async (file) => ({ file, text: await readFile(`${ROOT}${file}`, 'utf8') })),
);

/** Shell commands in the docs: lines of `sh` blocks and table cells in backticks. */
const commands = DOCS.flatMap(({ file, text }) =>
  [...text.matchAll(/`((?:npx signpost|npm run)[^`\n]*)`|^((?:npx signpost|npm run)[^\n]*)$/gm)].map((match) => ({
    file,
    command: (match[1] ?? match[2]!).replace(/\s+#.*$/, '').replace(/\s*\\\|.*$/, ''),
  })),
);

function run(command: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    exec(command, { cwd: ROOT, env: writerEnv(), maxBuffer: 1 << 24 }, (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, stdout }),
    );
  });
}

describe('the commands the docs give for tools', () => {
  const machine = commands.filter(({ command }) => /--format (json|sarif)\b/.test(command) && !command.includes('>'));

  it('never pipe plain `npm run check` output into a tool', () => {
    expect(machine.length).toBeGreaterThan(3);
    const banner = commands.filter(({ command }) => /^npm run (?!--silent)/.test(command) && /--format (json|sarif|github)/.test(command));
    expect(banner).toEqual([]);
  });

  it('print pure JSON on stdout', async () => {
    expect(machine.map(({ command }) => command)).toContain('npx signpost check --format json');
    for (const { file, command } of machine) {
      const { stdout } = await run(command);
      expect(() => JSON.parse(stdout), `${file}: ${command}\n${stdout.slice(0, 200)}`).not.toThrow();
    }
  }, 60_000);
});

describe('the GitHub Actions workflow in docs/authoring.md', () => {
  it('is a workflow whose steps run Signpost commands that exist, with the history --since needs', async () => {
    const text = DOCS[1]!.text;
    const yaml = /### In CI: a GitHub Actions workflow[\s\S]*?```yaml\n([\s\S]*?)```/.exec(text)![1]!;
    const workflow = parse(yaml) as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    const steps = workflow.jobs['check']!.steps;
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    const runs = steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs.join('\n')).toContain('npx signpost check --since "origin/$GITHUB_BASE_REF" --format github');
    expect(runs.join('\n')).toContain('npx signpost diff "origin/$GITHUB_BASE_REF" --format markdown');
    // The same commands against this repository's own history.
    const check = await run('npx signpost check --since HEAD --format github');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^(::warning file=guide\/[^\n]*\n)+$/);
    const diff = await run('npx signpost diff HEAD --format markdown');
    expect(diff.stdout).toMatch(/^### Guides: what this change does \(since `HEAD`\)\n/);
  }, 60_000);
});
