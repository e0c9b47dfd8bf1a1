/**
 * The folder rules: each reads what the walk and the reads of one folder found
 * (graph/folder-model.ts): the folder given to `check`, then each guide folder in it. Their
 * problems are worked out on every check: files and folders come and go while no guide file
 * changes.
 */
import type { FolderModel } from '../graph/folder-model.ts';
import { problem, type Problem } from '../problems.ts';
import type { Rule } from './define.ts';
import { RULES, RULE_IDS } from './catalogue.ts';

/** The rules that have a folder check, in the catalogue's order. */
const FOLDER_RULES: readonly Rule[] = RULE_IDS.map((id) => RULES[id] as Rule).filter((rule) => rule.folder !== undefined);

/** Runs every folder rule over one folder. Each reports only its own findings. */
export function checkFolder(model: FolderModel): Problem[] {
  const problems: Problem[] = [];
  for (const rule of FOLDER_RULES) {
    rule.folder!(model, (path, finding, options) => {
      if (finding.rule !== rule.id) throw new Error(`Rule ${rule.id} reported a finding of ${finding.rule}.`);
      problems.push(options?.io ? { ...problem(path, finding), io: true } : problem(path, finding));
    });
  }
  return problems;
}
