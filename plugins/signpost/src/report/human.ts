/**
 * Prints problems the way compilers do (`file:line:column: severity: message [rule]`, the
 * source line with a caret, and the command that explains the rule). JSON, SARIF and GitHub
 * annotations are in their own modules.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { styleText } from 'node:util';
import { displayPath } from '../core/graph/load-guide.ts';
import type { CheckResult } from '../core/check.ts';
import type { Problem } from '../core/problems.ts';
import { LIMITS } from '../core/parse/limits.ts';
import { explainCommand } from '../core/rules/catalogue.ts';
import { visible } from './visible-text.ts';

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

/**
 * The human report. Messages quote the writer's text and excerpts show their lines, so both
 * (and paths) go through `visible`: a guide cannot send escape sequences to a terminal.
 */
export function formatHuman(problems: Problem[], totals: Totals, options: HumanOptions): string {
  const paint = (style: Style, text: string): string => (options.color ? styleText(style, text, { validateStream: false }) : text);
  const out: string[] = [];
  for (const p of problems) {
    const severity = p.severity === 'error' ? paint(['bold', 'red'], 'error') : paint(['bold', 'yellow'], 'warning');
    out.push(
      `${paint('bold', `${visible(displayPath(p.file, options.cwd))}:${p.line}:${p.column}`)}: ${severity}: ${visible(p.message)} ${paint('dim', `[${p.rule}]`)}`,
    );
    const text = options.sourceLine?.(p.file, p.line)?.replace(/\t/g, ' ');
    if (text !== undefined) {
      const gutter = String(p.line).length;
      const width = p.endLine === p.line && p.endColumn !== undefined ? Math.max(1, p.endColumn - p.column) : 1;
      // The caret stands under the same characters once escapes have widened the line.
      const start = Math.min(Math.max(0, p.column - 1), text.length);
      const end = Math.min(text.length, start + width);
      const indent = visible(text.slice(0, start)).length;
      const marker = ' '.repeat(indent) + '^'.repeat(Math.max(1, visible(text.slice(start, end)).length));
      out.push(`  ${paint('dim', `${p.line} |`)} ${visible(text)}`);
      out.push(`  ${paint('dim', `${' '.repeat(gutter)} |`)} ${paint(p.severity === 'error' ? 'red' : 'yellow', marker)}`);
    }
    out.push(`  ${paint('dim', `help: ${explainCommand(p.rule)}`)}`);
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
    if (!files.has(file)) files.set(file, readLines(file));
    return files.get(file)?.[line - 1];
  };
}

/**
 * A file's lines, as the parser counts them (`\r\n`, `\r` or `\n`), when it is a regular
 * file within the size limit: the problem being shown may be that it is a FIFO (reading it
 * would wait forever) or 3 GB large. Checked on the open handle, like `readSource`.
 */
function readLines(file: string): string[] | undefined {
  let handle: number | undefined;
  try {
    handle = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(handle);
    if (!info.isFile() || info.size > LIMITS.fileBytes) return undefined;
    const buffer = Buffer.alloc(info.size);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(handle, buffer, length, buffer.length - length, length);
      if (read === 0) break;
      length += read;
    }
    return buffer
      .subarray(0, length)
      .toString('utf8')
      .split(/\r\n|\r|\n/);
  } catch {
    return undefined;
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}
