import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { RULES, type RuleId, type Severity } from './rules/catalogue.ts';

/** One thing wrong with a guide, located in a file. Lines and columns are 1-based. */
export interface Problem {
  /** Absolute path of the file (or folder) at fault. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  rule: RuleId;
  message: string;
  /** Something could not be read at all (exit code 2), rather than read and found wrong. */
  io?: boolean;
}

/** The source of every vfile message Signpost raises, as unified plugins name theirs. */
export const SOURCE = 'signpost';

/** Where a problem is: a whole unist position, a single point, or nothing (start of file). */
export type Place = Position | Point | undefined;

/**
 * Records a problem on a vfile, the unified way: `ruleId`, `source` and a place. Errors are
 * marked `fatal: true` without being thrown, so that every problem of a file is collected.
 */
export function flag(file: VFile, rule: RuleId, message: string, place?: Place): void {
  const note = file.message(message, { place, ruleId: rule, source: SOURCE });
  note.fatal = RULES[rule].severity === 'error';
}

/** Turns the Signpost messages of a vfile into problems. */
export function problemsOf(file: VFile): Problem[] {
  const problems: Problem[] = [];
  for (const note of file.messages) {
    if (note.source !== SOURCE) continue;
    const place = note.place;
    const start = place && 'start' in place ? place.start : place;
    const end = place && 'end' in place ? place.end : undefined;
    problems.push({
      file: file.path,
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      ...(end ? { endLine: end.line, endColumn: end.column } : {}),
      severity: note.fatal ? 'error' : 'warning',
      rule: note.ruleId as RuleId,
      message: note.reason,
    });
  }
  return problems;
}

/** Builds a problem directly, for places no vfile covers (folders, unreadable files). */
export function problem(file: string, rule: RuleId, message: string, place?: Place): Problem {
  const start = place && 'start' in place ? place.start : place;
  const end = place && 'end' in place ? place.end : undefined;
  return {
    file,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    ...(end ? { endLine: end.line, endColumn: end.column } : {}),
    severity: RULES[rule].severity,
    rule,
    message,
  };
}

/** Orders problems as a compiler lists them: by file, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.toSorted(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** Appends `items` to `list` one by one: a spread (`push(...items)`) overflows the stack past ~100,000 items. */
export function append<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) list.push(item);
}
