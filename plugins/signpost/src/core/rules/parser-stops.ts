/**
 * Why the MDX parser stopped, in a writer's words and at the character the writer typed: how
 * `syntax-error` (syntax-error.ts) words the exception the parse noted (`parser-stopped`).
 *
 * The parser reports where it gave up: after the name it expected (`<=` at the `=`), at the end
 * of the paragraph an unclosed `{` ran into, or inside an expression acorn could not read. The
 * writer's slip is earlier: the `<` or the `{`. So the place is moved back to it, the message
 * says what MDX made of it, and the fix (`\<`, `\{`) is proposed for that very character.
 *
 * ```mdx
 * Type the { in the box.
 * ```
 *
 * is reported at the `{` (not at the end of the paragraph) as "This `{` is never closed, and
 * MDX reads `{` as the start of code; write `\{` for a brace …", with the replacement `\{`.
 */
import type { ParserStop } from '../parse/facts.ts';
import { Lines } from '../parse/lines.ts';
import { relatedPlace, type Place, type Related } from '../problems.ts';
import { shorten } from '../suggest.ts';
import type { Finding } from './define.ts';
import { syntaxErrorRule } from './syntax-error.ts';

/** A finding of `syntax-error` with its place, before it is reported. */
export interface PlacedFinding {
  finding: Finding;
  place?: Place;
  related?: Related[];
}

/** Why the MDX parser stopped (anything but a RangeError, which is a nesting limit), for the file at `path`. */
export function parserStopFinding(cause: ParserStop, text: string, path: string): PlacedFinding {
  const reason = (cause.reason ?? cause.message ?? String(cause)).replace(/\.$/, '');
  const lines = new Lines(text);
  if (!cause.line) return { finding: syntaxErrorRule.say('mdx', reason) };
  const at = lines.offset(cause.line, cause.column ?? 1);
  const rule = `${cause.source ?? ''}:${cause.ruleId ?? ''}`;
  const onDirectiveLine = /^\s*:+[a-z]/i.test(lines.lineText(cause.line));

  if (/^\s*\{:/.test(lines.lineText(cause.line))) {
    // Markdown from another tool: it can never reach a page as text, so say what it is.
    const start = lines.offset(cause.line, 1) + /^\s*/.exec(lines.lineText(cause.line))![0].length;
    return {
      finding: syntaxErrorRule.say('kramdownAttributes'),
      place: lines.span(start, lines.offset(cause.line, 1) + lines.lineText(cause.line).length),
    };
  }

  const part = /^\s*::(match|example)\[/.exec(lines.lineText(cause.line))?.[1] as 'match' | 'example' | undefined;
  if (rule.startsWith('micromark-extension-mdx-expression') && part) {
    // `::match[Lost {account id}]`: a placeholder MDX cannot read as code, said as a pattern's problem.
    const brace = openBrace(lines.text, at);
    const close = brace === undefined ? undefined : closingBrace(lines.text, brace);
    const span = brace === undefined ? undefined : lines.span(brace, (close ?? brace) + 1);
    const written = brace === undefined ? '{' : shorten(lines.text.slice(brace, (close ?? brace) + 1), 40);
    const key = part === 'match' ? 'placeholderUnreadable' : 'braceInExample';
    return { finding: syntaxErrorRule.say(key, written), place: span ?? { line: cause.line, column: cause.column ?? 1 } };
  }
  if (rule.startsWith('micromark-extension-mdx-expression') && onDirectiveLine) {
    // `{#id title="Press "Resume""}`: the attributes could not be read, and MDX tried them as code.
    return { finding: syntaxErrorRule.say('attributesUnreadable'), place: { line: cause.line, column: cause.column ?? 1 } };
  }
  if (rule.startsWith('micromark-extension-mdx-expression') && (cause.ruleId === 'unexpected-eof' || cause.ruleId === 'acorn')) {
    const brace = openBrace(lines.text, at);
    if (brace !== undefined) {
      const close = closingBrace(lines.text, brace);
      const finding =
        cause.ruleId === 'unexpected-eof' || close === undefined
          ? syntaxErrorRule.say('braceNeverClosed')
          : syntaxErrorRule.say('braceNotCode', shorten(lines.text.slice(brace, close + 1).replace(/\s+/g, ' '), 40));
      return { finding: { ...finding, expected: ['\\{'] }, place: lines.span(brace, brace + 1) };
    }
  }
  if (rule.startsWith('micromark-extension-mdx-jsx:unexpected-')) {
    const less = lines.text.lastIndexOf('<', at);
    if (less !== -1 && lines.point(less).line === cause.line) {
      const autolink = /^<((?:https?:\/\/|mailto:)[^\s<>]*)>/i.exec(lines.text.slice(less, less + 2000));
      if (autolink) {
        return { finding: syntaxErrorRule.say('autolink', autolink[1]!), place: lines.span(less, less + autolink[0].length) };
      }
      const written = lines.text.slice(less, Math.max(at + 1, less + 2)).replace(/[\r\n].*$/s, '');
      return { finding: syntaxErrorRule.say('lessThan', shorten(written, 20)), place: lines.span(less, less + 1) };
    }
  }
  const mismatch =
    /^Unexpected closing tag `<\/([^`>]*)>`, expected corresponding closing tag for `<([^`>]*)>` \((\d+):(\d+)-(\d+):(\d+)\)/.exec(reason);
  if (mismatch && cause.place && 'start' in cause.place) {
    const [, closing, opening, line, column, endLine, endColumn] = mismatch;
    const openingPlace = {
      start: { line: Number(line), column: Number(column) },
      end: { line: Number(endLine), column: Number(endColumn) },
    };
    return {
      finding: syntaxErrorRule.say('closingTagMismatch', closing!, opening!, Number(line), Number(column)),
      place: cause.place,
      related: [relatedPlace(path, openingPlace, `the opening \`<${opening}>\``)],
    };
  }
  const unclosed = /^Expected a closing tag for `<([^`>]*)>` \((\d+):(\d+)-(\d+):(\d+)\)/.exec(reason);
  if (unclosed) {
    const [, name, line, column, endLine, endColumn] = unclosed;
    return {
      finding: syntaxErrorRule.say('elementNeverClosed', name!),
      place: { start: { line: Number(line), column: Number(column) }, end: { line: Number(endLine), column: Number(endColumn) } },
    };
  }
  return { finding: syntaxErrorRule.say('mdx', reason), place: { line: cause.line, column: cause.column ?? 1 } };
}

/**
 * The `{` that an expression error at `offset` belongs to: the nearest one before it that no
 * `}` closes, in the same paragraph, not escaped.
 */
function openBrace(text: string, offset: number): number | undefined {
  let depth = 0;
  const stop = Math.max(0, offset - 20_000);
  for (let index = Math.min(offset, text.length - 1); index >= stop; index--) {
    const char = text[index];
    if (char === '\n' && /\n[ \t>]*$/.test(text.slice(Math.max(stop, index - 200), index))) return undefined;
    if (char !== '{' && char !== '}') continue;
    if (text[index - 1] === '\\') continue;
    if (char === '}') depth++;
    else if (depth === 0) return index;
    else depth--;
  }
  return undefined;
}

/** The `}` that closes the `{` at `offset`, in the same paragraph. */
function closingBrace(text: string, offset: number): number | undefined {
  let depth = 0;
  for (let index = offset; index < Math.min(text.length, offset + 20_000); index++) {
    const char = text[index];
    if (char === '\n' && /^\n[ \t>]*\n/.test(text.slice(index, index + 200))) return undefined;
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index;
  }
  return undefined;
}
