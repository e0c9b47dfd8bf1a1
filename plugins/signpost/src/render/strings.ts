/**
 * The words of the reader's interface, one table per language. English is built in; a guide
 * in another language uses its table when there is one, English otherwise.
 */
export const UI_STRINGS = {
  en: {
    skipToContent: 'Skip to content',
    guides: 'Guides',
    guidesIntro: 'Answer a few questions and land on the fix for your problem.',
    startGuide: 'Start',
    kind: { question: 'Question', step: 'Step', error: 'Error message', instructions: 'Solution' },
    draft: 'Draft',
    reason: 'Reason',
    fix: 'How to fix',
    alsoShownAs: 'Also shown as',
    continue: 'Continue',
    back: 'Back',
    startOver: 'Start over',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    yourAnswers: 'Your answers',
    showAnswers: 'Show your answers',
    changeAnswer: 'Change',
    reachedFrom: 'Reached from',
    andMore: 'and {count} more',
    /** Several answers that lead the same way ("Version 12 or 13"). */
    answersOr: '{list} or {last}',
    start: 'Start',
    wasHelpful: 'Did this answer your question?',
    yes: 'Yes',
    no: 'No',
    thanks: 'Thanks for letting us know.',
    sorry: 'Sorry this did not solve it.',
    otherAnswers: 'Did you mean another answer to “{question}”?',
    stillStuck: 'Still stuck?',
    contactHelp: 'Write to support: your message will name this page and the answers you gave.',
    contactSupport: 'Contact support',
    pathReport: 'Share your path with support',
    pathReportHelp: 'Paste this into your message so support can see the answers you gave.',
    copy: 'Copy',
    copied: 'Copied',
    guide: 'Guide',
    page: 'Page',
    address: 'Address',
    answers: 'Answers',
    lastUpdated: 'Last updated',
    writtenBy: 'Written by',
    outOfDate: 'If you find this information to be out of date, please contact',
    onePage: 'All steps on one page',
    errorIndex: 'Error messages',
    errorIndexIntro: 'Every error message this guide explains. Pick the one on your screen.',
    onePageIntro: 'The whole guide on one page, for printing or searching with Ctrl+F.',
    onePagePartsIntro: 'The whole guide in {count} pages of {size} nodes, for printing or searching with Ctrl+F.',
    onePagePart: 'Part {part} of {count}',
    leadsTo: 'Leads to',
    jumpToAnswers: 'Jump to the answers',
    notFound: 'Page not found',
    notFoundText: 'This page does not exist, or it has moved.',
    goToGuides: 'Go to the guides',
    movedTo: 'This page has moved to',
    supportSubject: '{guide}: {page}',
    notFoundSubject: 'Page not found',
    needHelp: 'Need help?',
    needHelpText: 'If no guide answers your question, write to support.',
    callout: { note: 'Note', tip: 'Tip', caution: 'Caution', danger: 'Danger' },
    map: 'Map of the guide',
    mapIntro:
      'Every question, step and card of this guide, and the answers between them: a node several answers lead to is drawn once, and the other answers end in a small tag with its name. Select one to open it.',
    mapLegend: 'Kinds of node',
    mapOutline: 'The map as a list',
    mapOutlineIntro: 'Every question, step and card in reading order, with where each answer leads.',
    mapStart: 'Start here',
    mapBranchSize: '{count} nodes: open its map',
    mapBranchOne: '1 node: open its map',
    mapPartsIntro:
      'The guide is drawn in parts: the nodes nearest the start here, and each branch on a map of its own (the stacked boxes). Select one to open it.',
    mapBranch: 'Map from “{title}”',
    mapBranchIntro:
      'The part of the guide that follows this node. Select a node to open it, or a stacked box to open the map of its branch; a small tag leads to a node drawn elsewhere.',
    mapPartOf: 'Part of',
    theme: 'Theme',
    themeChoice: { system: 'System', light: 'Light', dark: 'Dark' },
    themeNext: 'Theme: {current}. Switch to {next}',
    search: 'Search',
    openSearch: 'Search the guides',
    closeSearch: 'Close search',
    searchLabel: 'Search the guides',
    searchPlaceholder: 'Search an error message or a question',
    searchHint: 'Press / to search. Results appear as you type.',
    searchKind: 'Kind',
    searchGuide: 'Guide',
    searchAllKinds: 'All kinds',
    searchAllGuides: 'All guides',
    searchResults: '{count} results',
    searchOneResult: '1 result',
    searchNoResults: 'No results for “{query}”.',
    searchDidYouMean: 'Did you mean',
    searchStartInstead: 'Start the guide from its first question',
    searchUnavailable: 'Search is not available right now.',
    // The "Paste the error you see" box (scripts/paste.ts).
    pasteTitle: 'Paste the error you see',
    pasteHint: 'Paste the message, or all the text around it: a log, a screen of output. You go straight to its card.',
    pasteFind: 'Find its card',
    pasteFallback: 'Find it in the list of error messages',
    pasteFallbackHere: 'Find it in the list below',
    pasteOpening: 'Found its card: opening it.',
    pasteChoose: 'These cards match what you pasted. Pick the one on your screen.',
    pasteNone: 'No card of this guide matches this output.',
    pasteNoneHelp: 'Search the guide for its words, or ask support: say what you were doing when it appeared.',
    pasteNoneHelpSearch: 'Search the guide for its words.',
    pasteNoneHelpSupport: 'Ask support: say what you were doing when it appeared.',
    pasteSearch: 'Search for “{query}”',
    pasteEqual: 'The same message is on a card of each of these branches. Pick the one whose answers fit you.',
    pastePasted: 'What I pasted',
    pasteBrowse: 'See every error message',
    pasteLine: 'line {line}',
    pasteLastLines: 'Read the last {count} of {total} lines.',
    pasteStopped:
      'Only the lines before line {line} were matched against the patterns: the paste is too long. Paste the lines around the error.',
    pasteUnavailable: 'Matching is not available right now.',
    // Rich content (tables, code, images, components, error cards that go on).
    didTheFixWork: 'Did the fix work?',
    footnotes: 'Footnotes',
    footnoteBack: 'Back to the text',
    copyCode: 'Copy code',
    openImage: 'Open the full-size image',
    downloadVideo: 'Download the video',
    taskDone: 'Done',
    taskOpen: 'Not done',
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type UiStrings = Widen<(typeof UI_STRINGS)['en']>;

/** What the paste matcher's script says (scripts/paste.ts), as the box and the search box hand it over. */
export function pasteStrings(strings: UiStrings): Record<string, string> {
  return {
    opening: strings.pasteOpening,
    choose: strings.pasteChoose,
    none: strings.pasteNone,
    noneHelp: strings.pasteNoneHelp,
    noneHelpSearch: strings.pasteNoneHelpSearch,
    noneHelpSupport: strings.pasteNoneHelpSupport,
    search: strings.pasteSearch,
    equal: strings.pasteEqual,
    pasted: strings.pastePasted,
    browse: strings.pasteBrowse,
    line: strings.pasteLine,
    lastLines: strings.pasteLastLines,
    stopped: strings.pasteStopped,
    unavailable: strings.pasteUnavailable,
    kind: strings.kind.error,
  };
}

/** The strings for a language tag: an exact table, its base language's, or English. */
export function stringsFor(lang: string): UiStrings {
  const tables: Record<string, UiStrings> = UI_STRINGS;
  // A language tag is the writer's text: `constructor` must not find Object's.
  const table = (tag: string): UiStrings | undefined => (Object.hasOwn(tables, tag) ? tables[tag] : undefined);
  return table(lang) ?? table(lang.split('-')[0]!.toLowerCase()) ?? UI_STRINGS.en;
}

/** Formatters by language and precision: making one takes as long as rendering a page's header. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `2024-03` → `March 2024`, `2024-03-15` → `15 March 2024` (in the guide's language). */
export function formatDate(date: string, lang: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const value = new Date(Date.UTC(year!, month! - 1, day ?? 1));
  const key = `${day ? 'day' : 'month'} ${lang}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', ...(day ? { day: 'numeric' } : {}), timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(value);
}
