import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writerEnv } from '../site/build-site.ts';
import { FIXTURES, gitRepo } from './helpers.ts';

const CLI = fileURLToPath(new URL('../../plugins/signpost/bin/signpost.js', import.meta.url));

// A repository whose last commit renames `agency` (with moved-from), retargets an answer to a
// new node, and rewords an error message: tests/check/fixtures/diff/{before,after}.
let root: string;
beforeAll(async () => {
  const repo = await gitRepo('connect');
  root = repo.root;
  await repo.commit(join(FIXTURES, 'diff/before'), 'Published');
  await repo.commit(join(FIXTURES, 'diff/after'), 'Rename agency, ask the owner, reword the token error');
});
afterAll(() => rm(root, { recursive: true, force: true }));

function signpost(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: root, env: writerEnv() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('signpost diff', () => {
  it('prints each change of the last commit: the rename, the retargeted answer, the reworded message', async () => {
    const run = await signpost('diff', 'HEAD~1');
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: `Connect your account (connect)
  + node \`ask-the-owner\` (instructions: “Ask the owner to connect”)
  ~ node \`agency\` renamed \`agency-requirements\` (moved-from keeps its links)
  ~ answer “No, a colleague's” of \`private-owner\`: \`agency\` → \`ask-the-owner\`
  ~ error message of \`sp-refresh-token\`: “Failed to retrieve refresh token. Please try again.” → “Failed to retrieve the refresh token. Try again.”
`,
    });
  });

  it('says so when a node is renamed without moved-from, an answer removed, or a node cut off from the start', async () => {
    const repo = await gitRepo('connect');
    await repo.commit(join(FIXTURES, 'diff/before'), 'Published');
    await repo.commit(join(FIXTURES, 'diff/broken'), 'Rename agency, drop the Yes answer');
    const run = await new Promise<string>((resolve) =>
      execFile(process.execPath, [CLI, 'diff', 'HEAD~1'], { cwd: repo.root, env: writerEnv() }, (_, stdout) => resolve(String(stdout))),
    );
    await rm(repo.root, { recursive: true, force: true });
    expect(run).toBe(`Connect your account (connect)
  ~ node \`agency\` renamed \`agency-needs\`: links to \`agency\` will find nothing, add moved-from="agency"
  + answer “Not sure” of \`private-owner\` → \`entity\`
  - answer “Yes” of \`private-owner\` → \`sp-refresh-token\`
  ! \`sp-refresh-token\` can no longer be reached from the start
`);
  });

  it('writes Markdown for a pull request comment, with the graph and its changes marked as Mermaid', async () => {
    const run = await signpost('diff', 'HEAD~1', '--format', 'markdown');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('### Guides: what this change does (since `HEAD~1`)\n\n#### Connect your account (connect)\n\n');
    expect(run.stdout).toContain("- ✏️ answer “No, a colleague's” of `private-owner`: `agency` → `ask-the-owner`\n");
    expect(run.stdout).toContain('```mermaid\n%% Connect your account (connect): changes\nflowchart TD\n');
  });

  it('prints the graph with the changes marked as Mermaid', async () => {
    const run = await signpost('diff', 'HEAD~1', '--format', 'mermaid');
    expect(run.stdout).toBe(`%% Connect your account (connect): changes
flowchart TD
  n_entity{"question: Under which profile are you connecting?"}
  n_agency_requirements(["instructions: What an agency needs"])
  n_private_owner{"question: Is the account yours?"}
  n_ask_the_owner(["instructions: Ask the owner to connect"])
  n_sp_refresh_token{{"error: Failed to retrieve the refresh token. Try again."}}
  n_entity -->|"Agency"| n_agency_requirements
  n_entity -->|"Private owner"| n_private_owner
  n_private_owner -->|"Yes"| n_sp_refresh_token
  n_private_owner -->|"No, a colleague's"| n_ask_the_owner
  classDef added fill:#dafbe1,stroke:#2da44e
  class n_ask_the_owner added
  classDef changed fill:#fff8c5,stroke:#bf8700
  class n_agency_requirements,n_sp_refresh_token,n_private_owner changed
  linkStyle 3 stroke:#bf8700,stroke-width:3px
`);
  });

  it('refuses a revision that is not one, in one line, with exit 2', async () => {
    expect(await signpost('diff', 'no-such-branch')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'signpost diff: no-such-branch: `no-such-branch` is not a commit of this repository\n',
    });
    const option = await signpost('diff', '--upload-pack=touch x');
    expect(option.code).toBe(2);
    expect((await signpost('check', '--since', 'no-such-branch')).stderr).toBe(
      'signpost check: --since no-such-branch: `no-such-branch` is not a commit of this repository\n',
    );
  });
});
