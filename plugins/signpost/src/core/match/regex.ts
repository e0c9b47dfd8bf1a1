/**
 * The expert's form of a pattern, a regular expression (`::match{regex="…"}`), checked before it
 * reaches a reader's browser. It is written in JavaScript's syntax and read with regexpp (the
 * parser ESLint reads expressions with), but it runs on RE2 (re2js), an engine whose time is
 * linear in the text, whatever the expression: no expression can backtrack, so none can hang a
 * reader's browser or `check`. This module rewrites the expression in RE2's syntax, node by
 * node, so that both mean the same; what RE2 cannot run, or would read otherwise, is refused
 * at its place in the expression. It also finds the word a line must hold for the expression to
 * match, which keeps a long paste fast (see matcher.ts).
 *
 * Where the two engines still differ, RE2 matches more, never less:
 * - case folding is Unicode's (JavaScript's with the `u` flag): `k` also matches the Kelvin sign
 *   `K`, `s` the long s `ſ`, `ß` the capital `ẞ`;
 * - a character outside the Basic Multilingual Plane (an emoji) is one character, as `.` and
 *   `[^…]` read it, where JavaScript without `u` reads two.
 */
import { RegExpParser, RegExpSyntaxError, type AST } from '@eslint-community/regexpp';
import { RE2JS } from 're2js';
import { GENERIC_WORDS, MOST_PATTERN_CHARS, WORD_CHAR } from './pattern.ts';

/** What is wrong with a regular expression, for the message catalogue (`invalid-pattern`). */
export type RegexFault =
  | { fault: 'empty' }
  | { fault: 'tooLong'; most: number }
  | { fault: 'syntax'; reason: string; index: number }
  /** A construct RE2 cannot run, or would read otherwise: `written` at `index`, `length` long. */
  | { fault: Unsupported; written: string; index: number; length: number }
  /** Counted repetitions (`{m,n}`) that repeat more than RE2 allows, counting those around them. */
  | { fault: 'repeatTooLarge'; written: string; index: number; length: number }
  /**
   * More steps than a pattern may take at each character of a line; `written` at `index` is the
   * part that takes most of them (`part` steps), `length` long.
   */
  | { fault: 'tooLarge'; size: number; most: number; written: string; index: number; length: number; part: number }
  /** Something else RE2 refuses, in its words. */
  | { fault: 'engine'; reason: string }
  /** No word every match holds whole; `proposal`, what to write instead (see `proposalFor`). */
  | { fault: 'noWord'; proposal: NoWordProposal };

/**
 * What to propose for an expression without a key word: the same with `\b` where its words
 * touch its start or end (`psql failed`: `\bpsql failed\b`), else its longest word between
 * `\b`s, else nothing of its own.
 */
export type NoWordProposal = { edges: string } | { word: string } | undefined;

/** The constructs of JavaScript's expressions that RE2 cannot run as JavaScript means them. */
export type Unsupported = 'lookahead' | 'backreference' | 'modifiers' | 'surrogate';

/** An expression Signpost runs: its key word, and its RE2 form with the flags to compile it with. */
export interface CheckedRegex {
  /** The words a matching line holds: one of each top-level alternative, so at least one of them. */
  keys: string[];
  /** The expression in RE2's syntax (see `toRe2`), to compile with `REGEX_FLAGS`. */
  expression: string;
  /**
   * The literal text any match holds, in characters (see `literalLength`): how specific the
   * expression is, counted as a text pattern's is, so that the two rank alike on one line.
   */
  specificity: number;
}

/**
 * The flags every pattern is compiled with: case does not count, and lookbehinds (`(?<=…)`,
 * `(?<!…)`) run, in linear time, on re2js's own automata.
 */
export const REGEX_FLAGS = RE2JS.CASE_INSENSITIVE | RE2JS.LOOKBEHINDS;
/**
 * Steps of RE2's program an expression may have: the matcher's work on a line is at most the
 * line's length times this (matcher.ts counts it against its budget). Patterns as written take
 * a few dozen; `a{500}` takes 500.
 */
export const MOST_PROGRAM_SIZE = 1_000;
/** RE2's bound on counted repetitions, nested ones multiplied (`(?:a{10}){100}` is 1,000). */
const MOST_REPEATS = 1_000;

/**
 * Verdicts by expression, kept by a checker (core/memory.ts): the same expression, on many
 * cards or in many checks, is analysed once. A verdict depends on the expression alone.
 */
export type RegexVerdicts = Map<string, CheckedRegex | RegexFault>;
/** Verdicts kept at most; past it the cache starts again (a dev server's long session). */
const MOST_VERDICTS = 50_000;

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * Checks an expression as written in `regex="…"`: its key word and RE2 form, or what is wrong
 * with it. Looked up in `verdicts` first, and kept there.
 */
export function checkRegex(source: string, verdicts: RegexVerdicts = new Map()): CheckedRegex | RegexFault {
  let verdict = verdicts.get(source);
  if (!verdict) {
    if (verdicts.size >= MOST_VERDICTS) verdicts.clear();
    verdicts.set(source, (verdict = analyse(source)));
  }
  return verdict;
}

function analyse(source: string): CheckedRegex | RegexFault {
  if (!source.trim()) return { fault: 'empty' };
  if (source.length > MOST_PATTERN_CHARS) return { fault: 'tooLong', most: MOST_PATTERN_CHARS };
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: false });
  } catch (error) {
    if (!(error instanceof RegExpSyntaxError)) throw error;
    return { fault: 'syntax', reason: error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, ''), index: error.index };
  }
  const translated = toRe2(pattern);
  if (typeof translated !== 'string') return translated;
  let size: number;
  try {
    size = RE2JS.compile(translated, REGEX_FLAGS).programSize();
  } catch (error) {
    // What the translation does not foresee: RE2's reason, without its copy of the expression.
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '').replace(/: `.*`$/s, '') : String(error);
    return { fault: 'engine', reason };
  }
  if (size > MOST_PROGRAM_SIZE) {
    const [part, partSize] = costliest(pattern.alternatives);
    const written = part.raw.length > 24 ? `${part.raw.slice(0, 20)}…` : part.raw;
    return { fault: 'tooLarge', size, most: MOST_PROGRAM_SIZE, written, index: part.start, length: part.raw.length, part: partSize };
  }
  const keys = keysOf(pattern.alternatives);
  if (!keys) return { fault: 'noWord', proposal: proposalFor(source, pattern) };
  return { keys, expression: translated, specificity: literalLength(pattern.alternatives) };
}

/**
 * The part of an expression too large to run that takes most of its steps: the largest element
 * of its alternatives, and inside it, for as long as one part alone takes more steps than an
 * expression may, that part's largest. `x{20}(?:\w+\s+){300}` names `(?:\w+\s+){300}`;
 * `a{400}b{700}` names `b{700}`.
 */
function costliest(alternatives: AST.Alternative[]): [AST.Element, number] {
  let [part, size] = largest(alternatives.flatMap((alternative) => alternative.elements))!;
  for (;;) {
    const inner = largest(partsOf(part));
    if (!inner || inner[1] <= MOST_PROGRAM_SIZE) return [part, size];
    [part, size] = inner;
  }
}

/** What an element is made of: what a repetition repeats, the elements of a group's alternatives. */
function partsOf(element: AST.Element): AST.Element[] {
  if (element.type === 'Quantifier') return [element.element];
  if (element.type === 'Group' || element.type === 'CapturingGroup' || (element.type === 'Assertion' && 'alternatives' in element))
    return element.alternatives.flatMap((alternative) => alternative.elements);
  return [];
}

/** The element of `list` whose expression compiles to the most steps, and their number. */
function largest(list: AST.Element[]): [AST.Element, number] | undefined {
  let best: [AST.Element, number] | undefined;
  for (const element of list) {
    // Half of a character beyond U+FFFF translates only with its other half: a step or two.
    const size = element.type === 'Character' ? 1 : RE2JS.compile(translate(element), REGEX_FLAGS).programSize();
    if (!best || size > best[1]) best = [element, size];
  }
  return best;
}

/** A fault found while translating, thrown to leave the walk at once. */
class Refused {
  readonly fault: RegexFault;
  constructor(fault: RegexFault) {
    this.fault = fault;
  }
}

/** What JavaScript's `\s` matches (RE2's `\s` is ASCII only), as ranges. */
const SPACES: [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
/** What JavaScript's `.` does not match: the line terminators (RE2's `.` leaves out `\n` only). */
const LINE_TERMINATORS: [number, number][] = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];
const LAST_CODE_POINT = 0x10ffff;

/**
 * The expression in RE2's syntax, meaning what JavaScript means by it (without the `u` flag), or
 * the first construct that RE2 cannot run so. Every character is written as `\x{…}` unless it is
 * a letter or digit, and every class as the ranges JavaScript gives it, so that no difference in
 * escapes (`\s`, `.`, `\cJ`, octal) carries over. Groups do not capture: the matcher needs only
 * where the whole match is, and RE2 runs lookbehinds only without captures.
 */
export function toRe2(pattern: AST.Pattern): string | RegexFault {
  try {
    return translateAlternatives(pattern.alternatives);
  } catch (error) {
    if (error instanceof Refused) return error.fault;
    throw error;
  }
}

function translateAlternatives(list: AST.Alternative[]): string {
  return list.map((alternative) => translateElements(alternative.elements)).join('|');
}

function translateElements(list: AST.Element[]): string {
  let out = '';
  for (let index = 0; index < list.length; index++) {
    const element = list[index]!;
    const next = list[index + 1];
    // A character outside the Basic Multilingual Plane is two in JavaScript without `u`: one in RE2.
    if (element.type === 'Character' && isHigh(element.value) && next?.type === 'Character' && isLow(next.value)) {
      out += literal(0x10000 + ((element.value - 0xd800) << 10) + (next.value - 0xdc00));
      index++;
      continue;
    }
    out += translate(element);
  }
  return out;
}

function translate(element: AST.Element): string {
  switch (element.type) {
    case 'Character':
      if (isHigh(element.value) || isLow(element.value)) refuse('surrogate', element);
      return literal(element.value);
    case 'CharacterClass':
      return characterClass(element);
    case 'CharacterSet':
      return characterSet(element);
    case 'Group':
      if (element.modifiers) refuse('modifiers', element, element.raw.slice(0, element.modifiers.end - element.start + 1));
      return `(?:${translateAlternatives(element.alternatives)})`;
    case 'CapturingGroup':
      return `(?:${translateAlternatives(element.alternatives)})`;
    case 'Backreference':
      return refuse('backreference', element);
    case 'Quantifier':
      return quantifier(element);
    case 'Assertion':
      switch (element.kind) {
        case 'start':
          return '^';
        case 'end':
          return '$';
        case 'word':
          // Both read a word as ASCII letters, digits and `_`.
          return element.negate ? '\\B' : '\\b';
        case 'lookahead':
          return refuse('lookahead', element, element.raw.length > 24 ? `${element.raw.slice(0, 20)}…` : element.raw);
        case 'lookbehind':
          return `(?<${element.negate ? '!' : '='}${translateAlternatives(element.alternatives)})`;
      }
  }
  throw new Refused({ fault: 'engine', reason: `\`${(element as AST.Node).raw}\` is not known to Signpost` });
}

function quantifier(element: AST.Quantifier): string {
  const { min, max, greedy } = element;
  const written = element.raw.slice(element.element.end - element.start);
  // What it repeats first: a fault inside it is that one's, not this one's.
  const body = `(?:${translate(element.element)})`;
  const counted = written.startsWith('{');
  if (counted && repeats(element) > MOST_REPEATS) {
    throw new Refused({ fault: 'repeatTooLarge', written, index: element.element.end, length: written.length });
  }
  const times =
    min === 0 && max === Infinity && !counted
      ? '*'
      : min === 1 && max === Infinity && !counted
        ? '+'
        : min === 0 && max === 1 && !counted
          ? '?'
          : max === Infinity
            ? `{${min},}`
            : min === max
              ? `{${min}}`
              : `{${min},${max}}`;
  return `${body}${times}${greedy ? '' : '?'}`;
}

/**
 * How many times a repetition repeats, as RE2 counts it (Go's `repeatIsValid`): a counted one's
 * count (`{m,n}`: `n`, `{m,}`: `m`) times the most that a counted repetition inside it repeats;
 * `*`, `+` and `?` count 1.
 */
function repeats(node: AST.Node): number {
  let inside = 1;
  const children =
    node.type === 'Quantifier'
      ? [node.element]
      : 'alternatives' in node
        ? node.alternatives.flatMap((alternative) => alternative.elements)
        : [];
  for (const child of children) inside = Math.max(inside, repeats(child));
  if (node.type !== 'Quantifier' || !node.raw.slice(node.element.end - node.start).startsWith('{')) return inside;
  return (Number.isFinite(node.max) ? node.max : node.min) * inside;
}

function characterClass(element: AST.CharacterClass): string {
  const members: string[] = [];
  for (const member of element.elements) {
    switch (member.type) {
      case 'Character':
        if (isHigh(member.value) || isLow(member.value)) refuse('surrogate', member);
        members.push(literal(member.value));
        break;
      case 'CharacterClassRange':
        for (const end of [member.min, member.max]) if (isHigh(end.value) || isLow(end.value)) refuse('surrogate', end);
        members.push(`${literal(member.min.value)}-${literal(member.max.value)}`);
        break;
      case 'CharacterSet':
        members.push(classMember(member));
        break;
      default:
        throw new Refused({ fault: 'engine', reason: 'sets of strings need the `v` flag' });
    }
  }
  if (members.length === 0) return element.negate ? `[${ranges([[0, LAST_CODE_POINT]])}]` : NOTHING;
  // Negated as RE2 negates (after case folding), never as a list of what is left: folded, a
  // list that holds the Kelvin sign would hold `k` too.
  return `[${element.negate ? '^' : ''}${members.join('')}]`;
}

/** A class escape inside brackets: JavaScript's `\d`, `\w` and `\W` are RE2's; its `\s` is wider. */
function classMember(element: AST.CharacterSet): string {
  switch (element.kind) {
    case 'digit':
      return element.negate ? '\\D' : '0-9';
    case 'word':
      return element.negate ? '\\W' : WORD;
    case 'space':
      // No space has a case, so what is left of them is the same folded or not.
      return ranges(element.negate ? complement(SPACES) : SPACES);
    default:
      throw new Refused({ fault: 'engine', reason: '`\\p{…}` needs the `u` flag' });
  }
}

/** A class escape or `.` on its own, as JavaScript without `u` reads it. */
function characterSet(element: AST.CharacterSet): string {
  switch (element.kind) {
    case 'any':
      return `[^${ranges(LINE_TERMINATORS)}]`;
    case 'digit':
      return element.negate ? '[^0-9]' : '[0-9]';
    case 'word':
      return element.negate ? `[^${WORD}]` : `[${WORD}]`;
    case 'space':
      return element.negate ? `[^${ranges(SPACES)}]` : `[${ranges(SPACES)}]`;
    default:
      throw new Refused({ fault: 'engine', reason: '`\\p{…}` needs the `u` flag' });
  }
}

/** JavaScript's `[]`: a class of nothing, which RE2 cannot write as it is. */
const NOTHING = `[^\\x{0}-\\x{${LAST_CODE_POINT.toString(16)}}]`;
/** What `\w` is made of: ASCII letters, digits and `_` in both engines. */
const WORD = '0-9A-Z_a-z';

/** Ranges written for inside a class. */
function ranges(list: [number, number][]): string {
  return list.map(([low, high]) => (low === high ? literal(low) : `${literal(low)}-${literal(high)}`)).join('');
}

/** The code points that none of `list` holds. */
function complement(list: [number, number][]): [number, number][] {
  const sorted = list.toSorted((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let next = 0;
  for (const [low, high] of sorted) {
    if (low > next) out.push([next, low - 1]);
    next = Math.max(next, high + 1);
  }
  if (next <= LAST_CODE_POINT) out.push([next, LAST_CODE_POINT]);
  return out;
}

function literal(value: number): string {
  return /^[0-9A-Za-z]$/.test(String.fromCharCode(value)) ? String.fromCharCode(value) : `\\x{${value.toString(16)}}`;
}

const isHigh = (value: number): boolean => value >= 0xd800 && value <= 0xdbff;
const isLow = (value: number): boolean => value >= 0xdc00 && value <= 0xdfff;

function refuse(fault: Unsupported, node: AST.Node, written = shown(node)): never {
  throw new Refused({ fault, written, index: node.start, length: node.raw.length });
}

/** A node as the writer wrote it; half of a character written as itself shown with its other half. */
function shown(node: AST.Node): string {
  if (node.type !== 'Character' || node.raw.length !== 1 || !(isHigh(node.value) || isLow(node.value))) return node.raw;
  let root: AST.Node = node;
  while (root.parent) root = root.parent as AST.Node;
  const source = root.raw;
  const pair = isHigh(node.value) ? source.slice(node.start, node.start + 2) : source.slice(node.start - 1, node.start + 1);
  return pair.length === 2 && isHigh(pair.charCodeAt(0)) && isLow(pair.charCodeAt(1))
    ? pair
    : `\\u${node.value.toString(16).toUpperCase()}`;
}

/**
 * What to propose for an expression without a key word (`NoWordProposal`): `\b` written at
 * its start or end where a word touches it, if that gives it one; else its longest word
 * written out, to write between `\b`s where it stands whole.
 */
function proposalFor(source: string, pattern: AST.Pattern): NoWordProposal {
  const edgeChar = (element: AST.Element | undefined) => (element ? wordChar(element) : undefined);
  const first = pattern.alternatives.map((alternative) => edgeChar(alternative.elements[0]));
  const last = pattern.alternatives.map((alternative) => edgeChar(alternative.elements.at(-1)));
  const opens = first.every((char) => char !== undefined);
  const closes = last.every((char) => char !== undefined);
  if (opens || closes) {
    const body = pattern.alternatives.length > 1 ? `(?:${source})` : source;
    const edged = `${opens ? '\\b' : ''}${body}${closes ? '\\b' : ''}`;
    const reread = parser.parsePattern(edged, 0, edged.length, { unicode: false });
    if (keysOf(reread.alternatives)) return { edges: edged };
  }
  let longest = '';
  const visit = (elements: AST.Element[]): void => {
    let word = '';
    for (const element of [...elements, undefined]) {
      const char = element && wordChar(element);
      if (char !== undefined) {
        word += char;
        continue;
      }
      if (word.length > longest.length) longest = word;
      word = '';
      if (element) for (const part of partsOfAny(element)) visit(part);
    }
  };
  for (const alternative of pattern.alternatives) visit(alternative.elements);
  return longest.length >= 2 ? { word: longest } : undefined;
}

/** The rows of elements inside an element: a group's or a lookbehind's alternatives, what a repetition repeats. */
function partsOfAny(element: AST.Element): AST.Element[][] {
  if (element.type === 'Quantifier') return [[element.element]];
  if (element.type === 'Group' || element.type === 'CapturingGroup' || (element.type === 'Assertion' && 'alternatives' in element))
    return element.alternatives.map((alternative) => alternative.elements);
  return [];
}

/**
 * Words a line must hold whole for the expression to match, one of each top-level alternative
 * (its best, see `keysOfSequence`), so that a matching line holds at least one of them;
 * `undefined` if an alternative has none. `disk|volume quota` gives `disk` and `volume`: a line
 * with either may match. The start and end of the expression are no word's edge: the line goes
 * on there, so `psql failed` may match inside `mypsql failedover`.
 */
function keysOf(alternatives: AST.Alternative[]): string[] | undefined {
  const keys = keysOfAlternatives(alternatives, NO_EDGE, NO_EDGE);
  return keys && [...new Set(keys)];
}

/**
 * What is known of the character on one side of a place in every match, as the paste matcher
 * reads words (letters and digits, `WORD_CHAR`): `SURE_EDGE`, it is no letter or digit, or the
 * line ends there; `ASCII_EDGE`, it is no ASCII letter, digit or `_` (`\W`), which is enough on
 * lines of ASCII; `WORD_EDGE`, it is the other side of an ASCII word's edge (`\b`), enough next
 * to an ASCII letter or digit; `NO_EDGE`, nothing. `\b` and `\W` read words as ASCII in both
 * engines, so a word they bound may run on into a letter beyond ASCII (`geocompanyé`).
 */
type Edge = 0 | 1 | 2 | 3;
const NO_EDGE = 0;
const WORD_EDGE = 1;
const ASCII_EDGE = 2;
const SURE_EDGE = 3;
const ASCII_WORD = /^[0-9A-Za-z]$/;

/** Whether a word whose character at this end is `char` stands whole there, given what is known beyond it. */
function holds(edge: Edge, char: string): boolean {
  return edge >= ASCII_EDGE || (edge === WORD_EDGE && ASCII_WORD.test(char));
}

/**
 * The keys of alternatives between `before` and `after` (what is known beyond them): one set
 * for each alternative, together; undefined if one of them has none (it could match without).
 */
function keysOfAlternatives(alternatives: AST.Alternative[], before: Edge, after: Edge): string[] | undefined {
  const keys: string[] = [];
  for (const alternative of alternatives) {
    const own = keysOfSequence(alternative.elements, before, after);
    if (!own) return undefined;
    keys.push(...own);
  }
  return keys;
}

/**
 * The best keys of a row of elements: a word written out that stands whole (its edges known
 * from its neighbours, and at the row's ends from `before` and `after`), or the keys of a group,
 * a repetition of at least one, or a lookbehind, read with what stands around them. Best is
 * one word rather than several, words that tell an error rather than `GENERIC_WORDS`, then
 * the longest: a line holding it is rarer.
 */
function keysOfSequence(elements: AST.Element[], before: Edge, after: Edge): string[] | undefined {
  const count = elements.length;
  /** What is known before each element, and after it. */
  const left: Edge[] = [before];
  for (let index = 0; index < count; index++) left.push(endEdge(elements[index]!, left[index]!));
  const right: Edge[] = Array.from({ length: count });
  let next: Edge = after;
  for (let index = count - 1; index >= 0; index--) {
    right[index] = next;
    next = startEdge(elements[index]!, next);
  }
  const candidates: string[][] = [];
  let word = '';
  let from = 0;
  for (let index = 0; index <= count; index++) {
    const char = index < count ? wordChar(elements[index]!) : undefined;
    if (char !== undefined) {
      if (!word) from = index;
      word += char;
      continue;
    }
    if (word.length >= 2 && holds(left[from]!, word[0]!) && holds(right[index - 1]!, word.at(-1)!)) candidates.push([word.toLowerCase()]);
    word = '';
    if (index < count) {
      const inner = keysOfElement(elements[index]!, left[index]!, right[index]!);
      if (inner) candidates.push(inner);
    }
  }
  let best: string[] | undefined;
  for (const candidate of candidates) if (!best || better(candidate, best)) best = candidate;
  return best;
}

/** Whether one set of keys narrows the lines tried more than another (see `keysOfSequence`). */
function better(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  const generic = (keys: string[]) => keys.filter((key) => GENERIC_WORDS.has(key)).length;
  if (generic(a) !== generic(b)) return generic(a) < generic(b);
  const shortest = (keys: string[]) => Math.min(...keys.map((key) => key.length));
  return shortest(a) > shortest(b);
}

/** The keys an element holds, with what is known before and after it; undefined if none. */
function keysOfElement(element: AST.Element, before: Edge, after: Edge): string[] | undefined {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return keysOfAlternatives(element.alternatives, before, after);
    case 'Quantifier': {
      if (element.min < 1) return undefined;
      // Each time but the first follows the time before, each but the last is followed by the next.
      const once = element.max === 1;
      const opened = once ? before : (Math.min(before, endEdge(element.element, NO_EDGE)) as Edge);
      const closed = once ? after : (Math.min(after, startEdge(element.element, NO_EDGE)) as Edge);
      return keysOfElement(element.element, opened, closed);
    }
    case 'Assertion':
      // What a lookbehind asks for stands in the line, just before what follows it.
      return element.kind === 'lookbehind' && !element.negate ? keysOfAlternatives(element.alternatives, NO_EDGE, after) : undefined;
    default:
      return undefined;
  }
}

/** A letter or digit written out, as a word's character; undefined for anything else (half of a pair: unknown). */
function wordChar(element: AST.Element): string | undefined {
  if (element.type !== 'Character' || isHigh(element.value) || isLow(element.value)) return undefined;
  const char = String.fromCodePoint(element.value);
  return WORD_CHAR.test(char) ? char : undefined;
}

/**
 * What is known of the character at an element's start in every match (or beyond it, where it
 * matches nothing), `after` being what is known beyond the element's end: what a word just
 * before it ends on.
 */
function startEdge(element: AST.Element, after: Edge): Edge {
  switch (element.type) {
    case 'Character':
      return isHigh(element.value) || isLow(element.value)
        ? NO_EDGE
        : WORD_CHAR.test(String.fromCodePoint(element.value))
          ? NO_EDGE
          : SURE_EDGE;
    case 'CharacterSet':
    case 'CharacterClass':
      return classEdge(element);
    case 'Group':
    case 'CapturingGroup':
      return Math.min(...element.alternatives.map((alternative) => sequenceStart(alternative.elements, after))) as Edge;
    case 'Quantifier': {
      const once = startEdge(element.element, after);
      return element.min >= 1 ? once : (Math.min(once, after) as Edge);
    }
    case 'Assertion':
      return assertionEdge(element, after, 'start');
    default:
      return NO_EDGE;
  }
}

/** What is known of the character before an element's end in every match: what a word just after it starts on. */
function endEdge(element: AST.Element, before: Edge): Edge {
  switch (element.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
      return startEdge(element, NO_EDGE);
    case 'Group':
    case 'CapturingGroup':
      return Math.min(...element.alternatives.map((alternative) => sequenceEnd(alternative.elements, before))) as Edge;
    case 'Quantifier': {
      const once = endEdge(element.element, before);
      return element.min >= 1 ? once : (Math.min(once, before) as Edge);
    }
    case 'Assertion':
      return assertionEdge(element, before, 'end');
    default:
      return NO_EDGE;
  }
}

/**
 * What an assertion says of the character beside it, `beyond` being what is known there
 * otherwise: `^` and `$` are the line's ends (or never match beside a word); `\b` an ASCII
 * word's edge; a lookbehind's text ends just before it, so it says what a word after it starts
 * on. The others say nothing more than `beyond`.
 */
function assertionEdge(element: AST.Assertion, beyond: Edge, side: 'start' | 'end'): Edge {
  switch (element.kind) {
    case 'start':
    case 'end':
      return SURE_EDGE;
    case 'word':
      return element.negate ? beyond : (Math.max(beyond, WORD_EDGE) as Edge);
    case 'lookbehind':
      if (side === 'start' || element.negate) return beyond;
      return Math.max(beyond, Math.min(...element.alternatives.map((alternative) => sequenceEnd(alternative.elements, NO_EDGE)))) as Edge;
    default:
      return beyond;
  }
}

function sequenceStart(elements: AST.Element[], after: Edge): Edge {
  let edge = after;
  for (let index = elements.length - 1; index >= 0; index--) edge = startEdge(elements[index]!, edge);
  return edge;
}

function sequenceEnd(elements: AST.Element[], before: Edge): Edge {
  let edge = before;
  for (const element of elements) edge = endEdge(element, edge);
  return edge;
}

/**
 * What a class says of the character it matches: no letter or digit for JavaScript's `\s`, for
 * punctuation written out (`[:\s]`, `[-_ ]`) and for ranges of it; none of ASCII's (`\W`). A
 * class that may match a letter or digit, or negated, says nothing.
 */
function classEdge(element: AST.CharacterSet | AST.CharacterClass): Edge {
  if (element.type === 'CharacterSet') {
    if (element.kind === 'space' && !element.negate) return SURE_EDGE;
    if (element.kind === 'word' && element.negate) return ASCII_EDGE;
    return NO_EDGE;
  }
  if (element.negate || element.elements.length === 0) return NO_EDGE;
  let edge: Edge = SURE_EDGE;
  for (const member of element.elements) {
    if (member.type === 'Character') {
      if (isHigh(member.value) || isLow(member.value) || WORD_CHAR.test(String.fromCodePoint(member.value))) return NO_EDGE;
    } else if (member.type === 'CharacterClassRange') {
      if (member.max.value - member.min.value > 256) return NO_EDGE;
      for (let code = member.min.value; code <= member.max.value; code++) {
        if (isHigh(code) || isLow(code) || WORD_CHAR.test(String.fromCodePoint(code))) return NO_EDGE;
      }
    } else if (member.type === 'CharacterSet') {
      edge = Math.min(edge, classEdge(member)) as Edge;
      if (edge === NO_EDGE) return NO_EDGE;
    } else return NO_EDGE;
  }
  return edge;
}

/**
 * How many characters of literal text every match holds: the least of the alternatives, each
 * the sum of its runs of literal characters (without the spaces at their ends, as a text
 * pattern's text is counted), of its groups, of what a repetition repeats times its least
 * count, and of what a lookbehind asks to stand before. `could not lock config file` holds 26;
 * `\.git\w*` holds 4 (`.git`); `\b(?:denied|refused) by\b` holds 8 (`denied`, and `by` without its space).
 */
function literalLength(alternatives: AST.Alternative[]): number {
  return Math.min(...alternatives.map((alternative) => literalRuns(alternative.elements)));
}

function literalRuns(elements: AST.Element[]): number {
  let total = 0;
  let run = '';
  for (const element of elements) {
    if (element.type === 'Character') {
      run += String.fromCharCode(element.value);
      continue;
    }
    total += run.trim().length + literalIn(element);
    run = '';
  }
  return total + run.trim().length;
}

function literalIn(element: AST.Element): number {
  switch (element.type) {
    case 'Character':
      return 1;
    case 'Group':
    case 'CapturingGroup':
      return literalLength(element.alternatives);
    case 'Quantifier':
      return element.min * literalIn(element.element);
    case 'Assertion':
      return element.kind === 'lookbehind' && !element.negate ? literalLength(element.alternatives) : 0;
    default:
      return 0;
  }
}
