/**
 * `check --format github`: GitHub Actions workflow commands, which a pull request shows as
 * annotations on the changed lines:
 *
 * ```text
 * ::error file=guide/router/index.mdx,line=7,col=11,endLine=7,endColumn=29,title=dangling-target::Cannot find node …
 * ```
 *
 * Values are escaped as the Actions runner reads them (`@actions/core`): `%`, `\r` and `\n` in
 * the message; also `:` and `,` in properties. Writers' text is made visible first, so that a
 * guide cannot send control characters to the log.
 */
import { displayPath } from '../core/graph/load-guide.ts';
import type { Problem } from '../core/problems.ts';
import { explainCommand } from '../core/rules/catalogue.ts';
import { visible } from './visible-text.ts';

/** A message as a workflow command's data. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command per problem, then nothing else: the log shows the rest. */
export function formatGithub(problems: Problem[], cwd: string): string {
  const lines = problems.map((p) => {
    const properties: [string, string | number][] = [
      ['file', visible(displayPath(p.file, cwd))],
      ['line', p.line],
      ['col', p.column],
    ];
    if (p.endLine !== undefined) properties.push(['endLine', p.endLine]);
    // GitHub reads an end column only on a one-line range.
    if (p.endLine === p.line && p.endColumn !== undefined) properties.push(['endColumn', p.endColumn]);
    properties.push(['title', `${p.rule} (${explainCommand(p.rule)})`]);
    const list = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
    return `::${p.severity === 'error' ? 'error' : 'warning'} ${list}::${escapeData(visible(p.message))}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
