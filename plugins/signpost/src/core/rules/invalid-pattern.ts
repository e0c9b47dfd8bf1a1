/**
 * `invalid-pattern`: its severity, summary and messages. Raised where the guide's files are read (core/parse,
 * core/graph); `docs/invalid-pattern.md` explains it.
 */
import { defineRule } from './define.ts';
import { code } from './words.ts';

export const invalidPatternRule = defineRule({
  id: 'invalid-pattern',
  severity: 'error',
  summary:
    'a `match` pattern that cannot be read, would match any line, or that RE2, the linear-time engine patterns run on, cannot run as written',
  messages: {
    both: () => '`match` takes its pattern in brackets or in `regex="…"`, not both; keep one',
    tooLong: (most: number) => `This pattern is longer than ${most} characters; match the line that names the error, not the whole output`,
    badPlaceholder: (written: string) =>
      `${code(written)} is not a placeholder; write a name in braces, such as \`{id}\`, \`{number}\` or \`{text}\`, and \`\\{\` for a brace itself`,
    textNotLast: () =>
      '`{text}` stands for the rest of the line, so nothing may follow it; end the pattern with it, or use a word placeholder such as `{id}`',
    adjacent: (first: string, second: string) =>
      `Placeholders ${code(`{${first}}`)} and ${code(`{${second}}`)} stand side by side, so where one ends is unknown; write the text between them`,
    noWord: () =>
      'This pattern has no word of two letters or more written out (between spaces or punctuation, not against a placeholder), so it would match lines of any error; write out a word of the message',
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
    tooLarge: (size: number, most: number) =>
      `This regular expression compiles to ${size} steps, more than ${most}, each taken at every character of a paste; write smaller repetition counts, or a pattern with placeholders`,
    engine: (reason: string) =>
      `RE2, the linear-time engine patterns run on, cannot run this regular expression (${reason}); simplify it, or write a pattern with placeholders: \`::match[Failed to create {id}]\``,
    regexNoWord: () =>
      'This regular expression has no word of two letters or more written out between spaces, punctuation, `\\b`, `^` or `$`, so it would be tried on every line of a paste; write out a word of the message, such as `\\bgeocompany\\b`',
  },
});
