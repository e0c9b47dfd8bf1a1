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
 * Each pattern is checked here, at its line (`invalid-pattern`); whether the examples match
 * their card, and no other, are whole-guide rules (rules/unmatched-example.ts, rules/ambiguous-match.ts).
 */
import { invalidPatternRule } from '../rules/invalid-pattern.ts';
import { missingTitleRule } from '../rules/missing-title.ts';
import { limitExceededRule } from '../rules/limit-exceeded.ts';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { Located, MatchPattern } from '../graph/model.ts';
import { parsePattern } from '../match/pattern.ts';
import { checkRegex } from '../match/regex.ts';
import { flag } from '../problems.ts';
import { MatchAttributes, NoAttributes } from '../schemas/directives.ts';
import { readAttributes } from './attributes.ts';
import { LIMITS } from './limits.ts';
import { ownAttributePlace, openingOf, type Directive } from './directives.ts';

/** What a card's walk collects of its patterns and examples. */
export interface MatchParts {
  patterns: MatchPattern[];
  examples: Located[];
}

/** Reads `::match[…]` or `::match{regex="…"}`; a valid pattern is added to `collected`. */
export function readMatch(directive: Directive, collected: MatchParts, file: VFile): void {
  const position = directive.position ?? openingOf(directive)!;
  const { regex } = readAttributes(directive, MatchAttributes, file);
  const label = labelSource(directive, file);
  if (regex !== undefined && label) {
    flag(file, invalidPatternRule.say('both'), openingOf(directive));
    return;
  }
  if (regex !== undefined) {
    readRegex(directive, regex, collected, file);
    return;
  }
  if (!label) {
    flag(file, missingTitleRule.say('match'), openingOf(directive));
    return;
  }
  const parsed = parsePattern(label.text);
  if ('pieces' in parsed) {
    collected.patterns.push({ text: label.text.trim(), regex: false, position });
    return;
  }
  const place = (length: number): Position => ('at' in parsed ? within(label.start, parsed.at, length) : position);
  switch (parsed.fault) {
    case 'empty':
      flag(file, missingTitleRule.say('match'), openingOf(directive));
      break;
    case 'tooLong':
      flag(file, invalidPatternRule.say('tooLong', parsed.most), position);
      break;
    case 'badPlaceholder':
      // MDX could not read it as code either: reported once, as the syntax error it is (mdx-errors.ts).
      if (file.messages.some((note) => note.ruleId === 'syntax-error' && note.line === label.start.line)) break;
      flag(file, invalidPatternRule.say('badPlaceholder', parsed.written), place(parsed.written.length));
      break;
    case 'textNotLast':
      flag(file, invalidPatternRule.say('textNotLast'), place('{text}'.length));
      break;
    case 'adjacent':
      flag(file, invalidPatternRule.say('adjacent', parsed.first, parsed.second), place(parsed.second.length + 2));
      break;
    case 'noWord':
      flag(file, invalidPatternRule.say('noWord'), position);
      break;
  }
}

function readRegex(directive: Directive, regex: string, collected: MatchParts, file: VFile): void {
  const attribute = ownAttributePlace(directive, 'regex') ?? openingOf(directive)!;
  // A place inside the expression, when the attribute is written plainly (`regex="…"`).
  const written = attribute.start.offset === undefined ? '' : String(file.value).slice(attribute.start.offset, attribute.end.offset);
  const inside = (index: number, length: number): Position =>
    written === `regex="${regex}"` || written === `regex='${regex}'`
      ? within(attribute.start, 'regex="'.length + index, length)
      : attribute;
  const checked = checkRegex(regex);
  if ('keys' in checked) {
    collected.patterns.push({ text: regex, regex: true, keys: checked.keys, expression: checked.expression, position: attribute });
    return;
  }
  switch (checked.fault) {
    case 'empty':
      flag(file, missingTitleRule.say('match'), attribute);
      break;
    case 'tooLong':
      flag(file, invalidPatternRule.say('tooLong', checked.most), attribute);
      break;
    case 'syntax':
      flag(file, invalidPatternRule.say('regexSyntax', checked.reason), inside(checked.index, 1));
      break;
    case 'lookahead':
    case 'backreference':
    case 'modifiers':
    case 'surrogate':
      flag(file, invalidPatternRule.say(checked.fault, checked.written), inside(checked.index, checked.length));
      break;
    case 'repeatTooLarge':
      flag(file, invalidPatternRule.say('repeatTooLarge', checked.written), inside(checked.index, checked.length));
      break;
    case 'tooLarge':
      flag(file, invalidPatternRule.say('tooLarge', checked.size, checked.most), attribute);
      break;
    case 'engine':
      flag(file, invalidPatternRule.say('engine', checked.reason), attribute);
      break;
    case 'noWord':
      flag(file, invalidPatternRule.say('regexNoWord'), attribute);
      break;
  }
}

/** Reads `::example[…]`: a line as readers paste it. */
export function readExample(directive: Directive, collected: MatchParts, file: VFile): void {
  readAttributes(directive, NoAttributes, file);
  const label = labelSource(directive, file);
  const text = label ? unescape(label.text).trim() : '';
  if (!text) {
    flag(file, missingTitleRule.say('example'), openingOf(directive));
    return;
  }
  const position = directive.position ?? openingOf(directive)!;
  // Longer, it would be proven on characters a reader's paste is never read to, at a cost.
  if (text.length > LIMITS.exampleChars) {
    flag(file, limitExceededRule.say('exampleChars', text.length, LIMITS.exampleChars), position);
    return;
  }
  collected.examples.push({ text, position });
}

/**
 * The label of a leaf directive as written between its brackets, and where it starts: Markdown
 * would read `*`, `_` or `{id}` in it, which a pattern and a pasted line mean as they are.
 */
function labelSource(directive: Directive, file: VFile): { text: string; start: Point } | undefined {
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

/** A place `index` characters into a line, `length` long (labels and attributes are on one line). */
function within(start: Point, index: number, length: number): Position {
  const at = (shift: number): Point => ({
    line: start.line,
    column: start.column + shift,
    ...(start.offset === undefined ? {} : { offset: start.offset + shift }),
  });
  return { start: at(index), end: at(index + Math.max(1, length)) };
}
