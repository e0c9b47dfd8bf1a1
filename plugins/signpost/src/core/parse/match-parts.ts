/**
 * An error card's `match` patterns and `example` lines, read from the source as written: a
 * pattern's `{id}` is a placeholder (which MDX reads as an expression, and elsewhere refuses),
 * and an example is a line as readers paste it (`12:03:44` is no directive).
 *
 * ```mdx
 * ::match[Failed to create geocompany {id}]
 * ::match{regex="Failed to create geocompany [0-9a-f-]+"}
 * ::example[12:03:44 ERROR Failed to create geocompany 8f3a-22. Please try again.]
 * ```
 *
 * A pattern that does not parse or compile is left out of its card and noted, with what is
 * wrong and where (`invalid-pattern` reports it at its line, rules/invalid-pattern.ts);
 * whether the examples match their card, and no other, are whole-guide rules
 * (rules/unmatched-example.ts, rules/ambiguous-match.ts).
 */
import type { VFile } from 'vfile';
import type { Located, MatchPattern } from '../graph/model.ts';
import { parsePattern } from '../match/pattern.ts';
import { checkRegex } from '../match/regex.ts';
import { MatchAttributes, NoAttributes } from '../schemas/directives.ts';
import { readAttributes } from './attributes.ts';
import { ownAttributePlace, openingOf, type Directive } from './directives.ts';
import type { LabelSource } from './facts.ts';
import { note } from './file-model.ts';
import { LIMITS } from './limits.ts';

/** What a card's walk collects of its patterns and examples. */
export interface MatchParts {
  patterns: MatchPattern[];
  /** The `::match` directives left out for what is wrong with them (each reported at its place). */
  refusedPatterns: number;
  examples: Located[];
}

/** Reads `::match[…]` or `::match{regex="…"}`; a valid pattern is added to `collected`, any other noted and counted. */
export function readMatch(directive: Directive, collected: MatchParts, file: VFile): void {
  const before = collected.patterns.length;
  readPattern(directive, collected, file);
  if (collected.patterns.length === before) collected.refusedPatterns++;
}

function readPattern(directive: Directive, collected: MatchParts, file: VFile): void {
  const position = directive.position ?? openingOf(directive)!;
  const { regex } = readAttributes(directive, MatchAttributes, file);
  const label = labelSource(directive, file);
  if (regex !== undefined && label) {
    note(file, { type: 'pattern-twice', directive });
    return;
  }
  if (regex !== undefined) {
    readRegex(directive, regex, collected, file);
    return;
  }
  if (!label) {
    note(file, { type: 'pattern-missing', directive });
    return;
  }
  const parsed = parsePattern(label.text);
  if ('pieces' in parsed) collected.patterns.push({ text: label.text.trim(), regex: false, position });
  else note(file, { type: 'pattern-refused', directive, fault: parsed, label });
}

function readRegex(directive: Directive, regex: string, collected: MatchParts, file: VFile): void {
  const attribute = ownAttributePlace(directive, 'regex') ?? openingOf(directive)!;
  const checked = checkRegex(regex, file.data.signpostVerdicts);
  if ('keys' in checked) {
    collected.patterns.push({
      text: regex,
      regex: true,
      keys: checked.keys,
      expression: checked.expression,
      specificity: checked.specificity,
      position: attribute,
    });
    return;
  }
  // The attribute as written, so that a fault is placed inside the expression when it is written plainly.
  const written = attribute.start.offset === undefined ? '' : String(file.value).slice(attribute.start.offset, attribute.end.offset);
  note(file, { type: 'regex-refused', directive, regex, fault: checked, written });
}

/** Reads `::example[…]`: a line as readers paste it, kept when it has text and is no longer than the paste box reads. */
export function readExample(directive: Directive, collected: MatchParts, file: VFile): void {
  readAttributes(directive, NoAttributes, file);
  const label = labelSource(directive, file);
  const text = label ? unescape(label.text).trim() : '';
  note(file, { type: 'example', directive, text });
  // Longer, it would be proven on characters a reader's paste is never read to, at a cost.
  if (text && text.length <= LIMITS.exampleChars) collected.examples.push({ text, position: directive.position ?? openingOf(directive)! });
}

/**
 * The label of a leaf directive as written between its brackets, and where it starts: Markdown
 * would read `*`, `_` or `{id}` in it, which a pattern and a pasted line mean as they are.
 */
function labelSource(directive: Directive, file: VFile): LabelSource | undefined {
  const first = directive.children[0]?.position?.start;
  const last = directive.children.at(-1)?.position?.end;
  if (first?.offset === undefined || last?.offset === undefined) return undefined;
  const text = String(file.value).slice(first.offset, last.offset);
  return text.trim() ? { text, start: first } : undefined;
}

/** Markdown's backslash escapes: `\{` is `{`, `\*` is `*`. */
function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
