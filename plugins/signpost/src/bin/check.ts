/**
 * `signpost check [DIR ...] [--format human|json|sarif|github] [--strict] [--since REV]`
 * (`npm run check -- …` in this repository)
 *
 * Validates guides without building. Exit codes: 0 no errors (warnings allowed), 1 errors
 * found, 2 a usage or I/O problem (unknown flag, a folder that cannot be read, a revision that
 * is not one).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkGuides } from '../core/check.ts';
import { guidesAt, RevisionError } from '../core/history.ts';
import { sortProblems } from '../core/problems.ts';
import { removedIds } from '../core/rules/removed-id.ts';
import { siteLayoutOf } from '../core/rules/broken-file.ts';
import { ruleUrl } from '../core/rules/catalogue.ts';
import { parseCommand, refuse, writerCwd } from './common.ts';
import { checkOptionsOf, readSiteConfig } from '../integration/site-context.ts';
import { GRAPH_FORMATS, graphText, type GraphFormat } from '../report/graph-text.ts';
import { formatResult, sourceLines, terminalColor } from '../report/human.ts';
import { formatGithub } from '../report/github.ts';
import { formatJson, safeJson } from '../report/json.ts';
import { sarifLog } from '../report/sarif.ts';

const FORMATS = ['human', 'json', 'sarif', 'github'] as const;

const USAGE = `Usage: signpost check [DIR ...] [--format human|json|sarif|github] [--strict] [--since REV] [--graph mermaid|dot] [--no-cache]

Validates the guides in each DIR (default: the \`guides\` option of signpost() in
astro.config.mjs, else guide) and reports every problem, with the site's components and
prefix as the build checks them. DIR is a guide folder (it holds .mdx files) or a folder of
guide folders.

  --format json    one JSON array of problems on stdout
  --format sarif   a SARIF 2.1.0 log on stdout, for code scanning
  --format github  GitHub Actions annotations on stdout, for a pull request
  --strict         drafts are errors, as in production builds
  --since REV      also report node ids of git revision REV that are gone (removed-id)
  --graph FORMAT   print each guide's graph (mermaid or dot) on stdout, problems on stderr
  --no-cache       parse every file and prove every pattern again, without the cache (signpost/ in Astro's cacheDir)
  --help           show this help

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem.`;

/** Runs the command with its arguments (what follows the command's name). */
export async function run(argv: string[]): Promise<void> {
  const command = parseCommand(
    'check',
    USAGE,
    {
      format: { type: 'string', default: 'human' },
      strict: { type: 'boolean', default: false },
      since: { type: 'string' },
      graph: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
    },
    argv,
  );
  const { values, positionals } = command;
  // Declared with its type, so that TypeScript knows the code after a failure does not run.
  const fail: (message: string) => never = command.fail;
  const format = values.format;
  if (!(FORMATS as readonly string[]).includes(format)) {
    fail(`unknown format \`${format}\`; use ${FORMATS.map((f) => `\`${f}\``).join(', ')}`);
  }
  const graph = values.graph;
  if (graph !== undefined && !(GRAPH_FORMATS as readonly string[]).includes(graph)) {
    fail(`unknown graph format \`${graph}\`; use \`mermaid\` or \`dot\``);
  }

  // Paths the writer typed are relative to where they typed them, and so are the paths we print.
  const cwd = writerCwd('check');
  // The site's context as `signpost build` reads it, from the project it runs in.
  const site = await readSiteConfig(process.cwd(), { strict: values.strict });
  const dirs = positionals.length > 0 ? positionals.map((dir) => resolve(cwd, dir)) : [site.guidesDir];
  const { site: layout, ...options } = checkOptionsOf(values['no-cache'] ? { ...site, keepsCache: false } : site);
  // Links from the site's root are resolved in the site, at its prefix, for guides in its
  // project; a folder of another project's (or of none) is checked in its own, at any prefix.
  const inProject = dirs.every((dir) => siteLayoutOf(dir).root === site.root);
  const result = await checkGuides(dirs, { ...options, ...(inProject ? { site: layout } : {}) });
  if (values.since !== undefined) {
    try {
      const before = await guidesAt(values.since, dirs, cwd);
      result.problems = sortProblems([...result.problems, ...(await removedIds(before.guides, result.guides))]);
    } catch (error) {
      if (!(error instanceof RevisionError)) throw error;
      refuse('check', `--since ${values.since}: ${error.message}`);
    }
  }

  // With --graph, stdout carries the graph alone, so it can be piped or pasted into a review.
  const report = graph ? process.stderr : process.stdout;
  if (graph) process.stdout.write(graphText(result.guides, graph as GraphFormat));
  if (format === 'json') {
    report.write(formatJson(result.problems, cwd));
  } else if (format === 'sarif') {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const docs = process.env['SIGNPOST_DOCS_URL'];
    const log = sarifLog(result.problems, { cwd, version: manifest.version, helpUri: docs ? (rule) => ruleUrl(rule, docs) : undefined });
    report.write(`${safeJson(log)}\n`);
  } else if (format === 'github') {
    report.write(formatGithub(result.problems, cwd));
  } else if (!graph || result.problems.length > 0) {
    report.write(formatResult(result, { cwd, sourceLine: sourceLines(), color: terminalColor() }));
  }
  process.exitCode = result.ioError ? 2 : result.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
