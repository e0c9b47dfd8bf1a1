/**
 * Prints problems the way compilers do (`file:line:column: severity: message [rule]`, the
 * source line with a caret, the rule's docs) or as JSON for tools.
 */
import { readFileSync } from 'node:fs';
import { styleText } from 'node:util';
import { displayPath } from '../core/graph/load-guide.ts';
import type { CheckResult } from '../core/check.ts';
import type { Problem } from '../core/problems.ts';
import { ruleDocs } from '../core/rules/catalogue.ts';

type Style = Parameters<typeof styleText>[0];

export interface HumanOptions {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** The text of a source line, for the excerpt under each problem. */
  sourceLine?: (file: string, line: number) => string | undefined;
  color?: boolean;
}

/** What `check` looked at, for the closing line. */
export interface Totals {
  guides: number;
  nodes: number;
}

/** One JSON array, one object per problem, `file` relative to `cwd`. */
export function formatJson(problems: Problem[], cwd: string): string {
  const rows = problems.map((p) => ({
    file: displayPath(p.file, cwd),
    line: p.line,
    column: p.column,
    severity: p.severity,
    rule: p.rule,
    message: p.message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** How many nodes the checked guides hold. */
export function countNodes(result: CheckResult): number {
  return result.guides.reduce((sum, guide) => sum + guide.nodes.length, 0);
}

/** The report of a check, its closing line counting the guides and nodes it looked at. */
export function formatResult(result: CheckResult, options: HumanOptions): string {
  return formatHuman(result.problems, { guides: result.guides.length, nodes: countNodes(result) }, options);
}

/** Colours for a terminal that shows them, unless NO_COLOR says otherwise. */
export function terminalColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];
}

export function formatHuman(problems: Problem[], totals: Totals, options: HumanOptions): string {
  const paint = (style: Style, text: string): string => (options.color ? styleText(style, text, { validateStream: false }) : text);
  const out: string[] = [];
  for (const p of problems) {
    const severity = p.severity === 'error' ? paint(['bold', 'red'], 'error') : paint(['bold', 'yellow'], 'warning');
    out.push(
      `${paint('bold', `${displayPath(p.file, options.cwd)}:${p.line}:${p.column}`)}: ${severity}: ${p.message} ${paint('dim', `[${p.rule}]`)}`,
    );
    const text = options.sourceLine?.(p.file, p.line);
    if (text !== undefined) {
      const gutter = String(p.line).length;
      const width = p.endLine === p.line && p.endColumn !== undefined ? Math.max(1, p.endColumn - p.column) : 1;
      const marker = ' '.repeat(Math.max(0, p.column - 1)) + '^'.repeat(Math.min(width, Math.max(1, text.length - p.column + 1)));
      out.push(`  ${paint('dim', `${p.line} |`)} ${text.replace(/\t/g, ' ')}`);
      out.push(`  ${paint('dim', `${' '.repeat(gutter)} |`)} ${paint(p.severity === 'error' ? 'red' : 'yellow', marker)}`);
    }
    out.push(`  ${paint('dim', `see ${ruleDocs(p.rule)}`)}`);
    out.push('');
  }
  out.push(summary(problems, totals, paint));
  return `${out.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function summary(problems: Problem[], totals: Totals, paint: (style: Style, text: string) => string): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const scope = `${plural(totals.guides, 'guide')}, ${plural(totals.nodes, 'node')} checked`;
  if (errors > 0) return paint(['bold', 'red'], `✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')} (${scope})`);
  if (warnings > 0) return paint(['bold', 'yellow'], `⚠ 0 errors, ${plural(warnings, 'warning')} (${scope})`);
  return paint(['bold', 'green'], `✔ no problems (${scope})`);
}

/** Reads source lines for the excerpts, each file once. */
export function sourceLines(): (file: string, line: number) => string | undefined {
  const files = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!files.has(file)) {
      try {
        files.set(file, readFileSync(file, 'utf8').split(/\r?\n/));
      } catch {
        files.set(file, undefined);
      }
    }
    return files.get(file)?.[line - 1];
  };
}
