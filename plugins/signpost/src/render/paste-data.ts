/**
 * What the "Paste the error you see" box knows: every error card's message, aliases and
 * `match` patterns, built with the site (`<prefix>signpost-search/match.json`) and loaded the
 * first time a reader pastes. Kept small: the card's id, not its URL; a field only when it
 * has something. This module runs in the build and in the reader's browser: no Node import.
 */
import type { MatchCard } from '../core/match/matcher.ts';
import type { PageGuide, SitePaths } from './site-model.ts';

/** The file the box loads. */
export interface PasteData {
  /** Each guide's title and the address of its pages (a card's page is `href` + its id + `/`). */
  guides: { title: string; href: string }[];
  cards: PasteCard[];
}

/** A card, in few bytes. */
export interface PasteCard {
  /** Its guide, by its place in `guides`. */
  g: number;
  id: string;
  /** The message. */
  t: string;
  /** Where the message appears (`context`). */
  c?: string;
  a?: string[];
  /** Patterns with placeholders, as written. */
  p?: string[];
  /** Regular expressions, each with the word a matching line holds. */
  r?: [string, string][];
}

export function pasteData(guides: PageGuide[], paths: SitePaths): PasteData {
  return {
    guides: guides.map((guide) => ({ title: guide.meta.title, href: paths.guide(guide.slug) })),
    cards: guides.flatMap((guide, g) =>
      guide.nodes.flatMap(({ node }) => {
        if (node.kind !== 'error') return [];
        const card: PasteCard = { g, id: node.id, t: node.title };
        if (node.context) card.c = node.context;
        if (node.aliases.length > 0) card.a = node.aliases.map((alias) => alias.text);
        const texts = node.patterns.filter((pattern) => !pattern.regex).map((pattern) => pattern.text);
        const regexes = node.patterns.flatMap((pattern) => (pattern.regex ? [[pattern.text, pattern.key ?? ''] as [string, string]] : []));
        if (texts.length > 0) card.p = texts;
        if (regexes.length > 0) card.r = regexes;
        return [card];
      }),
    ),
  };
}

/** The cards as the matcher reads them (core/match/matcher.ts). */
export function matchCards(data: PasteData): MatchCard[] {
  return data.cards.map((card) => ({
    message: card.t,
    aliases: card.a ?? [],
    patterns: card.p ?? [],
    regexes: (card.r ?? []).map(([source, key]) => ({ source, key })),
  }));
}

/** A card's page. */
export function cardHref(data: PasteData, card: PasteCard): string {
  return `${data.guides[card.g]?.href ?? '/'}${card.id}/`;
}
