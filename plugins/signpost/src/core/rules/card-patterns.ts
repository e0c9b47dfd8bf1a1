/**
 * The `match` patterns of a guide's error cards, compiled once for the rules that prove them
 * against the examples (`unmatched-example`, `ambiguous-match`), with the same code that
 * matches a reader's paste in the browser (core/match/matcher.ts).
 *
 * Every line readers may paste of every card is tried against every pattern: at 10,000 nodes
 * most of a check's graph rules. A process that checks the same guide again (the dev server,
 * on every save) keeps what each line matched, and tries again only the lines that are new and
 * the patterns that are new, so a save costs what it changed.
 */
import { RE2JS } from 're2js';
import type { ErrorNode, Guide, Located, MatchPattern } from '../graph/model.ts';
import { compilePatterns, indexPatterns, patternsMatching, type CompiledPattern } from '../match/matcher.ts';
import { ownAttributePlace } from '../parse/directives.ts';

/** What readers may paste of a card: its examples, its message and its aliases. */
export interface Wording extends Located {
  what: 'example' | 'message' | 'alias';
}

export interface CardPatterns {
  cards: ErrorNode[];
  /** What readers may paste of each card (`wordingsOf`), in the order of `cards`. */
  wordings: Wording[][];
  /** The patterns of `cards` that match a line. */
  matching: (line: string) => CompiledPattern[];
  /** A compiled pattern's place in the guide. */
  patternOf: (pattern: CompiledPattern) => MatchPattern;
}

/**
 * What the last check of a guide folder proved, by the folder: each card's patterns, compiled
 * and indexed, and each line it tried with the patterns that match it.
 */
interface Proofs {
  patterns: MatchPattern[][];
  compiled: CompiledPattern[];
  index: Map<string, CompiledPattern[]>;
  lines: Map<string, CompiledPattern[]>;
}

const proven = new Map<string, Proofs>();

/** Lets go of what earlier checks proved (see `forgetParses`, for a process that will not check again). */
export function forgetProofs(): void {
  proven.clear();
}

const compiledFor = new WeakMap<Guide, CardPatterns>();

export function cardPatterns(guide: Guide): CardPatterns {
  let found = compiledFor.get(guide);
  if (found) return found;
  const cards = guide.nodes.filter((node): node is ErrorNode => node.kind === 'error');
  const patterns = cards.map((card) => card.patterns);
  const before = proven.get(guide.dir);
  // The cards' patterns as they were: compiled and indexed as they were.
  const same = before !== undefined && samePatterns(before.patterns, patterns);
  const compiled = same
    ? before.compiled
    : compilePatterns(
        patterns.map((own) => ({
          message: '',
          aliases: [],
          patterns: own.filter((pattern) => !pattern.regex).map((pattern) => pattern.text),
          regexes: own.filter((pattern) => pattern.regex).map((pattern) => ({ source: pattern.expression ?? '', key: pattern.key ?? '' })),
        })),
        RE2JS,
      );
  const index = same ? before.index : indexPatterns(compiled);
  const lines = new Map<string, CompiledPattern[]>();
  proven.set(guide.dir, { patterns, compiled, index, lines });
  const earlier = before && (same ? (line: string) => before.lines.get(line) : successorsOf(before, index));
  found = {
    cards,
    wordings: cards.map(wordingsOf),
    matching: (line) => {
      let matched = lines.get(line);
      if (!matched) lines.set(line, (matched = earlier?.(line) ?? patternsMatching(index, line)));
      return matched;
    },
    patternOf: (pattern) => {
      const own = cards[pattern.card]!.patterns;
      const texts = own.filter((p) => !p.regex);
      return pattern.index < texts.length ? texts[pattern.index]! : own.filter((p) => p.regex)[pattern.index - texts.length]!;
    },
  };
  compiledFor.set(guide, found);
  return found;
}

/** Whether two lists of cards' patterns compile alike: card by card, the same patterns in the same order. */
function samePatterns(before: MatchPattern[][], now: MatchPattern[][]): boolean {
  if (before.length !== now.length) return false;
  return now.every((own, card) => {
    const was = before[card]!;
    if (own === was) return true;
    return (
      own.length === was.length &&
      own.every(
        (pattern, index) =>
          pattern.text === was[index]!.text &&
          pattern.regex === was[index]!.regex &&
          pattern.key === was[index]!.key &&
          pattern.expression === was[index]!.expression,
      )
    );
  });
}

/** A pattern's recipe: all that whether it matches a line depends on (its key word, flags and expression). */
function recipesOf(index: Map<string, CompiledPattern[]>): Map<CompiledPattern, string> {
  const recipes = new Map<CompiledPattern, string>();
  for (const [key, patterns] of index) for (const pattern of patterns) recipes.set(pattern, `${key}\n${pattern.flags}\n${pattern.source}`);
  return recipes;
}

/**
 * What the last check proved, carried over to patterns that changed since: a line it tried
 * keeps the patterns it matched, as the patterns of the same recipe now, and is tried only
 * against the recipes that are new. Undefined for a line it did not try.
 */
function successorsOf(before: Proofs, index: Map<string, CompiledPattern[]>): (line: string) => CompiledPattern[] | undefined {
  const recipeOf = recipesOf(index);
  const byRecipe = new Map<string, CompiledPattern[]>();
  for (const [pattern, recipe] of recipeOf) {
    const same = byRecipe.get(recipe);
    if (same) same.push(pattern);
    else byRecipe.set(recipe, [pattern]);
  }
  const successors = new Map<CompiledPattern, CompiledPattern[]>();
  const known = new Set<string>();
  for (const [pattern, recipe] of recipesOf(before.index)) {
    successors.set(pattern, byRecipe.get(recipe) ?? []);
    known.add(recipe);
  }
  // The patterns of new recipes, indexed alike.
  const fresh = new Map<string, CompiledPattern[]>();
  for (const [key, patterns] of index) {
    const unknown = patterns.filter((pattern) => !known.has(recipeOf.get(pattern)!));
    if (unknown.length > 0) fresh.set(key, unknown);
  }
  return (line) => {
    const matched = before.lines.get(line);
    if (!matched) return undefined;
    const kept = matched.length === 1 ? successors.get(matched[0]!)! : matched.flatMap((pattern) => successors.get(pattern)!);
    return fresh.size > 0 ? [...kept, ...patternsMatching(fresh, line)] : kept;
  };
}

/**
 * What readers may paste of a card, each with its place: examples first, then its message and
 * aliases. Kept by card: a card of a file unchanged since the last check is the same object.
 */
const wordingsKept = new WeakMap<ErrorNode, Wording[]>();

function wordingsOf(card: ErrorNode): Wording[] {
  let wordings = wordingsKept.get(card);
  if (!wordings) {
    wordings = [
      ...card.examples.map((example) => ({ ...example, what: 'example' as const })),
      ...(card.title
        ? [{ text: card.title, position: ownAttributePlace(card.tree, 'title') ?? card.position, what: 'message' as const }]
        : []),
      ...card.aliases.map((alias) => ({ ...alias, what: 'alias' as const })),
    ];
    wordingsKept.set(card, wordings);
  }
  return wordings;
}
