/**
 * The `match` patterns of a guide's error cards, compiled once for the rules that prove them
 * against the examples (`unmatched-example`, `ambiguous-match`), with the same code that
 * matches a reader's paste in the browser (core/match/matcher.ts).
 */
import type { ErrorNode, Guide, Located, MatchPattern } from '../graph/model.ts';
import { compilePatterns, indexPatterns, patternsMatching, type CompiledPattern } from '../match/matcher.ts';

/** What readers may paste of a card: its examples, its message and its aliases. */
export interface Wording extends Located {
  what: 'example' | 'message' | 'alias';
}

export interface CardPatterns {
  cards: ErrorNode[];
  /** The patterns of `cards` that match a line. */
  matching: (line: string) => CompiledPattern[];
  /** A compiled pattern's place in the guide. */
  patternOf: (pattern: CompiledPattern) => MatchPattern;
}

const known = new WeakMap<Guide, CardPatterns>();

export function cardPatterns(guide: Guide): CardPatterns {
  let found = known.get(guide);
  if (found) return found;
  const cards = guide.nodes.filter((node): node is ErrorNode => node.kind === 'error');
  const compiled = compilePatterns(
    cards.map((card) => ({
      message: card.title,
      aliases: [],
      patterns: card.patterns.filter((pattern) => !pattern.regex).map((pattern) => pattern.text),
      regexes: card.patterns.filter((pattern) => pattern.regex).map((pattern) => ({ source: pattern.text, key: pattern.key ?? '' })),
    })),
  );
  const index = indexPatterns(compiled);
  found = {
    cards,
    matching: (line) => patternsMatching(index, line),
    patternOf: (pattern) => {
      const own = cards[pattern.card]!.patterns;
      const texts = own.filter((p) => !p.regex);
      return pattern.index < texts.length ? texts[pattern.index]! : own.filter((p) => p.regex)[pattern.index - texts.length]!;
    },
  };
  known.set(guide, found);
  return found;
}

/** What readers may paste of a card, each with its place: examples first, then its message and aliases. */
export function wordingsOf(card: ErrorNode): Wording[] {
  const title = card.tree.data?.position?.attributes?.['title'] ?? card.position;
  return [
    ...card.examples.map((example) => ({ ...example, what: 'example' as const })),
    ...(card.title ? [{ text: card.title, position: title, what: 'message' as const }] : []),
    ...card.aliases.map((alias) => ({ ...alias, what: 'alias' as const })),
  ];
}
