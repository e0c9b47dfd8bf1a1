/**
 * The language of an error card's `match` patterns: the message as text, with placeholders for
 * the parts that vary.
 *
 * ```mdx
 * ::match[Failed to create geocompany {id}]
 * ```
 *
 * matches `12:03:44 ERROR Failed to create geocompany 8f3a-22. Please try again.`: case and
 * the width of spaces do not count, and the text may stand anywhere in a line. A placeholder is
 * a name in braces: `{number}` a number, `{text}` the rest of the line, any other name (`{id}`,
 * `{file}`) one word. A backslash makes the next character plain (`\{`), as in Markdown.
 *
 * A pattern becomes an expression of RE2 (re2js), an engine whose time is linear in the line
 * whatever the expression, so that no writer's text can make a reader's browser hang on a long
 * line. RE2 does not backtrack, and so has no atomic groups: a placeholder may give back what
 * it matched for the rest of the pattern to match (`{id}.log failed` matches `app.log failed`,
 * `{id}` being `app`), where an atomic placeholder would take all it could and keep it: a
 * pattern matches every line that it would match with atomic placeholders, and a few more.
 * This module runs in `check` and in the reader's browser: no Node import.
 */

/** A piece of a pattern: plain text, or a placeholder by name. */
import { GENERIC_WORDS } from './message.ts';
export type Piece = { text: string } | { placeholder: string };

/**
 * What is wrong with a pattern, for the message catalogue (`invalid-pattern`); `at` is where,
 * in the pattern as written.
 */
export type PatternFault =
  | { fault: 'empty' }
  | { fault: 'tooLong'; most: number }
  | { fault: 'badPlaceholder'; written: string; at: number }
  | { fault: 'textNotLast'; at: number }
  | { fault: 'adjacent'; first: string; second: string; at: number }
  | { fault: 'noWord' }
  /** Every word of its text is one of `GENERIC_WORDS` (`words`, each once, lowercased). */
  | { fault: 'genericWords'; words: string[] };

/** Letters and digits: what words are made of, in patterns and in pasted lines alike. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORDS = /[\p{L}\p{N}]+/gu;
const PLACEHOLDER_NAME = /^[a-z][a-z0-9_-]*$/i;
/**
 * Words any error message may hold (message.ts). A pattern of these words only would match the
 * lines of other errors: `check` refuses it (`genericWords`).
 */
export { GENERIC_WORDS };
/** A pattern past this many characters is refused: a message is a line, not a page. */
export const MOST_PATTERN_CHARS = 300;

/** What each kind of placeholder matches. */
const PLACEHOLDERS = {
  /** `42`, `-3`, `3.14`, `1,024`. */
  number: String.raw`[-+]?\p{N}+(?:[.,]\p{N}+)*`,
  /** `8f3a-22`, `user@example.com`, `C:/logs/app.log`, `v1.2`: letters and digits, joined by `-_./:@#`. */
  word: String.raw`[\p{L}\p{N}]+(?:[-_./:@#\\][\p{L}\p{N}]+)*`,
} as const;

/** Reads a pattern as written: its pieces, or what is wrong with it. */
export function parsePattern(written: string): { pieces: Piece[] } | PatternFault {
  const source = written.trim();
  if (!source) return { fault: 'empty' };
  if (source.length > MOST_PATTERN_CHARS) return { fault: 'tooLong', most: MOST_PATTERN_CHARS };
  const lead = written.length - written.trimStart().length;
  const pieces: Piece[] = [];
  /** Where each placeholder starts in `written`. */
  const starts: number[] = [];
  let text = '';
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === '\\' && index + 1 < source.length && /[!-/:-@[-`{-~]/.test(source[index + 1]!)) {
      text += source[++index];
      continue;
    }
    if (char !== '{') {
      text += char;
      continue;
    }
    const close = source.indexOf('}', index);
    const inside = close < 0 ? source.slice(index + 1) : source.slice(index + 1, close);
    const name = inside.trim();
    if (close < 0 || !PLACEHOLDER_NAME.test(name)) {
      return { fault: 'badPlaceholder', written: `{${inside}${close < 0 ? '' : '}'}`, at: lead + index };
    }
    if (text) pieces.push({ text });
    text = '';
    const previous = pieces.at(-1);
    if (previous && 'placeholder' in previous) {
      return { fault: 'adjacent', first: previous.placeholder, second: name.toLowerCase(), at: lead + index };
    }
    pieces.push({ placeholder: name.toLowerCase() });
    starts[pieces.length - 1] = lead + index;
    index = close;
  }
  if (text) pieces.push({ text });
  const rest = pieces.findIndex((piece) => 'placeholder' in piece && piece.placeholder === 'text');
  if (rest >= 0 && pieces.slice(rest + 1).some((piece) => 'placeholder' in piece || piece.text.trim())) {
    return { fault: 'textNotLast', at: starts[rest]! };
  }
  if (keyWords(pieces).length === 0) return { fault: 'noWord' };
  const generic = genericOnly(pieces);
  if (generic) return { fault: 'genericWords', words: generic };
  return { pieces };
}

/**
 * The words of a pattern's text, when every one is a word any error message may hold
 * (`GENERIC_WORDS`): `Error {number}`, `Something went wrong`. Such a pattern matches where
 * those words stand in the lines of any other error, where the matcher would not even call a
 * line like a message for sharing them. A word of one letter says nothing either; a number
 * (`Error 500`) does. Undefined when a word tells the error apart (`Network error`).
 */
function genericOnly(pieces: Piece[]): string[] | undefined {
  const words = new Set<string>();
  for (const piece of pieces) {
    if (!('text' in piece)) continue;
    for (const [found] of piece.text.matchAll(WORDS)) {
      const word = found.toLowerCase();
      if (!GENERIC_WORDS.has(word) && (word.length >= 2 || /\p{N}/u.test(word))) return undefined;
      words.add(word);
    }
  }
  return [...words];
}

/**
 * The words of a pattern that a matching line must hold whole: words of its text that stand
 * between spaces or punctuation, or at an end of the pattern, not against a placeholder. A
 * pasted line is only tried against the patterns whose word it holds (see matcher.ts).
 */
export function keyWords(pieces: Piece[]): string[] {
  const words: string[] = [];
  pieces.forEach((piece, index) => {
    if (!('text' in piece)) return;
    const before = index > 0;
    const after = index < pieces.length - 1;
    for (const match of piece.text.matchAll(WORDS)) {
      const start = match.index;
      const end = start + match[0].length;
      // Against a placeholder, the line's word would run on into the placeholder's part.
      if ((start === 0 && before) || (end === piece.text.length && after)) continue;
      if (match[0].length >= 2) words.push(match[0].toLowerCase());
    }
  });
  return words;
}

/**
 * What opens a pattern that starts with a word: the start of the line, or a character that is
 * not a letter or digit. A lookbehind would say it without taking the character, but would
 * keep RE2 off its fastest engine (its DFA); the character taken is the group `lead`, which the
 * matcher leaves out of the match it reports (matcher.ts).
 */
const LEAD_EDGE = String.raw`(?:^|(?P<lead>[^\p{L}\p{N}]))`;
/** What closes a pattern that ends with a word (RE2 has no lookahead), the group `trail`: see `LEAD_EDGE`. */
const TRAIL_EDGE = String.raw`(?:(?P<trail>[^\p{L}\p{N}])|$)`;
/** JavaScript's `\s`, which a space in a pattern stands for (RE2's `\s` is ASCII only). */
export const SPACE = String.raw`[\t-\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]`;

/**
 * The expression of a pattern's pieces in RE2's syntax, to run case-insensitively on one line.
 * Words at its ends must be whole: `Session expired` does not match `Session expiredness`.
 */
export function patternSource(pieces: Piece[]): string {
  let source = '';
  pieces.forEach((piece, index) => {
    if ('text' in piece) {
      const text = index === 0 ? piece.text.trimStart() : index === pieces.length - 1 ? piece.text.trimEnd() : piece.text;
      if (index === 0 && WORD_CHAR.test(text[0] ?? '')) source += LEAD_EDGE;
      source += text
        .split(/(\s+)/)
        .map((part) => (/^\s+$/.test(part) ? `${SPACE}+` : escape(part)))
        .join('');
      if (index === pieces.length - 1 && WORD_CHAR.test(text.at(-1) ?? '')) source += TRAIL_EDGE;
      return;
    }
    if (piece.placeholder === 'text') {
      source += '.*';
      return;
    }
    // A placeholder that opens the pattern starts at the start of a word, not inside one.
    if (index === 0) source += LEAD_EDGE;
    source += `(?:${piece.placeholder === 'number' ? PLACEHOLDERS.number : PLACEHOLDERS.word})`;
  });
  return source;
}

/** How specific a pattern is: the characters of its text. A longer text wins a tie. */
export function specificity(pieces: Piece[]): number {
  return pieces.reduce((sum, piece) => sum + ('text' in piece ? piece.text.trim().length : 0), 0);
}

/** Text as RE2 reads it literally: its operators escaped. */
function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
