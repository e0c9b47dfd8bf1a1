/**
 * `invalid-pattern`: a `match` pattern that cannot be read, would match any line, or that RE2,
 * the linear-time engine patterns run on, cannot run as written. A file rule: extraction
 * leaves such a pattern out of its card and notes what match/pattern.ts or match/regex.ts
 * found wrong, and where in the pattern; this rule words it at that character.
 * `docs/invalid-pattern.md` explains it.
 */
import { type FileModel, factsOfTypes } from '../parse/file-model.ts';
import { openingOf, ownAttributePlace } from '../parse/directives.ts';
import type { Point, Position } from 'unist';
import type { Report } from './define.ts';
import { code } from './words.ts';
import { defineRule } from './define.ts';
import { syntaxErrorLines } from './syntax-error.ts';
import type { NoWordProposal } from '../match/regex.ts';

export const invalidPatternRule = defineRule(
  {
    id: 'invalid-pattern',
    severity: 'error',
    summary:
      'a `match` pattern that cannot be read, would match any line, or that RE2, the linear-time engine patterns run on, cannot run as written',
    messages: {
      both: () => '`match` takes its pattern in brackets or in `regex="…"`, not both; keep one',
      tooLong: (most: number) =>
        `This pattern is longer than ${most} characters; match the line that names the error, not the whole output`,
      badPlaceholder: (written: string) =>
        `${code(written)} is not a placeholder; write a name in braces, such as \`{id}\`, \`{number}\` or \`{text}\`, and \`\\{\` for a brace itself`,
      textNotLast: () =>
        '`{text}` stands for the rest of the line, so nothing may follow it; end the pattern with it, or use a word placeholder such as `{id}`',
      adjacent: (first: string, second: string) =>
        `Placeholders ${code(`{${first}}`)} and ${code(`{${second}}`)} stand side by side, so where one ends is unknown; write the text between them`,
      noWord: () =>
        'This pattern has no word of two letters or more written out (between spaces or punctuation, not against a placeholder), so it would match lines of any error; write out a word of the message',
      genericWords: (words: string[], whole: string | undefined) =>
        `This pattern's words (${words.map(code).join(', ')}) are ones any error message may hold, so it would match the lines of other errors too; include the words that tell this error from others${whole === undefined ? '' : `, or, where these words are the whole line, match it whole with a regular expression: ${code(`regex="${whole}"`)}`}`,
      regexSyntax: (reason: string) => `Invalid regular expression: ${reason}`,
      lookahead: (written: string) =>
        `${code(written)} looks ahead, which RE2, the linear-time engine patterns run on, cannot do; match what follows as text, or end a word with \`\\b\` and the line with \`$\``,
      backreference: (written: string) =>
        `${code(written)} refers back to a group, which RE2, the linear-time engine patterns run on, cannot do; write out what it stands for again, or use a placeholder such as \`{id}\``,
      modifiers: (written: string) =>
        `${code(written)} sets flags for a part of the expression, which RE2, the engine patterns run on, reads otherwise; case never counts in a pattern: write \`(?:\` instead`,
      surrogate: (written: string) =>
        `${code(written)} stands here for half of a character beyond U+FFFF (an emoji, say), which RE2, the engine patterns run on, reads only whole; write the whole character, outside \`[…]\`, and group it to repeat it: \`(?:😀)+\``,
      repeatTooLarge: (written: string) =>
        `${code(written)} repeats more than 1000 times, counting the repetitions inside it, which RE2, the engine patterns run on, refuses; write smaller counts, such as \`{1,50}\``,
      tooLarge: (size: number, most: number, written: string, part: number) =>
        `This regular expression compiles to ${size} steps, more than ${most}, each taken at every character of a paste, and ${code(written)} takes ${part} of them; write smaller repetition counts there, or a pattern with placeholders`,
      engine: (reason: string) =>
        `RE2, the linear-time engine patterns run on, cannot run this regular expression (${reason}); simplify it, or write a pattern with placeholders: \`::match[Failed to create {id}]\``,
      regexNoWord: (proposal: NoWordProposal) =>
        `This regular expression has no word of two letters or more that every line it matches holds whole (written out between spaces, punctuation, \`\\b\`, \`^\` or \`$\`; its own start and end are no edge, as the line's word may go on there), so it would be tried on every line of a paste; ${
          proposal === undefined
            ? 'write out a word of the message between `\\b` and `\\b`'
            : 'edges' in proposal
              ? `write \`\\b\` where a word starts or ends it: ${code(proposal.edges)}`
              : `write \`\\b\` on both sides of a word of the message, where it stands whole, such as ${code(`\\b${proposal.word}\\b`)}`
        }`,
    },
  },
  checkPatterns,
);

function checkPatterns(file: FileModel, report: Report): void {
  let lines: Set<number | undefined> | undefined;
  for (const fact of factsOfTypes(file, ['pattern-twice', 'pattern-refused', 'regex-refused'])) {
    if (fact.type === 'pattern-twice') {
      report(invalidPatternRule.say('both'), openingOf(fact.directive));
    } else if (fact.type === 'pattern-refused') {
      const { directive, fault: parsed, label } = fact;
      const position = directive.position ?? openingOf(directive)!;
      const place = (length: number): Position => ('at' in parsed ? within(label.start, parsed.at, length) : position);
      switch (parsed.fault) {
        case 'empty':
          break;
        case 'tooLong':
          report(invalidPatternRule.say('tooLong', parsed.most), position);
          break;
        case 'badPlaceholder':
          // MDX could not read it as code either: reported once, as the syntax error it is (parser-stops.ts).
          lines ??= syntaxErrorLines(file);
          if (!lines.has(label.start.line)) report(invalidPatternRule.say('badPlaceholder', parsed.written), place(parsed.written.length));
          break;
        case 'textNotLast':
          report(invalidPatternRule.say('textNotLast'), place('{text}'.length));
          break;
        case 'adjacent':
          report(invalidPatternRule.say('adjacent', parsed.first, parsed.second), place(parsed.second.length + 2));
          break;
        case 'noWord':
          report(invalidPatternRule.say('noWord'), position);
          break;
        case 'genericWords':
          report(invalidPatternRule.say('genericWords', parsed.words, wholeMessage(label.text)), position);
          break;
      }
    } else if (fact.type === 'regex-refused') {
      const { directive, regex, fault: checked, written } = fact;
      const attribute = ownAttributePlace(directive, 'regex') ?? openingOf(directive)!;
      // A place inside the expression, when the attribute is written plainly (`regex="…"`).
      const inside = (index: number, length: number): Position =>
        written === `regex="${regex}"` || written === `regex='${regex}'`
          ? within(attribute.start, 'regex="'.length + index, length)
          : attribute;
      switch (checked.fault) {
        case 'empty':
          break;
        case 'tooLong':
          report(invalidPatternRule.say('tooLong', checked.most), attribute);
          break;
        case 'syntax':
          report(invalidPatternRule.say('regexSyntax', checked.reason), inside(checked.index, 1));
          break;
        case 'lookahead':
        case 'backreference':
        case 'modifiers':
        case 'surrogate':
          report(invalidPatternRule.say(checked.fault, checked.written), inside(checked.index, checked.length));
          break;
        case 'repeatTooLarge':
          report(invalidPatternRule.say('repeatTooLarge', checked.written), inside(checked.index, checked.length));
          break;
        case 'tooLarge':
          report(
            invalidPatternRule.say('tooLarge', checked.size, checked.most, checked.written, checked.part),
            inside(checked.index, checked.length),
          );
          break;
        case 'engine':
          report(invalidPatternRule.say('engine', checked.reason), attribute);
          break;
        case 'noWord':
          report(invalidPatternRule.say('regexNoWord', checked.proposal), attribute);
          break;
      }
    }
  }
}

/**
 * A pattern without placeholders as a regular expression that matches it only as a whole line
 * (`Something went wrong.`: `^Something went wrong\.$`); undefined for one with placeholders,
 * which have no one spelling. The regular expression is refused or not on its own terms.
 */
function wholeMessage(text: string): string | undefined {
  const plain = text.trim();
  if (/(?<!\\)\{/.test(plain)) return undefined;
  const unescaped = plain.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return `^${unescaped
    .replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
    .replace(/"/g, '\\x22')
    .replace(/\s+/g, ' ')}$`;
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
