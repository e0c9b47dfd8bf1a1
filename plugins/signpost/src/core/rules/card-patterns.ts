/**
 * The `match` patterns of a guide's error cards, compiled once for the rules that prove them
 * against the examples (`unmatched-example`, `ambiguous-match`), with the same code that
 * matches a reader's paste in the browser (core/match/matcher.ts).
 *
 * Every line readers may paste of every card is tried against every pattern: at 10,000 nodes
 * most of a check's graph rules. A process that checks the same guide again (the dev server,
 * on every save) keeps what each line matched, and tries again only the lines that are new and
 * the patterns that are new, so a save costs what it changed. Across processes, the parse cache
 * keeps the same (`KeptProofs`, written by core/check.ts), and the steps of the programs built.
 *
 * A line is tried once against each expression its candidate patterns run (the same pattern
 * on several cards is one try), and the tries of a guide have a budget, `LIMITS.patternWork`,
 * counted in the paste matcher's units (a line's length times the steps of the expression's
 * program, weighted by the engine that runs it: a lookbehind keeps it on RE2's NFA, some 40
 * times the DFA's work a step; and each expression built), and as large as one paste's
 * (`MATCH_BUDGET`): a guide whose cards' patterns and lines all share their words makes every
 * pattern run on every line, which no real guide comes near. The budget is
 * counted as a fresh process would count it, whatever earlier checks proved, so that where it
 * runs out depends on the guide alone.
 */
import { RE2JS } from 're2js';
import { z } from 'zod';
import type { ErrorNode, GraphGuide, GraphNode, Located, MatchPattern } from '../graph/model.ts';
import {
  BUILD_COST,
  candidatesOf,
  compilePatterns,
  indexPatterns,
  messageStart,
  patternsMatching,
  type CompiledPattern,
} from '../match/matcher.ts';
import { LIMITS } from '../parse/limits.ts';
import { problem } from '../problems.ts';
import { shorten } from '../suggest.ts';
import type { RuleContext, RuleMemory } from './context.ts';
import { limitExceededRule } from './limit-exceeded.ts';

/** What readers may paste of a card: its examples, its message and its aliases. */
export interface Wording extends Located {
  what: 'example' | 'message' | 'alias';
}

export interface CardPatterns {
  cards: GraphNode<ErrorNode>[];
  /** What readers may paste of each card (`wordingsOf`), in the order of `cards`. */
  wordings: Wording[][];
  /**
   * The patterns of `cards` that match a line; undefined for a line of `wordings` from the one
   * where the budget ran out (`exhausted`) on: it was not tried.
   */
  matching: (line: string) => CompiledPattern[] | undefined;
  /** Where `LIMITS.patternWork` ran out: the card (its place in `cards`) and its line. */
  exhausted: { card: number; wording: Wording } | undefined;
  /** A compiled pattern's place in the guide. */
  patternOf: (pattern: CompiledPattern) => MatchPattern;
}

/**
 * What the last check of a guide folder proved (kept by the checker, core/memory.ts, by the
 * folder): each card's patterns, compiled and indexed, and each line it tried with the patterns
 * that match it.
 */
export interface Proofs {
  patterns: MatchPattern[][];
  compiled: CompiledPattern[];
  index: Map<string, CompiledPattern[]>;
  lines: Map<string, CompiledPattern[]>;
}

/**
 * The cards' patterns of the guide a rule checks, compiled the first time a rule asks in this
 * validation (`RuleContext.cardPatterns`), from what the checker proved before.
 */
export function compileCardPatterns(guide: GraphGuide, memory: RuleMemory): CardPatterns {
  const cards = guide.nodes.filter((node): node is GraphNode<ErrorNode> => node.kind === 'error');
  const patterns = cards.map((card) => card.patterns);
  const before = memory.proofs.get(guide.dir);
  // The cards' patterns as they were: compiled and indexed as they were.
  const same = before !== undefined && samePatterns(before.patterns, patterns);
  const compiled = same
    ? before.compiled
    : compilePatterns(
        patterns.map((own) => ({
          message: '',
          aliases: [],
          patterns: own.filter((pattern) => !pattern.regex).map((pattern) => pattern.text),
          regexes: own
            .filter((pattern) => pattern.regex)
            .map((pattern) => ({ source: pattern.expression ?? '', keys: pattern.keys ?? [], specificity: pattern.specificity ?? 0 })),
        })),
        RE2JS,
        memory.expressions,
      );
  const index = same ? before.index : indexPatterns(compiled);
  const lines = new Map<string, CompiledPattern[]>();
  memory.proofs.set(guide.dir, { patterns, compiled, index, lines });
  // What this process proved before, or else what the last check kept in the cache.
  const kept = before ? undefined : keptOf(memory.kept.get(guide.dir));
  if (kept) memory.expressions.know(kept.steps);
  const earlier = before
    ? same
      ? (line: string) => before.lines.get(line)
      : successorsOf(earlierOf(before), index)
    : kept && successorsOf(kept, index);
  const wordings = cards.map((card) => wordingsOf(card, memory.wordings));
  const { tried, exhausted } = withinBudget(index, wordings);
  return {
    cards,
    wordings,
    exhausted,
    matching: (line) => {
      if (!tried.has(line)) return undefined;
      let matched = lines.get(line);
      if (!matched) lines.set(line, (matched = earlier?.(line) ?? matchingOnce(index, line)));
      return matched;
    },
    patternOf: (pattern) => {
      const own = cards[pattern.card]!.patterns;
      const texts = own.filter((p) => !p.regex);
      return pattern.index < texts.length ? texts[pattern.index]! : own.filter((p) => p.regex)[pattern.index - texts.length]!;
    },
  };
}

/**
 * The lines of `wordings` that the budget (`LIMITS.patternWork`) lets be tried, card by card
 * in the guide's order, and where it ran out. Each line is counted once, against each
 * expression its candidate patterns run (and the search for where its own card's match), and
 * each expression once for building it; building is counted before it happens, so that the
 * expressions past the budget are never built.
 */
function withinBudget(
  index: Map<string, CompiledPattern[]>,
  wordings: Wording[][],
): { tried: Set<string>; exhausted: CardPatterns['exhausted'] } {
  const tried = new Set<string>();
  const built = new Set<string>();
  let left = LIMITS.patternWork;
  for (let card = 0; card < wordings.length; card++) {
    for (const wording of wordings[card]!) {
      const line = wording.text;
      if (tried.has(line)) continue;
      const programs = new Set<string>();
      /** The search for where the line's own card matches, by the pattern's specificity. */
      const searched = new Map<number, number>();
      for (const pattern of candidatesOf(index, line)) {
        const program = pattern.programOf(line);
        // A line without the pattern's literal text is told so by a scan of it (matcher.ts).
        const lacks = pattern.lacks(line);
        if (!programs.has(program)) {
          programs.add(program);
          if (lacks) left -= Math.max(1, line.length);
          else {
            if (!built.has(program)) {
              left -= BUILD_COST;
              if (left < 0) return { tried, exhausted: { card, wording } };
              built.add(program);
            }
            left -= Math.max(1, line.length) * pattern.steps(line);
          }
        }
        // A line matches its own card's patterns (another card's is an `ambiguous-match`), and
        // the paste box then searches where, once for each specificity the card's match rises
        // to: counted here too, the costliest of each, so that the box's budget, as large as
        // this one, matches a paste of every line of a guide this accepts in full.
        if (pattern.card === card && !lacks) {
          const cost = pattern.foundCost(line);
          searched.set(pattern.specificity, Math.max(searched.get(pattern.specificity) ?? 0, cost));
        }
      }
      for (const cost of searched.values()) left -= cost;
      if (left < 0) return { tried, exhausted: { card, wording } };
      tried.add(line);
    }
  }
  return { tried, exhausted: undefined };
}

/** The patterns of `index` that match a line, each expression tried once however many patterns run it. */
function matchingOnce(index: Map<string, CompiledPattern[]>, whole: string): CompiledPattern[] {
  // As the paste matcher reads a line: its message only.
  const line = whole.slice(messageStart(whole));
  const verdicts = new Map<string, boolean>();
  return candidatesOf(index, line).filter((pattern) => {
    const program = pattern.programOf(line);
    let verdict = verdicts.get(program);
    if (verdict === undefined) verdicts.set(program, (verdict = pattern.test(line)));
    return verdict;
  });
}

/**
 * `limit-exceeded` for a guide whose patterns would take more than `LIMITS.patternWork` to try
 * on its cards' lines: once, at the line where the budget ran out.
 */
export function patternWorkLimit({ cardPatterns, problems }: RuleContext): void {
  const { cards, exhausted } = cardPatterns();
  if (!exhausted) return;
  const card = cards[exhausted.card]!;
  problems.push(
    problem(
      card.file,
      limitExceededRule.say('patternWork', shorten(card.id), exhausted.wording.what, LIMITS.patternWork),
      exhausted.wording.position,
    ),
  );
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
          String(pattern.keys) === String(was[index]!.keys) &&
          pattern.expression === was[index]!.expression &&
          pattern.specificity === was[index]!.specificity,
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

/** What an earlier check proved: the recipes of its patterns, and of each line it tried the recipes that matched. */
interface Earlier {
  recipes: ReadonlySet<string>;
  lines: (line: string) => string[] | undefined;
}

/** What this process proved before, as recipes. */
function earlierOf(before: Proofs): Earlier {
  const recipeOf = recipesOf(before.index);
  return {
    recipes: new Set(recipeOf.values()),
    lines: (line) => before.lines.get(line)?.map((pattern) => recipeOf.get(pattern)!),
  };
}

/**
 * What an earlier check proved, carried over to patterns that changed since: a line it tried
 * keeps the patterns it matched, as the patterns of the same recipe now, and is tried only
 * against the recipes that are new. Undefined for a line it did not try.
 */
function successorsOf(earlier: Earlier, index: Map<string, CompiledPattern[]>): (line: string) => CompiledPattern[] | undefined {
  const recipeOf = recipesOf(index);
  const byRecipe = new Map<string, CompiledPattern[]>();
  for (const [pattern, recipe] of recipeOf) {
    const same = byRecipe.get(recipe);
    if (same) same.push(pattern);
    else byRecipe.set(recipe, [pattern]);
  }
  // The patterns of new recipes, indexed alike.
  const fresh = new Map<string, CompiledPattern[]>();
  for (const [key, patterns] of index) {
    const unknown = patterns.filter((pattern) => !earlier.recipes.has(recipeOf.get(pattern)!));
    if (unknown.length > 0) fresh.set(key, unknown);
  }
  return (line) => {
    const matched = earlier.lines(line);
    if (!matched) return undefined;
    const kept = matched.flatMap((recipe) => byRecipe.get(recipe) ?? []);
    return fresh.size > 0 ? [...kept, ...patternsMatching(fresh, line)] : kept;
  };
}

/**
 * What a check proved of a guide folder, as the parse cache keeps it for the next process
 * (core/check.ts): the recipes of its patterns, each line tried with the recipes that matched
 * it (by their place in `recipes`), and the steps of the programs built (`Expressions.steps`),
 * so that an unchanged pattern is neither built nor run again to prove the same lines, and its
 * budget is counted without building it.
 */
export interface KeptProofs {
  recipes: string[];
  lines: [string, number[]][];
  steps: [string, number][];
}

const KeptProofsSchema = z.strictObject({
  recipes: z.array(z.string()),
  lines: z.array(z.tuple([z.string(), z.array(z.int().nonnegative())])),
  steps: z.array(z.tuple([z.string(), z.int().nonnegative()])),
});

/**
 * A kept entry, read as input (the cache is shared between runs and branches): of the right
 * shape, every recipe it names there, or none. An entry rewritten to say other lines match can
 * make a proof pass or fail wrongly, as editing the examples could; it cannot reach what the
 * pages show (the paste box proves nothing: it matches) nor any rule of the content policy.
 */
function keptOf(value: unknown): (Earlier & { steps: [string, number][] }) | undefined {
  const parsed = KeptProofsSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { recipes, lines, steps } = parsed.data;
  if (lines.some(([, matched]) => matched.some((at) => at >= recipes.length))) return undefined;
  const byLine = new Map(lines.map(([line, matched]) => [line, matched.map((at) => recipes[at]!)]));
  return { recipes: new Set(recipes), lines: (line) => byLine.get(line), steps };
}

/** What the last validation of a guide folder proved, to keep in the cache; undefined if no rule asked. */
export function keptProofs(memory: RuleMemory, guideDir: string): KeptProofs | undefined {
  const proofs = memory.proofs.get(guideDir);
  if (!proofs) return undefined;
  const recipeOf = recipesOf(proofs.index);
  const recipes = [...new Set(recipeOf.values())];
  const at = new Map(recipes.map((recipe, place) => [recipe, place]));
  const lines: [string, number[]][] = [...proofs.lines].map(([line, matched]) => [
    line,
    [...new Set(matched.map((pattern) => at.get(recipeOf.get(pattern)!)!))],
  ]);
  const programs = new Set(proofs.compiled.flatMap((pattern) => pattern.programs()));
  const steps = [...memory.expressions.steps()].filter(([key]) => programs.has(key));
  return { recipes, lines, steps };
}

/**
 * What readers may paste of a card, each with its place: examples first, then its message and
 * aliases. Kept by card (`kept`, the checker's): a card of a file unchanged since the last check
 * is the same object.
 */
function wordingsOf(card: GraphNode<ErrorNode>, kept: RuleMemory['wordings']): Wording[] {
  let wordings = kept.get(card);
  if (!wordings) {
    wordings = [
      ...card.examples.map((example) => ({ ...example, what: 'example' as const })),
      ...(card.title ? [{ text: card.title, position: card.places.title ?? card.position, what: 'message' as const }] : []),
      ...card.aliases.map((alias) => ({ ...alias, what: 'alias' as const })),
    ];
    kept.set(card, wordings);
  }
  return wordings;
}
