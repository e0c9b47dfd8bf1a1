/**
 * How a rule is written: `defineRule` gives it its id, severity, one-line summary and message
 * builders, and the rule's module keeps them beside its code. A finding is built from the
 * rule's own messages, so that a message reads the same wherever it fires and the writer's docs
 * can be checked against it:
 *
 * ```ts
 * export const deadEndRule = defineRule({ id: 'dead-end', severity: 'error', summary: '…', messages: { noWayOn: (id: string) => `…` } });
 * problems.push(problem(node.file, deadEndRule.say('noWayOn', 'check-cable'), node.position));
 * ```
 *
 * A file rule is given its check as the second argument, a function over what one parsed file
 * gives (`FileModel`: its text, tree, nodes, metadata and the facts extraction noted), as
 * remark-lint's rules are `(tree, file) => …`. The rule decides what is wrong and reports each
 * finding of its own at its place; rules/file-rules.ts runs every file rule after extraction,
 * which judges nothing:
 *
 * ```ts
 * export const draftRule = defineRule({ id: 'draft', …, messages: { draft: (node: string) => `…` } }, (file, report) => {
 *   for (const node of file.nodes) {
 *     if (node.draft) report(draftRule.say('draft', describe(node.kind, node.id)), attributePlace(node.tree, 'draft'));
 *   }
 * });
 * ```
 *
 * The ids are part of Signpost's interface (CI scripts and editors match on them): never rename
 * one. Each rule's documentation is `docs/<rule>.md` beside this module (shipped in the
 * package, printed by `signpost explain <rule>`, and docs/authoring.md's rule reference).
 * Messages say what is wrong and how to fix it, quote code in backticks, and never hold the
 * position: reports show it. This module imports only types, so that any module can define or
 * raise a rule without a cycle.
 */
import type { RuleId } from './catalogue.ts';
import type { FolderModel } from '../graph/folder-model.ts';
import type { FileModel } from '../parse/file-model.ts';
import type { Place, Related } from '../problems.ts';

export type Severity = 'error' | 'warning';

/** What a builder gives: the message, and the text that would replace the place at fault. */
export type Built = string | { message: string; expected?: string[] };
export type Builder = (...args: never[]) => Built;

/** A problem as a rule states it, before it has a place. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Replacements for the text at the problem's place, best first (unified's `expected`). */
  expected?: string[];
}

/** How a file rule reports a finding of its own: at a place of the file, with other places it concerns. */
export type Report = (finding: Finding, place?: Place, related?: Related[]) => void;

/** A file rule's check: it reads one parsed file and reports what is wrong in it. */
export type FileCheck = (file: FileModel, report: Report) => void;

/**
 * How a folder rule reports a finding of its own: at the file or folder `path`, line 1, with
 * `io` for a folder or file that could not be read at all (`check` then exits with 2).
 */
export type FolderReport = (path: string, finding: Finding, options?: { io?: boolean }) => void;

/** A folder rule's check: it reads what the walk and the reads of a folder found (graph/folder-model.ts). */
export type FolderCheck = (folder: FolderModel, report: FolderReport) => void;

/** What a rule checks itself: a file rule each parsed file, a folder rule each folder read. */
export interface RuleChecks {
  /** Run over every parsed file (rules/file-rules.ts). */
  file?: FileCheck;
  /** Run over the folder given to `check` and over each guide folder (rules/folder-rules.ts). */
  folder?: FolderCheck;
}

/** A rule as its module defines it. */
export interface Rule<Id extends string = string, Messages extends Record<string, Builder> = Record<string, Builder>> {
  id: Id;
  severity: Severity;
  /** What the rule catches, in one line (`signpost explain`, SARIF, the rule list). */
  summary: string;
  messages: Messages;
  /** Its documentation page, `docs/<id>.md`. */
  docs: URL;
  /** A finding of this rule, from one of its messages: `deadEndRule.say('noWayOn', 'check-cable')`. */
  say<K extends keyof Messages & string>(key: K, ...args: Parameters<Messages[K]>): Finding;
  /** A file rule's check, run over every parsed file (rules/file-rules.ts); graph rules have none. */
  check?: FileCheck | undefined;
  /** A folder rule's check, run over each folder read (rules/folder-rules.ts). */
  folder?: FolderCheck | undefined;
}

/**
 * Defines a rule: its messages, where its documentation is, and what it checks itself: for a
 * file rule its check (`checks`, a function), or its checks of files and of folders. A check
 * reads the rule itself once the module has defined it, so it may call `say`.
 */
export function defineRule<const Id extends string, const Messages extends Record<string, Builder>>(
  definition: {
    id: Id;
    severity: Severity;
    summary: string;
    messages: Messages;
  },
  checks?: FileCheck | RuleChecks,
): Rule<Id, Messages> {
  const { id, severity } = definition;
  return {
    ...definition,
    docs: new URL(`./docs/${id}.md`, import.meta.url),
    check: typeof checks === 'function' ? checks : checks?.file,
    folder: typeof checks === 'function' ? undefined : checks?.folder,
    say(key, ...args) {
      return findingOf(id as string as RuleId, severity, definition.messages[key]!, args);
    },
  };
}

/**
 * The finding one of a rule's messages builds. `Rule.say` is how the checker raises it;
 * catalogue.ts's `say` builds one without it, for tests and docs that show a message, so that
 * what the test suite counts as built by the checker (tests/message-coverage.ts) is only that.
 */
export function findingOf(rule: RuleId, severity: Severity, message: Builder, args: unknown[]): Finding {
  const built = (message as (...args: unknown[]) => Built)(...args);
  return typeof built === 'string' ? { rule, severity, message: built } : { rule, severity, ...built };
}

/** The finding without its replacements: for a place where the proposed text would not fit. */
export function withoutExpected(finding: Finding): Finding {
  return { rule: finding.rule, severity: finding.severity, message: finding.message };
}

/**
 * Where a rule is explained, for editors (a vfile's `url`), JSON and SARIF (`helpUri`). With
 * `SIGNPOST_DOCS_URL` set, a web page: `{rule}` in it is replaced by the rule id, else `#rule`
 * is added (`https://example.com/docs/authoring.md` → `…/authoring.md#dangling-target`).
 * Without it, the rule's page in the installed package, as a `file:` URL an editor opens.
 */
export function ruleUrl(rule: RuleId, docsUrl: string | undefined = process.env['SIGNPOST_DOCS_URL']): string {
  if (docsUrl) return docsUrl.includes('{rule}') ? docsUrl.replaceAll('{rule}', rule) : `${docsUrl.replace(/#.*$/, '')}#${rule}`;
  return new URL(`./docs/${rule}.md`, import.meta.url).href;
}

/** The command that prints a rule's documentation, as the human report names it. */
export function explainCommand(rule: RuleId): string {
  return `npx signpost explain ${rule}`;
}
