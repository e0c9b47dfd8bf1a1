/**
 * `signpost diff <rev> [DIR ...] [--format text|markdown|mermaid]`: what the working tree's
 * guides change against git revision `rev`, for a reviewer: nodes added, removed and renamed,
 * answers added, removed and retargeted, error messages reworded, nodes no longer reachable.
 * Exit codes: 0 (whatever changed), 2 a usage problem or a revision that cannot be read.
 */
import { resolve } from 'node:path';
import { checkGuides } from '../core/check.ts';
import { diffGuides } from '../core/graph/diff.ts';
import { guidesAt, RevisionError } from '../core/history.ts';
import { DIFF_FORMATS, formatDiffMarkdown, formatDiffMermaid, formatDiffText } from '../report/diff-text.ts';
import { parseCommand, refuse, writerCwd } from './common.ts';

const USAGE = `Usage: signpost diff <rev> [DIR ...] [--format text|markdown|mermaid]

Prints what the guides in each DIR (default: guide) change against git revision <rev>
(a branch, tag or commit, such as origin/main or HEAD~1): nodes and answers added, removed,
renamed and retargeted, error messages reworded, nodes that can no longer be reached.

  --format text      one line per change (the default)
  --format markdown  for a pull request comment, with the graph as Mermaid
  --format mermaid   the graph with the changes marked
  --help             show this help`;

export async function run(argv: string[]): Promise<void> {
  const command = parseCommand('diff', USAGE, { format: { type: 'string', default: 'text' } }, argv);
  const fail: (message: string) => never = command.fail;
  const [rev, ...folders] = command.positionals;
  if (rev === undefined) fail('give the revision to compare with, such as `origin/main` or `HEAD~1`');
  const format = command.values.format;
  if (!(DIFF_FORMATS as readonly string[]).includes(format))
    fail(`unknown format \`${format}\`; use \`text\`, \`markdown\` or \`mermaid\``);
  const cwd = writerCwd('diff');
  const dirs = folders.length > 0 ? folders.map((dir) => resolve(cwd, dir)) : [resolve(cwd, 'guide')];
  let before;
  try {
    before = await guidesAt(rev, dirs, cwd);
  } catch (error) {
    if (!(error instanceof RevisionError)) throw error;
    refuse('diff', `${rev}: ${error.message}`);
  }
  const after = (await checkGuides(dirs)).guides;
  const diffs = diffGuides(before.guides, after);
  process.stdout.write(
    format === 'markdown'
      ? formatDiffMarkdown(diffs, rev, after)
      : format === 'mermaid'
        ? formatDiffMermaid(diffs, after)
        : formatDiffText(diffs, rev),
  );
}
