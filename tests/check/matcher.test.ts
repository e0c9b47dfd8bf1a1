/**
 * The paste matcher (core/match/), as a reader's browser runs it: pasted toasts, log excerpts
 * with timestamps and ids, and whole screens of output land on their cards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGuides, type ErrorNode } from '../../plugins/signpost/src/core/index.ts';
import { compilePatterns, Matcher, MOST_LINES, type MatchCard } from '../../plugins/signpost/src/core/match/matcher.ts';
import { keyWords, parsePattern, patternSource } from '../../plugins/signpost/src/core/match/pattern.ts';
import { checkRegex } from '../../plugins/signpost/src/core/match/regex.ts';
import { ROOT } from '../site/build-site.ts';

/** The shipped guide's cards, as the site's match.json gives them to the browser. */
const { guides } = await checkGuides([`${ROOT}guide`]);
const cards = guides[0]!.nodes.filter((node): node is ErrorNode => node.kind === 'error');
const matcher = new Matcher(
  cards.map((card): MatchCard => ({
    message: card.title,
    aliases: card.aliases.map((alias) => alias.text),
    patterns: card.patterns.filter((pattern) => !pattern.regex).map((pattern) => pattern.text),
    regexes: card.patterns.filter((pattern) => pattern.regex).map((pattern) => ({ source: pattern.text, key: pattern.key! })),
  })),
);
/** The id of the card a paste lands on, if one is clear. */
const landsOn = (paste: string) => {
  const { clear } = matcher.match(paste);
  return clear && cards[clear.card]!.id;
};
const best = (paste: string) => matcher.match(paste).best.map((hit) => cards[hit.card]!.id);

describe('a paste, against the Account Connection Guide', () => {
  it('lands on the card of a toast with an id in it', () => {
    expect(landsOn('12:03:44 ERROR Failed to create geocompany 8f3a-22. Please try again.')).toBe('sp-geocompany');
    expect(landsOn('Failed to retrieve refresh token (request 7c9e6679-7425-40de). Please try again.')).toBe('sp-refresh-token');
    expect(landsOn('⚠ We no longer have access to the SP-API')).toBe('sp-api-access-lost');
    expect(landsOn('We no longer have access to the SP API')).toBe('sp-api-access-lost');
  });

  it('lands on "Please Try Again." only where it is the whole message, not the end of another', () => {
    expect(landsOn('Connect Selling Partners: Please Try Again.')).toBe('sp-please-try-again');
    expect(landsOn('PLEASE TRY AGAIN')).toBe('sp-please-try-again');
    expect(landsOn('This account is already in use. Please Try Again.')).toBe('sp-account-in-use');
    expect(landsOn('Session has expired.   Please try again.')).toBe('sp-session-expired');
  });

  it('reads every line of a log excerpt with timestamps, and reports the line that matched', () => {
    const log = [
      '2024-03-11T09:41:20.118Z INFO  [oauth] redirect to sellercentral.amazon.com',
      '2024-03-11T09:41:26.902Z DEBUG [oauth] code received (len=114)',
      '2024-03-11T09:41:27.331Z ERROR [sp-api] Failed to retrieve refresh token. Please try again. request_id=7c9e6679',
      '2024-03-11T09:41:27.332Z INFO  [ui] toast shown',
    ].join('\n');
    const { clear, best: hits } = matcher.match(log);
    expect(cards[clear!.card]!.id).toBe('sp-refresh-token');
    expect(hits[0]).toMatchObject({ line: 3, how: 'pattern' });
    const [start, end] = hits[0]!.marks[0]!;
    expect(hits[0]!.text.slice(start, end)).toBe('Failed to retrieve refresh token');
  });

  it('shows the best three, best first, when a paste holds several errors', () => {
    const output = [
      '$ perpetua connect --marketplace DE',
      'connecting…',
      'error: Session has expired (session 5f2c9a). Please try again.',
      'error: This account is already in use. Please Try Again.',
      'warning: retrying with a new refresh token failed',
    ].join('\r\n');
    const result = matcher.match(output);
    expect(result.clear).toBeUndefined();
    // Pattern matches first, the more specific first; then the line most like a message.
    expect(best(output)).toEqual(['sp-account-in-use', 'sp-session-expired', 'sp-refresh-token']);
    expect(result.best.map((hit) => [hit.line, hit.how])).toEqual([
      [4, 'pattern'],
      [3, 'pattern'],
      [5, 'similar'],
    ]);
    // The words the line shares with the message are marked.
    const similar = result.best[2]!;
    expect(similar.marks.map(([start, end]) => similar.text.slice(start, end))).toEqual(['refresh', 'token', 'failed']);
  });

  it('ranks a reworded message by its words, the parts that vary left out', () => {
    expect(best('The refresh token could not be retrieved (attempt 3 of 3)')[0]).toBe('sp-refresh-token');
    expect(landsOn('failed to retrieve the refresh token')).toBe('sp-refresh-token');
    expect(landsOn('nothing to see here\nall good')).toBeUndefined();
    expect(best('nothing to see here\nall good')).toEqual([]);
  });

  it('reads a paste of old Mac lines, and the last 10,000 lines of a longer one', () => {
    expect(landsOn('INFO ok\rERROR Session has expired\rINFO bye')).toBe('sp-session-expired');
    const lines = Array.from({ length: MOST_LINES + 500 }, (_, index) => `12:00:00 INFO step ${index} done`);
    lines[100] = 'ERROR Failed to create geocompany 1. Please try again.';
    lines[MOST_LINES + 400] = 'ERROR Session has expired. Please try again.';
    const result = matcher.match(lines.join('\n'));
    expect(result).toMatchObject({ lines: MOST_LINES + 500, truncated: true });
    expect(cards[result.clear!.card]!.id).toBe('sp-session-expired');
    expect(result.clear!.line).toBe(MOST_LINES + 401);
  });

  it('answers a paste of 10,000 lines, or of one very long line, in milliseconds', () => {
    const lines = Array.from(
      { length: MOST_LINES },
      (_, index) => `2024-03-11T09:41:${index % 60}Z INFO worker-${index % 7} synced 42 rows token=${index}`,
    );
    let start = performance.now();
    matcher.match(lines.join('\n'));
    expect(performance.now() - start).toBeLessThan(500);
    // A line built to make a backtracking pattern slow: the placeholders never give back.
    start = performance.now();
    matcher.match(`Failed to create geocompany ${'a-'.repeat(50_000)}`);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('a pattern', () => {
  const matches = (pattern: string, line: string) => {
    const parsed = parsePattern(pattern);
    if (!('pieces' in parsed)) throw new Error(`${pattern}: ${parsed.fault}`);
    return new RegExp(patternSource(parsed.pieces), 'iu').test(line);
  };

  it('ignores case and the width of spaces, and stands anywhere in a line, on whole words', () => {
    expect(matches('Session has expired', '12:03 WARN session  HAS expired.')).toBe(true);
    expect(matches('Session has expired', 'Session has expiredness')).toBe(false);
    expect(matches('Session has expired', 'Session has-expired')).toBe(false);
  });

  it('has placeholders for a number, a word and the rest of the line', () => {
    expect(matches('Paper jam in tray {number}', 'Paper jam in tray 2 (job 881)')).toBe(true);
    expect(matches('Paper jam in tray {number}', 'Paper jam in tray two')).toBe(false);
    expect(matches('Took {number} ms', 'Took 1,024.5 ms')).toBe(true);
    expect(matches('Cannot open {file}', 'Error: Cannot open C:\\logs\\app.log')).toBe(true);
    expect(matches('Failed to create geocompany {id}. Please', 'Failed to create geocompany 8f3a-22. Please try again')).toBe(true);
    expect(matches('Failed to create geocompany {id}', 'Failed to create geocompany.')).toBe(false);
    expect(matches('Job {id} failed: {text}', 'Job 8f3a-22 failed: out of paper')).toBe(true);
    expect(matches('Job {id} failed: {text}', 'Job failed')).toBe(false);
  });

  it('matches a line as its Unicode expression does, whether the line is ASCII or not', () => {
    // check builds an ASCII expression for ASCII lines (cheaper to build): same matches, same places.
    const pieces = ['Error', 'failed', ' ', ': ', '{number}', '{word}', '{text}', '{id}', 'tray', '-', '.', 'ok', '\\{'];
    const chars = ['e', 'R', 'r', 'o', 'O', ' ', '  ', '\t', ':', '-', '.', '/', '7', '42', '1,024', 'ſ', 'K', 'é', 'Ü', '日', 'x'];
    const words = ['Error', 'error', 'FAILED', 'tray', 'ok', '8f3a-22', 'C:/x.log', 'Übersicht'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }),
        fc.array(fc.oneof(fc.constantFrom(...chars), fc.constantFrom(...words)), { maxLength: 24 }),
        (written, lineParts) => {
          const pattern = written.join('');
          const parsed = parsePattern(pattern);
          if (!('pieces' in parsed)) return;
          const [compiled] = compilePatterns([{ message: '', aliases: [], patterns: [pattern], regexes: [] }]);
          const line = lineParts.join('');
          const expected = new RegExp(patternSource(parsed.pieces), 'iu').exec(line);
          const got = compiled!.exec(line);
          expect(got && [got.index, ...got], `${pattern} on ${line}`).toEqual(expected && [expected.index, ...expected]);
        },
      ),
      { numRuns: 3000, seed: 20261127 },
    );
    const [file] = compilePatterns([{ message: '', aliases: [], patterns: ['Cannot open {file}'], regexes: [] }]);
    expect(file!.exec('Cannot open logs/app.log')?.[0]).toBe('Cannot open logs/app.log');
    expect(file!.exec('Cannot open Übersicht.log')?.[0]).toBe('Cannot open Übersicht.log');
    expect(file!.exec('cannot open ſtatus.log')?.[0]).toBe('cannot open ſtatus.log');
  });

  it('reads a backslash as Markdown does: the next character as it is', () => {
    expect(matches('Expected \\{ at line {number}', 'Expected { at line 12')).toBe(true);
    expect(matches('Disk C:\\ is full', 'Disk C:\\ is full')).toBe(true);
  });

  it('is found by its words that stand whole, never one against a placeholder', () => {
    const words = (pattern: string) => keyWords((parsePattern(pattern) as { pieces: never }).pieces);
    expect(words('Failed to create geocompany {id}')).toEqual(['failed', 'to', 'create', 'geocompany']);
    expect(words('E{number}: disk full')).toEqual(['disk', 'full']);
    expect(parsePattern('{id} {number}')).toEqual({ fault: 'noWord' });
  });

  it('as a regular expression, gives the word a line must hold, or is refused', () => {
    expect(checkRegex('(?<![.!?]\\s*)\\bPlease try again')).toEqual({ key: 'please' });
    expect(checkRegex('We no longer have access to the SP[- ]?API')).toEqual({ key: 'longer' });
    expect(checkRegex('x|\\berror\\b')).toEqual({ fault: 'noWord' });
    expect(checkRegex('(a+)+$ error')).toMatchObject({ fault: 'backtracks', parts: ['(a+)+'], index: 0 });
  });
});
