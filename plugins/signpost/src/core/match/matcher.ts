/**
 * Finds the error cards a pasted text is about: a toast with an id in it, a log excerpt with
 * timestamps, a screen of compiler output. Every line of the paste is read (up to
 * `MOST_LINES`), and each card is ranked by its best line:
 *
 * 1. lines that one of the card's `match` patterns matches, the first such line first (and on
 *    one line, the most specific pattern);
 * 2. then lines like the card's message or an alias: the words they share, weighted by how
 *    rare each word is among the messages, with the parts that vary (words with digits: ids,
 *    times, counts) left out.
 *
 * A line is tried only against the patterns whose key word it holds (an index from word to
 * patterns), and compared only with the messages that share a word with it, so that 10,000
 * lines are read in a few milliseconds however many cards there are. `check` uses the same
 * code to prove each card's examples (rules/card-patterns.ts); this module runs in the
 * reader's browser too: no Node import.
 */
import type { RE2JS } from 're2js';
import { GENERIC_WORDS, messageStart } from './message.ts';
import { keyWords, parsePattern, patternSource, specificity } from './pattern.ts';

export { GENERIC_WORDS, messageStart };

/**
 * The engine patterns run on: re2js (RE2 in JavaScript), whose time is linear in the line
 * whatever the expression. Passed in, so that the reader's browser loads it only when a paste
 * is to be matched (scripts/paste.ts); `check` passes the module it imports.
 */
export type Engine = Pick<typeof RE2JS, 'compile' | 'CASE_INSENSITIVE' | 'LOOKBEHINDS'>;
type Compiled = ReturnType<Engine['compile']>;

/** Lines of a paste read; of a longer paste, the last ones (a log ends with its error). */
export const MOST_LINES = 10_000;
/** Characters of a line read. */
export const MOST_LINE_CHARS = 2_000;
/**
 * The work one paste may take trying patterns, in units of about one step of RE2's DFA: each
 * try costs the line's length times the steps of the pattern's program (RE2's work on a line is
 * at most that), times `NFA_WEIGHT` for a program that runs on RE2's NFA, and building a
 * pattern costs `BUILD_COST`. Measured (Node 24, 2 cores), about a second of pattern work at
 * worst, whatever the patterns: 0.4 ns a unit on the DFA, 7–20 ns a unit on the NFA (a
 * lookbehind, one or several, nested or not). Past it, no more patterns are tried, the lines'
 * words still are compared (`MatchResult.stoppedAt`). `check` proves a guide's own lines within
 * the same budget (`LIMITS.patternWork`), so that a paste of every line of a guide `check`
 * accepts is matched in full.
 */
export const MATCH_BUDGET = 2_000_000_000;
/**
 * What a step of a program that runs on RE2's NFA costs, in DFA steps. re2js runs a program
 * with a lookbehind (`(?<=…)`, `(?<!…)`) on its NFA only: its DFA refuses them, and the NFA
 * runs every lookbehind's automaton from the start of the line beside the pattern's own
 * threads, each thread a step of work at every character. Measured on lines of 2,000
 * characters: 0.44 ns a unit on the DFA, 7–10 ns with one or two lookbehinds, 20 ns with a
 * nested one; 40 keeps the costliest shape within the budget's second. The same holds for the
 * search that finds where a pattern matches (`exec`, which also runs on the NFA, or RE2's
 * backtracker): its work is counted at this weight too.
 */
export const NFA_WEIGHT = 40;
/** The work of building one pattern, in the budget's units (about a millisecond). */
export const BUILD_COST = 100_000;
/** A word in more messages and aliases than this says little: it is left out of the comparison. */
export const COMMON_WORD = 64;
/** Similarity under which a card is not shown at all. */
const LEAST_SIMILARITY = 0.4;
/** Similarity from which a card alone at the top is the answer. */
const CLEAR_SIMILARITY = 0.8;
const CLEAR_LEAD = 0.2;

/** A card as the matcher needs it. */
export interface MatchCard {
  message: string;
  aliases: readonly string[];
  /** Patterns as written (`Failed to create geocompany {id}`). */
  patterns: readonly string[];
  /**
   * Regular expressions in RE2's syntax (`expression` of regex.ts's verdict), each with the words
   * a line must hold one of for it to match, and the literal text any match holds (its specificity).
   */
  regexes: readonly { source: string; keys: readonly string[]; specificity: number }[];
}

/** One pattern, ready to run; its expression is built the first time a line may match. */
export class CompiledPattern {
  readonly card: number;
  /** Its place among the card's patterns: text patterns first, then regular expressions. */
  readonly index: number;
  /** The expression, in RE2's syntax. */
  readonly source: string;
  /** RE2's flags. */
  readonly flags: number;
  /** Words a matching line holds: all of them, or with `anyKey` at least one. */
  readonly keys: string[];
  /** A regular expression of alternatives: a line holds the word of one of them. */
  readonly anyKey: boolean;
  readonly specificity: number;
  readonly #expressions: Expressions;
  #regex: Built | undefined;
  /** The same expression for lines of ASCII only, when the pattern is ASCII too (see `asciiSource`). */
  readonly #asciiSource: string | undefined;
  #ascii: Built | undefined;
  #programs: string[] | undefined;

  constructor(
    fields: Pick<CompiledPattern, 'card' | 'index' | 'source' | 'flags' | 'keys' | 'specificity'> & {
      anyKey?: boolean;
      asciiSource?: string | undefined;
      engine: Engine;
      /** Where its expressions are built and kept; by default its own. */
      expressions?: Expressions;
    },
  ) {
    this.card = fields.card;
    this.index = fields.index;
    this.source = fields.source;
    this.flags = fields.flags;
    this.keys = fields.keys;
    this.anyKey = fields.anyKey ?? false;
    this.specificity = fields.specificity;
    this.#asciiSource = fields.asciiSource;
    this.#expressions = fields.expressions ?? new Expressions(fields.engine);
  }

  /**
   * Whether a line of ASCII cannot match, for want of the literal text every match holds
   * (`Expressions.needles`): told without running, or building, the expression. Most lines
   * tried hold a pattern's key word and nothing else of it.
   */
  lacks(line: string): boolean {
    const needles = this.#expressions.needles(this.source);
    if (needles === undefined) return false;
    const lower = this.#expressions.lowered(line);
    if (lower === undefined) return false;
    return !needles.some((alternative) => alternative.every((needle) => lower.includes(needle)));
  }

  #built(line: string): Built {
    if (this.#asciiSource !== undefined && this.#expressions.isAscii(line))
      return (this.#ascii ??= this.#expressions.built(this.#asciiSource, this.flags));
    return (this.#regex ??= this.#expressions.built(this.source, this.flags));
  }

  /**
   * What testing the pattern on a line costs, in `MATCH_BUDGET`'s units: building it the first
   * time, and at most the line's length times its program's steps, weighted by the engine that
   * runs it (`NFA_WEIGHT`); a line that lacks its literal text (`lacks`), only its length.
   */
  cost(line: string): number {
    // Told by the literal text alone: a scan of the line, and nothing built.
    if (this.lacks(line)) return Math.max(1, line.length);
    const ascii = this.#asciiSource !== undefined && this.#expressions.isAscii(line);
    const fresh = ascii ? this.#ascii === undefined : this.#regex === undefined;
    return (fresh ? BUILD_COST : 0) + Math.max(1, line.length) * this.#built(line).size;
  }

  /**
   * The expression that runs on a line, as `Expressions` keys it (flags and source): two
   * patterns with the same one match the same lines. Read without building it.
   */
  /** The programs that may run, as `programOf` names them: for any line, and for ASCII lines. */
  programs(): string[] {
    const any = programKey(this.flags, this.source);
    return this.#asciiSource === undefined ? [any] : [any, programKey(this.flags, this.#asciiSource)];
  }

  programOf(line: string): string {
    this.#programs ??= this.programs();
    return this.#asciiSource !== undefined && this.#expressions.isAscii(line) ? this.#programs[1]! : this.#programs[0]!;
  }

  /**
   * The work at each character of testing a line with the program that runs on it
   * (`programOf`), in `MATCH_BUDGET`'s units: its steps, weighted by its engine. Built the first
   * time it is asked for.
   */
  steps(line: string): number {
    return this.#built(line).size;
  }

  /** What finding where the pattern matches a line (`exec`, once `test` said it does) costs, in `MATCH_BUDGET`'s units. */
  foundCost(line: string): number {
    return Math.max(1, line.length) * this.#built(line).found;
  }

  /** Where the pattern matches a line, start and end, if it does. */
  exec(line: string): [number, number] | undefined {
    if (this.lacks(line)) return undefined;
    const { regex } = this.#built(line);
    // The boolean search runs on RE2's DFA, the fastest engine; most lines tried do not match.
    if (!regex?.test(line)) return undefined;
    return this.where(line);
  }

  /** Where the pattern matches a line that `test` said it matches (the search `foundCost` counts). */
  where(line: string): [number, number] | undefined {
    const found = this.#built(line).regex?.exec(line) as RegExpExecArray | null | undefined;
    if (!found) return undefined;
    // The characters that say where a word ends are not part of the match (pattern.ts, `LEAD_EDGE`).
    const start = found.index + (found.groups?.['lead']?.length ?? 0);
    return [start, found.index + found[0].length - (found.groups?.['trail']?.length ?? 0)];
  }

  test(line: string): boolean {
    if (this.lacks(line)) return false;
    return this.#built(line).regex?.test(line) ?? false;
  }
}

const ASCII = /^[\0-\x7f]*$/;

/**
 * An expression built, with the work it takes at each character of a line, in `MATCH_BUDGET`'s
 * units (see `NFA_WEIGHT`); none for one RE2 refuses (check reports it).
 */
interface Built {
  regex: Compiled | undefined;
  /** The work of testing a line, at each of its characters. */
  size: number;
  /** The work of finding where it matches (`exec`, on the NFA), at each character. */
  found: number;
}

/**
 * Whether an expression in RE2's syntax holds a lookbehind, which keeps it off RE2's DFA. Every
 * literal `(` of a pattern is written escaped (`\\(`, or `\\x{28}` in regex.ts's translation),
 * so `(?<=` and `(?<!` are lookbehinds (and `?` of text escaped too); named groups are `(?P<`.
 */
function hasLookbehind(source: string): boolean {
  return /\(\?<[=!]/.test(source);
}

/** A program's name, by its flags and source: how `Expressions` keeps it, and the parse cache its steps. */
function programKey(flags: number, source: string): string {
  return `${flags}/${source}`;
}

/** What a program of `steps` costs at each character, weighted by the engine that runs it; 0 steps: one RE2 refused. */
function weighed(source: string, steps: number): Pick<Built, 'size' | 'found'> {
  if (steps === 0) return { size: 1, found: 0 };
  return { size: hasLookbehind(source) ? steps * NFA_WEIGHT : steps, found: steps * NFA_WEIGHT };
}

/** A pattern as written, read (see `Expressions.read`). */
type ReadPattern = Pick<CompiledPattern, 'source' | 'keys' | 'specificity'> & { asciiSource: string | undefined };

/** Expressions kept at most by one `Expressions`; past it they are built again (a dev server's long session). */
const MOST_BUILT = 50_000;

/**
 * Expressions built, by flags and source, and patterns read, as written: kept by whoever owns
 * them, for as long as it lives. A checker keeps one (the dev server checks a guide again on
 * every save, and builds only the expressions of the patterns that changed); a `Matcher` keeps
 * its own. RE2's expressions keep no state between searches, so they are shared freely.
 */
export class Expressions {
  readonly #engine: Engine;
  readonly #built = new Map<string, Built>();
  readonly #read = new Map<string, ReadPattern | undefined>();
  readonly #needles = new Map<string, string[][] | undefined>();
  readonly #steps = new Map<string, number>();
  #line: string | undefined;
  #lower: string | undefined;

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  /**
   * The expression `source` with RE2's `flags`, built once. Its program's steps may be known
   * already (`know`): then it is built only when it runs.
   */
  built(source: string, flags: number): Built {
    const key = programKey(flags, source);
    let found = this.#built.get(key);
    if (!found) {
      const known = this.#steps.get(key);
      found = known === undefined ? this.#compile(key, source, flags) : this.#later(key, source, flags, known);
      if (this.#built.size >= MOST_BUILT) this.#built.clear();
      this.#built.set(key, found);
    }
    return found;
  }

  /** An expression of known steps, built the first time its regex is asked for. */
  #later(key: string, source: string, flags: number, steps: number): Built {
    let regex: Compiled | undefined | null = null;
    const compile = () => (regex === null ? (regex = this.#compile(key, source, flags).regex) : regex);
    return {
      ...weighed(source, steps),
      get regex() {
        return compile();
      },
    };
  }

  #compile(key: string, source: string, flags: number): Built {
    try {
      const regex = this.#engine.compile(source, flags);
      const steps = regex.programSize();
      if (this.#steps.size >= MOST_BUILT) this.#steps.clear();
      this.#steps.set(key, steps);
      return { regex, ...weighed(source, steps) };
    } catch {
      // Reported by check: an expression RE2 refuses matches nothing.
      if (this.#steps.size >= MOST_BUILT) this.#steps.clear();
      this.#steps.set(key, 0);
      return { regex: undefined, size: 1, found: 0 };
    }
  }

  /**
   * The steps of programs, by flags and source (`programOf`), as built or as known: what a
   * checker keeps in its cache so that the next check counts its budget without building them.
   */
  steps(): ReadonlyMap<string, number> {
    return this.#steps;
  }

  /** Programs' steps known from an earlier build (`steps`); 0 for an expression RE2 refused. */
  know(steps: Iterable<[string, number]>): void {
    for (const [key, count] of steps) if (!this.#steps.has(key)) this.#steps.set(key, count);
  }

  /**
   * A line lowercased if it is ASCII, else undefined: asked by every pattern tried on it, and
   * worked out once for the last line asked about.
   */
  lowered(line: string): string | undefined {
    if (line !== this.#line) this.#readLine(line);
    return this.#lower;
  }

  /** Whether a line is ASCII: see `lowered`. */
  isAscii(line: string): boolean {
    if (line !== this.#line) this.#readLine(line);
    return this.#lower !== undefined;
  }

  #readLine(line: string): void {
    this.#line = line;
    this.#lower = ASCII.test(line) ? line.toLowerCase() : undefined;
  }

  /** The literal text of an expression's matches (`literalNeedles`), read once. */
  needles(source: string): string[][] | undefined {
    if (this.#needles.has(source)) return this.#needles.get(source);
    const needles = literalNeedles(source);
    if (this.#needles.size >= MOST_BUILT) this.#needles.clear();
    this.#needles.set(source, needles);
    return needles;
  }

  /** A pattern as written (`Failed to create geocompany {id}`), read once; undefined where it does not read. */
  read(written: string): ReadPattern | undefined {
    if (this.#read.has(written)) return this.#read.get(written);
    const parsed = parsePattern(written);
    let read: ReadPattern | undefined;
    if ('pieces' in parsed) {
      const source = patternSource(parsed.pieces);
      read = { source, keys: keyWords(parsed.pieces), specificity: specificity(parsed.pieces), asciiSource: asciiSource(source) };
    }
    if (this.#read.size >= MOST_BUILT) this.#read.clear();
    this.#read.set(written, read);
    return read;
  }
}

/**
 * The text of ASCII characters that every match of an expression (in RE2's syntax, run without
 * regard to case) holds, lowercased: for each alternative at its top level, the runs of literal
 * characters written outside groups and classes. A line that holds none of the alternatives'
 * runs all cannot match. Undefined when no alternative has such text, or the expression is not
 * of the shapes pattern.ts and regex.ts write (then every line is tried). Only ASCII characters
 * are kept, and a line is told this way only if it is ASCII: no other character of a line folds
 * onto one of them, where the Kelvin sign folds onto `k` and the long s onto `s`.
 */
export function literalNeedles(source: string): string[][] | undefined {
  const alternatives: string[][] = [[]];
  let run = '';
  /** Whether the last thing read was a literal character, the last of `run`. */
  let literal = false;
  const end = () => {
    if (run) alternatives.at(-1)!.push(run.toLowerCase());
    run = '';
    literal = false;
  };
  const add = (code: number) => {
    if (code >= 0x20 && code < 0x7f) {
      run += String.fromCharCode(code);
      literal = true;
    } else end();
  };
  let depth = 0;
  for (let at = 0; at < source.length; at++) {
    const char = source[at]!;
    if (char === '\\') {
      const next = source[at + 1];
      if (next === undefined) return undefined;
      if (next === 'x' && source[at + 2] === '{') {
        const close = source.indexOf('}', at);
        if (close < 0) return undefined;
        if (depth === 0) add(Number.parseInt(source.slice(at + 3, close), 16));
        at = close;
      } else if (/[\\^$.*+?()[\]{}|-]/.test(next)) {
        if (depth === 0) add(next.charCodeAt(0));
        at++;
      } else if (/[bBdDwWsS]/.test(next)) {
        if (depth === 0) end();
        at++;
      } else if ((next === 'p' || next === 'P') && source[at + 2] === '{') {
        const close = source.indexOf('}', at);
        if (close < 0) return undefined;
        if (depth === 0) end();
        at = close;
      } else return undefined;
      continue;
    }
    if (char === '[') {
      // A class: its members are no literal text; skip to its end.
      let close = at + 1;
      if (source[close] === '^') close++;
      for (; close < source.length && source[close] !== ']'; close++) if (source[close] === '\\') close++;
      if (close >= source.length) return undefined;
      if (depth === 0) end();
      at = close;
      continue;
    }
    if (char === '(') {
      if (depth === 0) end();
      depth++;
      continue;
    }
    if (char === ')') {
      depth--;
      if (depth < 0) return undefined;
      continue;
    }
    if (depth > 0) continue;
    if (char === '|') {
      end();
      alternatives.push([]);
    } else if (char === '*' || char === '+' || char === '?' || char === '{') {
      // A repetition of the character before it makes that one optional, or repeated: not literal text.
      if (literal) run = run.slice(0, -1);
      end();
      if (char === '{') {
        const close = source.indexOf('}', at);
        if (close < 0) return undefined;
        at = close;
      }
    } else if (char === '^' || char === '$' || char === '.') end();
    else add(char.charCodeAt(0));
  }
  if (depth !== 0) return undefined;
  end();
  return alternatives.every((alternative) => alternative.length > 0) ? alternatives : undefined;
}

/**
 * A pattern's expression for lines of ASCII only: the same matches at the same places, built
 * some 7 times faster. Every Unicode letter and digit class (`\p{L}`, `\p{N}`) of a pattern's
 * expression costs most of a millisecond to build case-insensitively, which for a guide of
 * hundreds of cards is most of `check`'s time; on an ASCII line only ASCII letters and digits
 * can stand where they match, and with an ASCII pattern no other character folds onto one.
 * Undefined when the pattern holds other characters.
 */
function asciiSource(source: string): string | undefined {
  const ascii = source
    .replaceAll(String.raw`[\p{L}\p{N}]`, '[A-Za-z0-9]')
    .replaceAll(String.raw`[^\p{L}\p{N}]`, '[^A-Za-z0-9]')
    .replaceAll(String.raw`\p{N}`, '[0-9]');
  return ASCII.test(ascii) && !ascii.includes(String.raw`\p{`) ? ascii : undefined;
}

/** Why a card is shown: a line of the paste, and what in it matched. */
export interface MatchHit {
  card: number;
  /** The line's number in the paste, from 1. */
  line: number;
  /** The line, without the spaces around it. */
  text: string;
  how: 'pattern' | 'similar';
  /** Where in `text` the match is: the pattern's match, or the words shared with the message. */
  marks: [number, number][];
  /** A pattern's specificity, or the similarity (0–1). */
  score: number;
}

export interface MatchResult {
  /** The one card the paste is about, when it is clear. */
  clear: MatchHit | undefined;
  /** The best cards, at most three, best first. */
  best: MatchHit[];
  /**
   * How many of `best`, from the first, match equally well: by the same line, the same way and
   * as specifically (or as alike). Two or more are offered side by side, none opened: the same
   * message on the cards of several branches (a guide with a branch per product version).
   */
  equal: number;
  /** Lines in the paste, and whether only the last `MOST_LINES` were read. */
  lines: number;
  truncated: boolean;
  /**
   * When `MATCH_BUDGET` ran out: the line (its number in the paste) where it did. The lines
   * before it were tried against the patterns whose words they hold, the lines from it on not
   * (or not all); every line was compared with the messages by its words.
   */
  stoppedAt: number | undefined;
}

/**
 * Where a paste is made, as far as matching goes (render/paste-scope.ts): the cards that may be
 * offered (those reached from the page) and the patterns that apply there (a pattern scoped
 * `within` a node applies above that node and on its branch). Without one, every card and
 * pattern counts.
 */
export interface MatchScope {
  card: (card: number) => boolean;
  /** By the pattern's place among its card's (`CompiledPattern.index`). */
  pattern: (card: number, index: number) => boolean;
}

/** A similar line, with the message or alias it is like. */
type Similar = MatchHit & { wording: number };

const WORDS = /[\p{L}\p{N}]+/gu;
const DIGIT = /\p{N}/u;

/** The words of a text, lowercased. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORDS) ?? [];
}

/**
 * The words a message or an alias is compared by: each once, lowercased, without one-letter
 * words and the parts that vary (words with digits: ids, times, counts).
 */
export function comparedWords(text: string): string[] {
  return [...new Set(wordsOf(text).filter((word) => word.length > 1 && !DIGIT.test(word)))];
}

/**
 * Reads the patterns of every card. Patterns that do not read are skipped (check reports them).
 * Their expressions are built and kept in `expressions`, by default a set of their own.
 */
export function compilePatterns(cards: readonly MatchCard[], engine: Engine, expressions = new Expressions(engine)): CompiledPattern[] {
  const compiled: CompiledPattern[] = [];
  cards.forEach((card, cardIndex) => {
    card.patterns.forEach((written, index) => {
      const read = expressions.read(written);
      if (read)
        compiled.push(new CompiledPattern({ card: cardIndex, index, flags: engine.CASE_INSENSITIVE, engine, expressions, ...read }));
    });
    card.regexes.forEach((regex, index) => {
      compiled.push(
        new CompiledPattern({
          card: cardIndex,
          index: card.patterns.length + index,
          source: regex.source,
          // Lookbehinds run on RE2's NFA: asked for only where the expression has one.
          flags: engine.CASE_INSENSITIVE | (regex.source.includes('(?<') ? engine.LOOKBEHINDS : 0),
          keys: [...regex.keys],
          anyKey: true,
          specificity: regex.specificity,
          engine,
          expressions,
        }),
      );
    });
  });
  return compiled;
}

/** Patterns by the key word a line must hold: each pattern under its rarest key, or under each of its keys with `anyKey`. */
export function indexPatterns(patterns: CompiledPattern[]): Map<string, CompiledPattern[]> {
  const counts = new Map<string, number>();
  for (const pattern of patterns) for (const key of new Set(pattern.keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const index = new Map<string, CompiledPattern[]>();
  for (const pattern of patterns) {
    if (pattern.keys.length === 0) continue;
    const rarer = (a: string, b: string) => counts.get(a)! < counts.get(b)! || (counts.get(a) === counts.get(b) && a.length > b.length);
    const keys = pattern.anyKey ? pattern.keys : [pattern.keys.reduce((best, candidate) => (rarer(candidate, best) ? candidate : best))];
    for (const key of keys) {
      const list = index.get(key);
      if (list) list.push(pattern);
      else index.set(key, [pattern]);
    }
  }
  return index;
}

/** The patterns of `index` that may match one line: those whose key word it holds, each once. */
export function candidatesOf(index: Map<string, CompiledPattern[]>, line: string): CompiledPattern[] {
  const found = new Set<CompiledPattern>();
  for (const word of wordsOf(line)) for (const pattern of index.get(word) ?? []) found.add(pattern);
  return [...found];
}

/** The patterns of `index` that match one line. */
export function patternsMatching(index: Map<string, CompiledPattern[]>, line: string): CompiledPattern[] {
  const message = line.slice(messageStart(line));
  return candidatesOf(index, message).filter((pattern) => pattern.test(message));
}

/** What a word of a line leads to: the patterns keyed by it, its id among the messages' words. */
interface Entry {
  patterns: CompiledPattern[] | undefined;
  word: number | undefined;
  /** One of `GENERIC_WORDS`: shared alone, it makes no likeness. */
  generic: boolean;
}

/**
 * The text in lowercase, each character in its place: the few characters whose lowercase is
 * longer (`İ`) stay as they are, so that places in the lowercase text are places in the text.
 */
function lowercase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let kept = '';
  for (const char of text) {
    const lowered = char.toLowerCase();
    kept += lowered.length === char.length ? lowered : char;
  }
  return kept;
}

/** Where the line that starts at `start` ends: its `\n`, or the end of the text. */
function endOfLine(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

/** One expression that finds any of `words`, whole, in a lowercased text; none finds nothing. */
function scanner(words: string[]): RegExp {
  if (words.length === 0) return /(?!)/gu;
  // Words are letters and digits only: nothing to escape. Longer first, for a tidy automaton.
  const sorted = words.toSorted((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${sorted.join('|')})(?![\p{L}\p{N}])`, 'gu');
}

/** What reading the lines of one paste gathers. */
interface ReadState {
  byPattern: Map<number, MatchHit>;
  bySimilarity: Map<number, Similar>;
  score: Float64Array;
  stamp: Int32Array;
  wordStamp: Int32Array;
  /** Per wording, the line on which it shared a word outside `GENERIC_WORDS`. */
  telling: Int32Array;
  tried: Set<CompiledPattern>;
  /**
   * What each program (`programOf`) gave on the line being read: where it matches, or
   * `undefined` where it does not. The same expression on several cards is run once a line, and
   * counted once, as `check` counts it.
   */
  verdicts: Map<string, [number, number] | undefined>;
  touched: number[];
  /** What is left of `MATCH_BUDGET`, and the line where it ran out. */
  budget: { left: number; stoppedAt: number | undefined };
  scope: MatchScope | undefined;
}

/** Reads pastes against a set of cards; build it once, match many times. */
export class Matcher {
  /** The known words: pattern keys, and the words of the messages and aliases. */
  readonly #entries = new Map<string, Entry>();
  /** Finds the known words in a paste, built the first time one is read. */
  #scanner: RegExp | undefined;
  /** Word id → its weight, and the wordings (messages and aliases) holding it. */
  readonly #weight: number[] = [];
  readonly #postings: number[][] = [];
  /** Wording → its card, its weight and its words. */
  readonly #wordingCard: number[] = [];
  readonly #wordingWeight: number[] = [];
  readonly #wordingWords: Set<string>[] = [];

  constructor(cards: readonly MatchCard[], engine: Engine) {
    const entry = (word: string): Entry => {
      let found = this.#entries.get(word);
      if (!found) this.#entries.set(word, (found = { patterns: undefined, word: undefined, generic: GENERIC_WORDS.has(word) }));
      return found;
    };
    for (const [key, patterns] of indexPatterns(compilePatterns(cards, engine))) entry(key).patterns = patterns;

    const wordings: { card: number; words: string[] }[] = [];
    cards.forEach((card, index) => {
      // Every wording counts in how rare a word is, even one left with no word to compare.
      for (const wording of [card.message, ...card.aliases]) wordings.push({ card: index, words: comparedWords(wording) });
    });
    const frequency = new Map<string, number>();
    for (const { words } of wordings) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    wordings.forEach(({ card, words }, wording) => {
      let weight = 0;
      for (const word of words) {
        const count = frequency.get(word)!;
        if (count > COMMON_WORD) continue;
        const found = entry(word);
        if (found.word === undefined) {
          found.word = this.#weight.length;
          this.#weight.push(Math.log(1 + wordings.length / count));
          this.#postings.push([]);
        }
        this.#postings[found.word]!.push(wording);
        weight += this.#weight[found.word]!;
      }
      this.#wordingCard.push(card);
      this.#wordingWeight.push(weight);
      this.#wordingWords.push(new Set(words));
    });
  }

  /** The cards a paste is about, best first; within `scope`, the cards and patterns of the page it is made on. */
  match(paste: string, scope?: MatchScope): MatchResult {
    const steps = this.#steps(paste, scope);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /**
   * The same as `match`, in slices of about `slice` milliseconds, the page's other work (input,
   * rendering) run between them: a paste may take `MATCH_BUDGET` of pattern work and the reading
   * of 10,000 lines, some seconds in all, which in one task would freeze the page. The result
   * does not depend on where the slices end. When `stale` says so between two slices (a newer
   * paste came), the matching stops there, with no result.
   */
  async matchInSlices(
    paste: string,
    { slice = 50, stale, scope }: { slice?: number; stale?: () => boolean; scope?: MatchScope | undefined } = {},
  ): Promise<MatchResult | undefined> {
    const steps = this.#steps(paste, scope);
    let start = performance.now();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      if (performance.now() - start < slice) continue;
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (stale?.()) return undefined;
      start = performance.now();
    }
  }

  /** What `match` does, stopping (`yield`) now and then for `matchInSlices` to hand the page back. */
  *#steps(paste: string, scope: MatchScope | undefined): Generator<void, MatchResult> {
    // A paste of old Mac lines has only `\r`; `\r\n` lines end at `\n`, their `\r` is a space.
    const text = paste.includes('\n') ? paste : paste.replaceAll('\r', '\n');
    const lower = lowercase(text);
    let total = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) total++;
    const truncated = total > MOST_LINES;
    let from = 0;
    for (let skip = total - MOST_LINES; skip > 0; skip--) from = text.indexOf('\n', from) + 1;

    const byPattern = new Map<number, MatchHit>();
    const bySimilarity = new Map<number, Similar>();
    const seenLines = new Set<string>();
    const wordings = this.#wordingWeight.length;
    const score = new Float64Array(wordings);
    const stamp = new Int32Array(wordings).fill(-1);
    const wordStamp = new Int32Array(this.#weight.length).fill(-1);
    const telling = new Int32Array(wordings).fill(-1);
    const tried = new Set<CompiledPattern>();
    const verdicts: ReadState['verdicts'] = new Map();
    const touched: number[] = [];
    /** The known words of the line being read. */
    const found: Entry[] = [];
    /** Where each of `found` stands in the text. */
    const foundAt: number[] = [];
    const budget: ReadState['budget'] = { left: MATCH_BUDGET, stoppedAt: undefined };
    const state: ReadState = { byPattern, bySimilarity, score, stamp, wordStamp, telling, tried, verdicts, touched, budget, scope };
    // The known words, found by one regular expression over the whole paste: the engine's own
    // scan, much faster than a loop in JavaScript, above all the first time.
    this.#scanner ??= scanner([...this.#entries.keys()]);
    const scan = this.#scanner;
    let line = total - Math.min(total, MOST_LINES) + 1;
    let lineStart = from;
    let lineEnd = endOfLine(lower, from);
    const readLine = (read: string, at: number, words: Entry[]): Generator<void> => this.#read(read, at, line, words, state);
    const flush = function* (): Generator<void> {
      if (found.length === 0) return;
      // A line is read once however often it is repeated.
      const raw = text.slice(lineStart, Math.min(lineEnd, lineStart + MOST_LINE_CHARS));
      const read = raw.trim();
      if (!seenLines.has(read)) {
        seenLines.add(read);
        // Only the words of its message count (`messageStart`).
        const at = messageStart(read);
        const messageAt = lineStart + (raw.length - raw.trimStart().length) + at;
        // Most lines have nothing in front of their message: their words are read as found.
        yield* readLine(read, at, at === 0 ? found : found.filter((_, index) => foundAt[index]! >= messageAt));
      }
      found.length = 0;
      foundAt.length = 0;
    };
    /** Known words found since the last stop. */
    let hits = 0;
    scan.lastIndex = from;
    for (let hit = scan.exec(lower); hit; hit = scan.exec(lower)) {
      if (++hits === 4_096) {
        hits = 0;
        yield;
      }
      if (hit.index >= lineEnd) {
        yield* flush();
        while (hit.index >= lineEnd) {
          lineStart = lineEnd + 1;
          lineEnd = endOfLine(lower, lineStart);
          line++;
        }
      }
      // The rest of a very long line is not read.
      if (hit.index - lineStart < MOST_LINE_CHARS) {
        found.push(this.#entries.get(hit[0])!);
        foundAt.push(hit.index);
      }
    }
    yield* flush();

    // The first error line first; on one line, the more specific pattern.
    const patterned = [...byPattern.values()].sort((a, b) => a.line - b.line || b.score - a.score);
    // A line a card's pattern or message matched is that card's: no other card is offered for it as only alike.
    const matchedLines = new Set(patterned.map((hit) => hit.line));
    const similar = [...bySimilarity.values()]
      .filter((hit) => !byPattern.has(hit.card) && !matchedLines.has(hit.line))
      .sort((a, b) => b.score - a.score || a.line - b.line);
    const best = [...patterned, ...similar.slice(0, 3).map((hit) => this.#marked(hit))].slice(0, 3);
    let clear: MatchHit | undefined;
    if (patterned.length === 1) clear = best[0];
    else if (patterned.length === 0 && similar[0] && similar[0].score >= CLEAR_SIMILARITY) {
      if (!similar[1] || similar[1].score <= similar[0].score - CLEAR_LEAD) clear = best[0];
    }
    const [top] = best;
    const equal = top ? best.findIndex((hit) => !(hit.line === top.line && hit.how === top.how && hit.score === top.score)) : 0;
    return { clear, best, equal: equal < 0 ? best.length : equal, lines: total, truncated, stoppedAt: budget.stoppedAt };
  }

  /**
   * One line, with the known words found in its message (from `at`): its patterns tried on the
   * message, its likeness to the messages.
   */
  *#read(text: string, at: number, line: number, found: Entry[], state: ReadState): Generator<void> {
    const message = at === 0 ? text : text.slice(at);
    const { byPattern, bySimilarity, score, stamp, wordStamp, telling, tried, verdicts, touched, budget, scope } = state;
    touched.length = 0;
    tried.clear();
    verdicts.clear();
    let lineWeight = 0;
    for (const entry of found) {
      for (const pattern of budget.stoppedAt === undefined ? (entry.patterns ?? []) : []) {
        if (tried.has(pattern)) continue;
        tried.add(pattern);
        // Off the page's scope: not tried, and its work not counted.
        if (scope && !(scope.card(pattern.card) && scope.pattern(pattern.card, pattern.index))) continue;
        // A card is known by the first line a pattern of it matches (the first error of a paste
        // is the cause; those after it, most often, its effects), on that line by its most
        // specific pattern.
        const known = byPattern.get(pattern.card);
        if (known && (known.line < line || known.score >= pattern.specificity)) continue;
        const program = pattern.programOf(message);
        let matched: [number, number] | undefined;
        if (verdicts.has(program)) matched = verdicts.get(program);
        else {
          const cost = pattern.cost(message);
          if (cost > budget.left) {
            // This line and the ones after it are not tried against patterns: the result says so.
            budget.stoppedAt = line;
            break;
          }
          budget.left -= cost;
          // A try is up to some milliseconds (a line of 2,000 characters on the NFA): a place to stop.
          yield;
          if (pattern.test(message)) {
            // Where it matches is searched for again, on the NFA: counted once it is known to match.
            budget.left -= pattern.foundCost(message);
            const where = pattern.where(message);
            matched = where && [where[0] + at, where[1] + at];
          }
          verdicts.set(program, matched);
        }
        if (!matched) continue;
        byPattern.set(pattern.card, { card: pattern.card, line, text, how: 'pattern', marks: [matched], score: pattern.specificity });
      }
      const id = entry.word;
      if (id === undefined || wordStamp[id] === line) continue;
      wordStamp[id] = line;
      const weight = this.#weight[id]!;
      lineWeight += weight;
      for (const wording of this.#postings[id]!) {
        if (stamp[wording] !== line) {
          stamp[wording] = line;
          score[wording] = 0;
          touched.push(wording);
        }
        score[wording] = score[wording]! + weight;
        if (!entry.generic) telling[wording] = line;
      }
    }
    for (const wording of touched) {
      if (telling[wording] !== line) continue;
      const similarity = (2 * score[wording]!) / (this.#wordingWeight[wording]! + lineWeight);
      if (similarity < LEAST_SIMILARITY) continue;
      const card = this.#wordingCard[wording]!;
      if (scope && !scope.card(card)) continue;
      const known = bySimilarity.get(card);
      if (known && known.score >= similarity) continue;
      bySimilarity.set(card, { card, line, text, how: 'similar', marks: [], score: similarity, wording });
    }
  }

  /** A similar line with the words it shares with the message marked. */
  #marked({ wording, ...hit }: Similar): MatchHit {
    const shared = this.#wordingWords[wording]!;
    const marks: [number, number][] = [];
    for (const found of hit.text.matchAll(WORDS)) {
      if (shared.has(found[0].toLowerCase())) marks.push([found.index, found.index + found[0].length]);
    }
    return { ...hit, marks };
  }
}
