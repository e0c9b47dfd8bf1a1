/**
 * `check --format json`: one JSON array, one object per problem, for editors, CI and scripts.
 *
 * ```json
 * [{ "file": "guide/router/index.mdx", "line": 7, "column": 11, "endLine": 7, "endColumn": 29,
 *    "severity": "error", "rule": "dangling-target", "message": "Cannot find node …",
 *    "url": "…", "expected": ["to=\"restart-router\""], "related": [] }]
 * ```
 *
 * `file` is relative to `cwd`. `expected` (when there is a fix) replaces the text from
 * `line:column` to `endLine:endColumn`; `related` names the other places of the problem, such as
 * the other node of a duplicate id.
 */
import { displayPath } from '../core/graph/load-guide.ts';
import type { Problem } from '../core/problems.ts';
import { ruleUrl } from '../core/rules/catalogue.ts';

/** The JSON of a list of problems, with paths relative to `cwd`. */
export function jsonProblems(problems: Problem[], cwd: string): object[] {
  return problems.map((p) => ({
    file: displayPath(p.file, cwd),
    line: p.line,
    column: p.column,
    ...(p.endLine !== undefined ? { endLine: p.endLine, endColumn: p.endColumn } : {}),
    severity: p.severity,
    rule: p.rule,
    message: p.message,
    url: ruleUrl(p.rule),
    ...(p.expected ? { expected: p.expected } : {}),
    related: (p.related ?? []).map((r) => ({
      file: displayPath(r.file, cwd),
      line: r.line,
      column: r.column,
      ...(r.endLine !== undefined ? { endLine: r.endLine, endColumn: r.endColumn } : {}),
      message: r.message,
    })),
  }));
}

/** One JSON array, one object per problem, `file` relative to `cwd`. */
export function formatJson(problems: Problem[], cwd: string): string {
  // JSON.stringify escapes C0 controls; C1 controls and bidirectional overrides are escaped
  // too, so that printing the report cannot drive or reorder a terminal (same JSON value).
  return `${safeJson(jsonProblems(problems, cwd))}\n`;
}

/** JSON with C1 controls and bidirectional marks escaped: the same value, safe to print. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
