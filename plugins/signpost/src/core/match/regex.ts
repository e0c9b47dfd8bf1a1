/**
 * The expert's form of a pattern, a regular expression (`::match{regex="…"}`), checked before it
 * reaches a reader's browser: its syntax (regexpp, the parser ESLint reads expressions with),
 * whether it can backtrack catastrophically (redos-detector, a static analysis: no timeout,
 * the same verdict on every machine), and the word a line must hold for it to match, which
 * keeps a long paste fast (see matcher.ts).
 */
import { RegExpParser, RegExpSyntaxError, type AST } from '@eslint-community/regexpp';
import { isSafePattern } from 'redos-detector';
import { MOST_PATTERN_CHARS, WORD_CHAR } from './pattern.ts';

/** What is wrong with a regular expression, for the message catalogue (`invalid-pattern`). */
export type RegexFault =
  | { fault: 'empty' }
  | { fault: 'tooLong'; most: number }
  | { fault: 'syntax'; reason: string; index: number }
  /** `parts`: what can match the same text in many ways; `index`: where the first is in the expression. */
  | { fault: 'backtracks'; parts: string[]; index: number }
  | { fault: 'unproven'; reason: string }
  | { fault: 'noWord' };

/**
 * Steps the analysis may take: a plain expression needs far fewer; one that needs more is
 * refused as unproven rather than waited for (at most some 40 ms here).
 */
const ANALYSIS_STEPS = 1_000;
/**
 * Regular expressions analysed in one file. The analysis of each takes up to tens of
 * milliseconds: a file of thousands would stall `check`. Patterns with placeholders need none.
 */
export const MOST_REGEXES_PER_FILE = 15;

/** Verdicts by expression: the same expression, on many cards or in many runs, is analysed once. */
const verdicts = new Map<string, { key: string } | RegexFault>();

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** Checks an expression as written in `regex="…"`: its key word, or what is wrong with it. */
export function checkRegex(source: string): { key: string } | RegexFault {
  let verdict = verdicts.get(source);
  if (!verdict) verdicts.set(source, (verdict = analyse(source)));
  return verdict;
}

function analyse(source: string): { key: string } | RegexFault {
  if (!source.trim()) return { fault: 'empty' };
  if (source.length > MOST_PATTERN_CHARS) return { fault: 'tooLong', most: MOST_PATTERN_CHARS };
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: false });
  } catch (error) {
    if (!(error instanceof RegExpSyntaxError)) throw error;
    return { fault: 'syntax', reason: error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, ''), index: error.index };
  }
  // The expression as a line is searched with it: from any place in the line, case ignored.
  let verdict: ReturnType<typeof isSafePattern>;
  try {
    verdict = isSafePattern(`^(?:${source})`, { caseInsensitive: true, maxSteps: ANALYSIS_STEPS });
  } catch (error) {
    return { fault: 'unproven', reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  if (!verdict.safe) {
    // Out of steps with ways found already that match the same text: those are the fault.
    if (verdict.error === 'hitMaxSteps' && verdict.trails.length === 0)
      return { fault: 'unproven', reason: 'it has too many ways to match' };
    return { fault: 'backtracks', ...overlap(verdict.trails[0]?.trail ?? []) };
  }
  const keys = keysOf(pattern.alternatives);
  return keys ? { key: keys.reduce((best, key) => (key.length > best.length ? key : best)) } : { fault: 'noWord' };
}

type Trail = ReturnType<typeof isSafePattern>['trails'][number]['trail'];
/** The analysis ran on `^(?:…)`: its offsets are this much past the writer's. */
const WRAPPED = '^(?:'.length;

/**
 * What the analysis found matching the same text two ways: at the first step where its two ways
 * part, on each side the outermost repetition there (`(a+)+`), else the element (`b`).
 */
function overlap(trail: Trail): { parts: string[]; index: number } {
  const side = (entry: Trail[number]['a']) => entry.quantifierIterations[0]?.node ?? entry.node;
  const parting =
    trail.find(
      (entry) =>
        entry.a.node.start.offset !== entry.b.node.start.offset ||
        entry.a.quantifierIterations.some((step, index) => step.iteration !== entry.b.quantifierIterations[index]?.iteration),
    ) ?? trail[0];
  if (!parting) return { parts: [], index: 0 };
  const [a, b] = [side(parting.a), side(parting.b)];
  const parts = a.source === b.source && a.start.offset === b.start.offset ? [a.source] : [a.source, b.source];
  return { parts, index: Math.max(0, Math.min(a.start.offset, b.start.offset) - WRAPPED) };
}

/**
 * The words a matching line must hold whole, from the top level of the expression: each
 * alternative must have one (`undefined` if one has none).
 */
function keysOf(alternatives: AST.Alternative[]): string[] | undefined {
  const keys: string[] = [];
  for (const alternative of alternatives) {
    const words = wordsOf(alternative.elements);
    if (words.length === 0) return undefined;
    keys.push(...words);
  }
  return keys;
}

/** Words written out in a row of elements, with a space, punctuation, `\b`, `^` or `$` on both sides. */
function wordsOf(elements: AST.Element[]): string[] {
  const words: string[] = [];
  let word = '';
  /** Whether what stands before the word being read delimits it. */
  let opened = false;
  let delimited = false;
  for (const element of elements) {
    const char = element.type === 'Character' ? String.fromCodePoint(element.value) : undefined;
    if (char !== undefined && WORD_CHAR.test(char)) {
      if (!word) opened = delimited;
      word += char;
      continue;
    }
    delimited = char !== undefined || delimits(element);
    if (word && opened && delimited && word.length >= 2) words.push(word.toLowerCase());
    word = '';
  }
  return words;
}

/** Whether an element always stands for something that is not a letter or digit, or a word's edge. */
function delimits(element: AST.Element): boolean {
  switch (element.type) {
    case 'Assertion':
      return element.kind === 'start' || element.kind === 'end' || (element.kind === 'word' && !element.negate);
    case 'CharacterSet':
      return (element.kind === 'space' && !element.negate) || (element.kind === 'word' && element.negate);
    case 'Quantifier':
      return element.min >= 1 && delimits(element.element);
    default:
      return false;
  }
}
