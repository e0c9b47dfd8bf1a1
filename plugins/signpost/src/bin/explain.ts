/**
 * `signpost explain <rule>`: what a rule catches, an example of the mistake with the report it
 * gives, and the fix, from the rule's documentation.
 */
import { readFile } from 'node:fs/promises';
import { RULES, type RuleId } from '../core/rules/catalogue.ts';
import { closest } from '../core/suggest.ts';
import { parseCommand } from './common.ts';

const USAGE = `Usage: signpost explain <rule>

Prints what a rule catches, an example of the mistake with the report it gives, and the fix.
The rule is the id in brackets at the end of a problem, such as [dangling-target].

Rules: ${Object.keys(RULES).join(', ')}`;

/**
 * The documentation of a rule, as Markdown: what it catches, the mistake with the report it
 * gives, and the fix. The same text is the rule's section of the writer's guide.
 */
export async function ruleDocumentation(rule: RuleId): Promise<string> {
  return readFile(new URL(`../core/rules/docs/${rule}.md`, import.meta.url), 'utf8');
}

/** Runs the command with its arguments (what follows the command's name). */
export async function run(argv: string[]): Promise<void> {
  const command = parseCommand('explain', USAGE, {}, argv);
  const fail: (message: string) => never = command.fail;
  const [given, ...extra] = command.positionals;
  if (given === undefined || extra.length > 0) fail('give one rule, such as `dangling-target`');
  const rule = given.replace(/^\[|\]$/g, '');
  if (!Object.hasOwn(RULES, rule)) {
    const proposal = closest(rule, Object.keys(RULES));
    fail(`unknown rule \`${rule}\`${proposal ? `; did you mean \`${proposal}\`?` : ''}`);
  }
  const { severity, summary } = RULES[rule as RuleId];
  process.stdout.write(`${rule} (${severity}): ${summary}\n\n${await ruleDocumentation(rule as RuleId)}`);
}
