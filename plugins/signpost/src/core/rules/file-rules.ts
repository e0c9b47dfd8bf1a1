/**
 * The file rules: each reads one parsed file (parse/file-model.ts) and reports what is wrong in
 * it, one module per rule, as rules/validate.ts runs the graph rules over a whole guide. They
 * run once per parse; their problems are kept with the parse (load-guide.ts's `FileParse`, the
 * parse cache, the parse-ahead workers), so an unchanged file is not judged again.
 */
import type { FileModel } from '../parse/file-model.ts';
import { problem, type Problem } from '../problems.ts';
import type { Rule } from './define.ts';
import { RULES, RULE_IDS } from './catalogue.ts';

/** The rules that have a file check, in the catalogue's order. */
const FILE_RULES: Rule[] = RULE_IDS.map((id) => RULES[id] as Rule).filter((rule) => rule.check !== undefined);

/**
 * Runs every file rule (or the `rules` given) over one file. Each reports only its own
 * findings: a rule id is raised by its own module and nowhere else.
 */
export function checkFileModel(model: FileModel, rules: readonly Rule[] = FILE_RULES): Problem[] {
  const problems: Problem[] = [];
  for (const rule of rules) {
    rule.check!(model, (finding, place, related) => {
      if (finding.rule !== rule.id) throw new Error(`Rule ${rule.id} reported a finding of ${finding.rule}.`);
      problems.push(problem(model.path, finding, place, related));
    });
  }
  return problems;
}
