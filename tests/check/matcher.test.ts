/**
 * The paste matcher (core/match/), as a reader's browser runs it: pasted toasts, log excerpts
 * with timestamps and ids, and whole screens of output land on their cards.
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { checkGuides, type ErrorNode } from '../../plugins/signpost/src/core/index.ts';
import {
  CompiledPattern,
  compilePatterns,
  literalNeedles,
  Matcher,
  MOST_LINE_CHARS,
  MOST_LINES,
  type MatchCard,
} from '../../plugins/signpost/src/core/match/matcher.ts';
import { keyWords, parsePattern, patternSource, type Piece } from '../../plugins/signpost/src/core/match/pattern.ts';
import { checkRegex, REGEX_FLAGS, type CheckedRegex } from '../../plugins/signpost/src/core/match/regex.ts';
import { readScope } from '../../plugins/signpost/src/render/paste-data.ts';
import { messageStart, messageWords } from '../../plugins/signpost/src/core/match/message.ts';
import { ROOT } from '../site/build-site.ts';

/** The shipped guide's cards, as the site's match.json gives them to the browser. */
const { guides } = await checkGuides([`${ROOT}guide`]);
const cards = guides[0]!.nodes.filter((node): node is ErrorNode => node.kind === 'error');
const matcher = new Matcher(
  cards.map((card): MatchCard => ({
    message: card.title,
    aliases: card.aliases.map((alias) => alias.text),
    patterns: card.patterns.filter((pattern) => !pattern.regex).map((pattern) => pattern.text),
    regexes: card.patterns
      .filter((pattern) => pattern.regex)
      .map((pattern) => ({ source: pattern.expression!, keys: pattern.keys!, specificity: pattern.specificity! })),
  })),
  RE2JS,
);
/** The id of the card a paste lands on, if one is clear. */
const landsOn = (paste: string) => {
  const { clear } = matcher.match(paste);
  return clear && cards[clear.card]!.id;
};
const best = (paste: string) => matcher.match(paste).best.map((hit) => cards[hit.card]!.id);

describe('a paste of compiler or log output', () => {
  // Two cards whose messages name files: the library's main header, and "No such file" in general.
  const headers: MatchCard[] = [
    {
      message: 'ArduinoJson.h: No such file or directory',
      aliases: [],
      patterns: [],
      // As an author writes it: the header, then anything, then the error.
      regexes: [{ source: String.raw`ArduinoJson\.h.*No such file or directory`, keys: ['arduinojson'], specificity: 38 }],
    },
    { message: 'No such file or directory', aliases: [], patterns: ['No such file or directory'], regexes: [] },
    { message: 'Session has expired', aliases: [], patterns: ['Session has expired'], regexes: [] },
  ];
  const compiler = new Matcher(headers, RE2JS);
  const first = (paste: string) => compiler.match(paste).best[0];

  it('reads the message, not the path and place a compiler writes in front of it', () => {
    // The path in front names the main header; the message is about an inner one.
    const line =
      '/home/me/Arduino/libraries/ArduinoJson/src/ArduinoJson.h:9:10: fatal error: ArduinoJson/Configuration.hpp: No such file or directory';
    const result = compiler.match(line);
    // Only the card of the message; the main header's card matched the whole line, path and all.
    expect(result.best.filter((hit) => hit.how === 'pattern').map((hit) => hit.card)).toEqual([1]);
    const hit = result.clear!;
    expect(hit.card).toBe(1);
    // The match is marked in the line as pasted.
    expect(hit.text.slice(...hit.marks[0]!)).toBe('No such file or directory');
    expect(hit.marks[0]![0]).toBe(hit.text.length - 'No such file or directory'.length);
    // The main header's own error still finds its card, behind a path of either kind.
    for (const place of ['sketch.ino:1:10:', 'C:\\work\\sketch\\sketch.ino:1:10:']) {
      const own = compiler.match(`${place} fatal error: ArduinoJson.h: No such file or directory`);
      expect(own.best.map((found) => found.card).toSorted(), place).toEqual([0, 1]);
    }
  });

  it('ranks a regular expression by all of its literal text, as a text pattern, not by its longest word', () => {
    const regex = (source: string) => {
      const checked = checkRegex(source) as CheckedRegex;
      return { source: checked.expression, keys: checked.keys, specificity: checked.specificity };
    };
    const line = 'fatal: could not lock config file /home/me/.gitconfig: Permission denied';
    const lock: MatchCard[] = [
      // Its longest word is short (`config`), but it spells out most of the message.
      { message: 'Could not lock config file', aliases: [], patterns: [], regexes: [regex(String.raw`could not lock config file`)] },
      // One long word and little else: less specific, though its word is longer.
      { message: 'Bad .gitconfig', aliases: [], patterns: [], regexes: [regex(String.raw`\.gitconfig\b`)] },
      { message: 'Permission denied', aliases: [], patterns: ['Permission denied'], regexes: [] },
    ];
    const result = new Matcher(lock, RE2JS).match(line);
    expect(result.best.map((hit) => [hit.card, hit.score])).toEqual(
      [
        [0, 26],
        [1, 10],
        [2, 17],
      ].toSorted((a, b) => b[1]! - a[1]!),
    );
    // What each construct adds: alternatives their least, repetitions their least count, a
    // lookbehind what it needs before, a negative lookbehind and classes nothing.
    const count = (source: string) => (checkRegex(source) as CheckedRegex).specificity;
    expect(count(String.raw`\b(?:denied|refused) by\b`)).toBe(8);
    expect(count(String.raw`\bkey(?:s)? \w+ rejected\b`)).toBe(3 + 8);
    expect(count(String.raw`(?:ab){3}c+ \berror\b`)).toBe(6 + 1 + 5);
    expect(count(String.raw`(?<=ssh: )\bconnect to\b(?<!x) [0-9]+`)).toBe(4 + 10);
    expect(count(String.raw`\bdisk\b|\bvolume\s+quota\b`)).toBe(4);
  });

  it('reads past times and dates in front of a message, and leaves a message without them whole', () => {
    expect(first('2024-05-01T10:00:00.123Z [12:03:44] Session has expired')!.card).toBe(2);
    expect(first('Session has expired')!.card).toBe(2);
    // Words before a colon that are no place are the message's own.
    expect(first('error: Session has expired')!.card).toBe(2);
  });

  it("reads past the fields a log writes after its time, whose words (a path, a setting) are no card's", () => {
    // The path in the log's settings names the main header's file; the message is the session's.
    const line = '2025-03-10 09:14:02 UTC [48213] app@app file=/src/ArduinoJson.h LOG:  Session has expired';
    expect(line.slice(messageStart(line))).toBe('LOG:  Session has expired');
    const result = compiler.match(`${line}\n2025-03-10 09:14:03 UTC [48213] app@app LOG:  No such file or directory`);
    // Only the message of each line counts: no match of the header's file in the first line's fields.
    expect(result.best.map((hit) => hit.card)).toEqual([2, 1]);
  });
});

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
    // Pattern matches first, the first error line first (the cause, before its effects); then
    // the line most like a message.
    expect(best(output)).toEqual(['sp-session-expired', 'sp-account-in-use', 'sp-refresh-token']);
    expect(result.best.map((hit) => [hit.line, hit.how])).toEqual([
      [3, 'pattern'],
      [4, 'pattern'],
      [5, 'similar'],
    ]);
    // The same errors the other way round: the first is still first.
    const reversed = [output.split('\r\n')[0], output.split('\r\n')[3], output.split('\r\n')[2]].join('\n');
    expect(best(reversed).slice(0, 2)).toEqual(['sp-account-in-use', 'sp-session-expired']);
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

  it('offers no card for a paste that shares only words any error holds with its messages', () => {
    // Each of these once offered "Amazon Advertising Error" on the word "Error" alone.
    for (const paste of [
      'Something went wrong. Error 500',
      'Network error',
      'Error: invalid_grant',
      'Upload failed. Please try again later.',
      "sketch.ino:12:3: error: 'WiFi' was not declared in this scope",
    ]) {
      expect(best(paste), paste).toEqual([]);
    }
    // A telling word shared, the generic ones count again.
    expect(best('Amazon Advertising error')[0]).toBe(cards.find((card) => /Amazon Advertising/i.test(card.title))!.id);
  });

  it('reads a paste of old Mac lines, and the last 10,000 lines of a longer one', () => {
    expect(landsOn('INFO ok\rERROR Session has expired\rINFO bye')).toBe('sp-session-expired');
    const lines = Array.from({ length: MOST_LINES + 500 }, (_, index) => `12:00:00 INFO step ${index} done`);
    lines[100] = 'ERROR Failed to create geocompany 1. Please try again.';
    lines[MOST_LINES + 400] = 'ERROR Session has expired. Please try again.';
    const result = matcher.match(lines.join('\n'));
    expect(result).toMatchObject({ lines: MOST_LINES + 500, truncated: true, stoppedAt: undefined });
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

describe('a paste too long to try every pattern on', () => {
  // The review's case: 15 expressions of one card that a backtracking engine runs in time
  // quadratic in the line, on 10,000 lines of 2,000 characters, each holding the key word.
  const hostile = Array.from({ length: 15 }, (_, index) => checkRegex(`\\w+ failed\\b|\\bz${index} failed\\b`) as CheckedRegex);
  const hostileCards: MatchCard[] = [
    {
      message: 'Upload failed',
      aliases: [],
      patterns: [],
      regexes: hostile.map(({ expression, keys, specificity }) => ({ source: expression, keys, specificity })),
    },
    { message: 'Disk full', aliases: [], patterns: ['Disk full on {id}'], regexes: [] },
  ];
  const lines = Array.from({ length: MOST_LINES }, (_, index) => `${index}${'a'.repeat(MOST_LINE_CHARS - 20)}; failed`);
  lines[0] = 'ERROR Disk full on sda1';
  lines[MOST_LINES - 1] = 'ERROR Upload x failed';

  it('stops trying patterns when its budget is spent, keeps what it found, and says where it stopped', () => {
    const result = new Matcher(hostileCards, RE2JS).match(lines.join('\n'));
    expect(result).toMatchObject({ lines: MOST_LINES, truncated: false, stoppedAt: expect.any(Number) });
    expect(result.stoppedAt).toBeGreaterThan(2);
    expect(result.stoppedAt).toBeLessThan(MOST_LINES);
    expect(result.clear).toMatchObject({ card: 1, line: 1, how: 'pattern', marks: [[6, 23]] });
    // The last line matches the first card's patterns, but was not tried: found by its words only.
    expect(result.best.map((hit) => [hit.card, hit.line, hit.how])).toEqual([
      [1, 1, 'pattern'],
      [0, MOST_LINES, 'similar'],
    ]);
  });

  it('tries every pattern on every line of a paste that fits in its budget', () => {
    const result = new Matcher(hostileCards, RE2JS).match([lines[0], ...lines.slice(1, 20), lines.at(-1)].join('\n'));
    expect(result.stoppedAt).toBeUndefined();
    expect(result.best.map((hit) => [hit.card, hit.line, hit.how])).toEqual([
      [1, 1, 'pattern'],
      [0, 21, 'pattern'],
    ]);
  });
});

describe('a pattern', () => {
  const matches = (pattern: string, line: string) => {
    const parsed = parsePattern(pattern);
    if (!('pieces' in parsed)) throw new Error(`${pattern}: ${parsed.fault}`);
    return RE2JS.compile(patternSource(parsed.pieces), RE2JS.CASE_INSENSITIVE).test(line);
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

  it('matches a line as its Unicode expression does, whether the line is ASCII or not, and every line its atomic form did', () => {
    // check builds an ASCII expression for ASCII lines (cheaper to build): same matches, same places.
    const pieces = ['Error', 'failed', ' ', ': ', '{number}', '{word}', '{text}', '{id}', 'tray', '-', '.', 'ok', '\\{'];
    const chars = ['e', 'R', 'r', 'o', 'O', ' ', '  ', '\t', ':', '-', '.', '/', '7', '42', '1,024', 'ſ', 'K', 'é', 'Ü', '日', 'x', '😀'];
    const words = ['Error', 'error', 'FAILED', 'tray', 'ok', '8f3a-22', 'C:/x.log', 'Übersicht'];
    let atomicMatches = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }),
        fc.array(fc.oneof(fc.constantFrom(...chars), fc.constantFrom(...words)), { maxLength: 24 }),
        fc.array(fc.constantFrom(...words, '42', '1,024', '-3', ''), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (written, lineParts, fillers, rendered) => {
          const pattern = written.join('');
          const parsed = parsePattern(pattern);
          if (!('pieces' in parsed)) return;
          const [compiled] = compilePatterns([{ message: '', aliases: [], patterns: [pattern], regexes: [] }], RE2JS);
          const unicode = new CompiledPattern({ ...compiled!, source: compiled!.source, flags: compiled!.flags, engine: RE2JS });
          // Half the lines hold the pattern written out, its placeholders filled, amid other text.
          const shown = written.map((piece, index) => (piece === '\\{' ? '{' : piece.startsWith('{') ? fillers[index]! : piece)).join('');
          const half = Math.floor(lineParts.length / 2);
          const line = rendered ? [...lineParts.slice(0, half), shown, ...lineParts.slice(half)].join('') : lineParts.join('');
          const got = compiled!.exec(line);
          expect(got, `${pattern} on ${line}`).toEqual(unicode.exec(line));
          // What the atomic placeholders of JavaScript matched, RE2 matches: at the same place, or before.
          const atomic = new RegExp(atomicSource(parsed.pieces), 'iu').exec(line);
          if (atomic) {
            atomicMatches++;
            expect(got, `${pattern} on ${line}`).toBeDefined();
            expect(got![0], `${pattern} on ${line}`).toBeLessThanOrEqual(atomic.index);
            if (got![0] === atomic.index) expect(got, `${pattern} on ${line}`).toEqual([atomic.index, atomic.index + atomic[0].length]);
          }
        },
      ),
      { numRuns: 3000, seed: 20261127 },
    );
    expect(atomicMatches).toBeGreaterThan(100);
    const [file] = compilePatterns([{ message: '', aliases: [], patterns: ['Cannot open {file}'], regexes: [] }], RE2JS);
    const matched = (line: string) => {
      const span = file!.exec(line);
      return span && line.slice(...span);
    };
    expect(matched('Cannot open logs/app.log')).toBe('Cannot open logs/app.log');
    expect(matched('Cannot open Übersicht.log')).toBe('Cannot open Übersicht.log');
    expect(matched('cannot open ſtatus.log')).toBe('cannot open ſtatus.log');
    // The characters around a match that say a word ends are not part of it; a number's sign is.
    expect(matched('😀Cannot open x.log😀')).toBe('Cannot open x.log');
    const [count] = compilePatterns([{ message: '', aliases: [], patterns: ['{number} items left'], regexes: [] }], RE2JS);
    expect(count!.exec('-3 items left')).toEqual([0, 13]);
    expect(count!.exec('(-3 items left)')).toEqual([1, 14]);
  });

  it('may give back what a placeholder took, where an atomic one kept it all', () => {
    expect(matches('{id}.log failed', 'app.log failed')).toBe(true);
    expect(new RegExp(atomicSource((parsePattern('{id}.log failed') as { pieces: Piece[] }).pieces), 'iu').test('app.log failed')).toBe(
      false,
    );
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

  it('as a regular expression, gives the word a line must hold and its RE2 form, or is refused', () => {
    expect(checkRegex('(?<![.!?]\\s*)\\bPlease try again')).toMatchObject({ keys: ['please'] });
    expect(checkRegex('We no longer have access to the SP[- ]?API')).toEqual({
      keys: ['longer'],
      expression: 'We\\x{20}no\\x{20}longer\\x{20}have\\x{20}access\\x{20}to\\x{20}the\\x{20}SP(?:[\\x{2d}\\x{20}])?API',
      specificity: 37,
    });
    expect(checkRegex('x|\\berror\\b')).toEqual({ fault: 'noWord', proposal: { word: 'error' } });
    // Alternatives: a line holds the word of one of them (the review's case).
    expect(checkRegex('\\bdisk\\b|\\bvolume\\s+quota\\b|\\bstorage\\s+problem\\b')).toMatchObject({ keys: ['disk', 'volume', 'storage'] });
    // Nested repetitions run in linear time on RE2: nothing to refuse.
    expect(checkRegex('\\berror\\b (a+)+$')).toMatchObject({ keys: ['error'] });
    expect(checkRegex('\\berror\\b(?! now)')).toEqual({ fault: 'lookahead', written: '(?! now)', index: 9, length: 8 });
    expect(checkRegex('(\\w+) \\berror\\b \\1')).toEqual({ fault: 'backreference', written: '\\1', index: 16, length: 2 });
  });

  it('as a regular expression, finds its key words through groups, alternatives of groups and lookbehinds', () => {
    const keys = (source: string) => {
      const checked = checkRegex(source);
      return 'keys' in checked ? checked.keys : checked;
    };
    // The review's: refused as having no word, though every match holds one.
    expect(keys('(?:connection refused by server)')).toEqual(['refused']);
    expect(keys('(connection refused by server)')).toEqual(['refused']);
    expect(keys('(?<what>connection refused) by server')).toEqual(['refused']);
    expect(keys('^(?:connection refused by server)$')).toEqual(['connection']);
    // A group of alternatives: a key of each, as at the top level.
    expect(keys('(?:authentication method 10 not supported|SCRAM-SHA-256 not supported)')).toEqual(['method', 'sha']);
    expect(keys('authentication method 10 not supported|SCRAM-SHA-256 not supported')).toEqual(['method', 'sha']);
    // A word beside an optional group, where its edges hold whether the group matches or not.
    expect(keys('psql: (?:command )?not found')).toEqual(['not']);
    expect(keys('(?:^|\\s|:)psql: (?:command )?not found')).toEqual(['psql']);
    expect(keys('[\\s:]psql failed\\b')).toEqual(['psql']);
    // What a lookbehind asks for stands in the line; a word that tells the error is preferred.
    expect(keys('(?<=\\bjob (?<id>\\d+) )\\bfailed\\b')).toEqual(['job']);
    expect(keys('(?<=: )psql\\b')).toEqual(['psql']);
    // Not a word: one that runs on into a group, an optional one, one at the expression's start or end.
    expect(keys('conn(?:ection)? refused')).toMatchObject({ fault: 'noWord' });
    expect(keys('(?:foo )?bar baz')).toMatchObject({ fault: 'noWord' });
    expect(keys('(?:foo|bar)+ baz')).toMatchObject({ fault: 'noWord' });
    expect(keys('(?<!: )psql failed')).toMatchObject({ fault: 'noWord' });
    // The start and end are no edge: the line's word may go on. The proposal is the writer's own.
    expect(keys('psql failed')).toEqual({ fault: 'noWord', proposal: { edges: '\\bpsql failed\\b' } });
    expect(keys('\\d+ rows? returned')).toEqual({ fault: 'noWord', proposal: { edges: '\\d+ rows? returned\\b' } });
    expect(keys('disk|quota')).toEqual({ fault: 'noWord', proposal: { edges: '\\b(?:disk|quota)\\b' } });
    expect(keys('\\d+')).toEqual({ fault: 'noWord', proposal: undefined });
  });

  it('as a regular expression of alternatives, is tried on a line holding the word of any of them', () => {
    const checked = checkRegex('\\bdisk\\b|\\bvolume\\s+quota\\b|\\bstorage\\s+problem\\b') as CheckedRegex;
    const storage: MatchCard[] = [
      {
        message: 'Storage problem',
        aliases: [],
        patterns: [],
        regexes: [{ source: checked.expression, keys: checked.keys, specificity: checked.specificity }],
      },
      { message: 'Upload failed', aliases: [], patterns: [], regexes: [] },
    ];
    const alternatives = new Matcher(storage, RE2JS);
    for (const paste of ['12:00 disk is failing', '12:00 volume quota exceeded', 'a storage problem']) {
      expect(alternatives.match(paste).clear?.card, paste).toBe(0);
    }
  });

  it('as a regular expression, means on RE2 what it means in JavaScript', () => {
    const runs = (source: string, line: string) => {
      const checked = checkRegex(source) as CheckedRegex;
      expect(checked.expression, source).toBeDefined();
      const [compiled] = compilePatterns(
        [
          {
            message: '',
            aliases: [],
            patterns: [],
            regexes: [{ source: checked.expression, keys: checked.keys, specificity: checked.specificity }],
          },
        ],
        RE2JS,
      );
      return compiled!.exec(line);
    };
    // JavaScript's `\s` holds the no-break space, its `.` no line separator, its `[^…]` and `[]` what they say.
    expect(runs('\\bdisk\\sfull\\b', 'disk\u00a0full!')).toEqual([0, 9]);
    expect(runs('\\bdisk\\b .', 'disk x')).toEqual([0, 6]);
    expect(runs('\\bdisk\\b .', 'disk \u2028')).toBeUndefined();
    expect(runs('\\bdisk\\b [^a-z]', 'disk -')).toEqual([0, 6]);
    expect(runs('\\bdisk\\b [^a-z]', 'disk K')).toBeUndefined();
    expect(runs('\\bdisk\\b[]', 'disk')).toBeUndefined();
    // Named groups, lazy repetitions and lookbehinds run; a character beyond U+FFFF is one.
    expect(runs('(?<=\\bjob (?<id>\\d+) )\\bfailed\\b', 'job 12 failed')).toEqual([7, 13]);
    expect(runs('\\berror\\b: .+?;', 'error: a; b;')).toEqual([0, 9]);
    expect(runs('\\bdisk\\b 😀', 'disk 😀')).toEqual([0, 7]);
    // Case folding is Unicode's: the Kelvin sign is a `k` (but no ASCII letter for `\\b`).
    expect(runs(' disk full', ' DIS\u212a FULL')).toEqual([0, 10]);
    expect(runs('\\bdisk\\b', 'dis\u212a')).toBeUndefined();
  });

  it("tells a line that lacks a pattern's literal text without running it, and never refuses a line its expression matches", () => {
    // Pieces of expressions as authors write them, each with a text it matches; and of lines.
    const parts: [string, string][] = [
      ['disk', 'disk'],
      ['Disk', 'DISK'],
      [' ', ' '],
      ['\\s+', '  '],
      ['full', 'Full'],
      ['\\.', '.'],
      [':', ':'],
      ['(?:a|b)', 'b'],
      ['[a-z]+', 'abc'],
      ['\\d*', '7'],
      ['x?', ''],
      ['k+', 'kk'],
      ['(?<=no )', ''],
      ['(?<!x)', ''],
      ['|', ''],
      ['\\b', ''],
      ['.*', 'zz'],
      ['-', '-'],
      ['\\(', '('],
      ['\\)', ')'],
      ['e{2}', 'ee'],
      ['ok', 'OK'],
    ];
    const text = ['disk', 'DISK', ' ', 'full', '.', ':', 'a', 'no ', 'x', 'k', 'e', '-', '(', ')', '7', 'ok', 'ſ', '\u212a'];
    const texts: [string, string][] = [
      ['disk full', 'Disk  FULL'],
      ['Disk {id} full', 'disk 8f-3 full'],
      ['E{number}: disk', 'e42: disk'],
      ['{word}.ok', 'app.OK'],
      ['no-disk (full)', 'no-disk (full)'],
    ];
    let lacked = 0;
    let matched = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 7 }),
        fc.constantFrom(...texts),
        fc.array(fc.constantFrom(...text), { maxLength: 8 }),
        fc.array(fc.constantFrom(...text), { maxLength: 8 }),
        fc.constantFrom('regex', 'text', 'neither'),
        (written, [pattern, shown], before, after, held) => {
          const middle = held === 'regex' ? `disk ${written.map(([, part]) => part).join('')}` : held === 'text' ? shown : '';
          const line = [...before, middle, ...after].join('');
          const checked = checkRegex(`\\bdisk\\b ${written.map(([part]) => part).join('')}`);
          const own: MatchCard[] = [
            {
              message: '',
              aliases: [],
              patterns: [pattern],
              regexes:
                'expression' in checked ? [{ source: checked.expression, keys: checked.keys, specificity: checked.specificity }] : [],
            },
          ];
          for (const compiled of compilePatterns(own, RE2JS)) {
            const truth = RE2JS.compile(compiled.source, compiled.flags).test(line);
            expect(compiled.test(line), `${compiled.source} on ${line}`).toBe(truth);
            expect(compiled.exec(line) !== undefined, `${compiled.source} on ${line}`).toBe(truth);
            if (truth) matched++;
            else if (/^[\0-\x7f]*$/.test(line) && literalNeedles(compiled.source)) lacked++;
          }
        },
      ),
      { numRuns: 500, seed: 20261208 },
    );
    expect(matched).toBeGreaterThan(50);
    expect(lacked).toBeGreaterThan(150);
    // The literal text of the shapes pattern.ts and regex.ts write, alternative by alternative.
    const needles = (source: string) => literalNeedles((checkRegex(source) as CheckedRegex).expression);
    expect(needles(String.raw`ssh: connect to host \S+ port \d+: Connection (?:refused|timed out)`)).toEqual([
      ['ssh: connect to host ', ' port ', ': connection '],
    ]);
    expect(needles(String.raw`\bdisk\b|\bvolume\s+quota\b`)).toEqual([['disk'], ['volume', 'quota']]);
    expect(needles(String.raw`\bssh keys?\b`)).toEqual([['ssh key']]);
    expect(literalNeedles(patternSource((parsePattern('Permission denied (publickey).') as { pieces: Piece[] }).pieces))).toEqual([
      ['permission', 'denied', '(publickey).'],
    ]);
    // A line of other characters is run: the long s is an `s` to RE2.
    const [long] = compilePatterns([{ message: '', aliases: [], patterns: ['disk is full'], regexes: [] }], RE2JS);
    expect(long!.test('disk iſ full')).toBe(true);
  });

  it('as a regular expression, gives keys that every line it matches holds whole, through groups, alternatives and lookbehinds', () => {
    // Expressions built of groups (capturing, named or not), alternatives, repetitions,
    // lookbehinds, edges and classes, each with a text it matches; lines of ASCII around that
    // text or not (`\\b` and `\\W` read words as ASCII: a letter beyond it may run on past them).
    type Built = [string, string];
    const atoms: Built[] = [
      ['disk', 'disk'],
      [' disk ', ' disk '],
      ['Full', 'FULL'],
      ['\\bfull\\b', 'full'],
      ['ok', 'ok'],
      [':ok:', ':OK:'],
      ['e', 'e'],
      [' ', ' '],
      [':', ':'],
      ['-', '-'],
      ['\\s', ' '],
      ['\\s+', '  '],
      ['\\b', ''],
      ['\\d+', '42'],
      ['[a-z]+', 'ab'],
      ['[\\s:]', ':'],
      ['[-_ ]', '_'],
      ['\\W', '-'],
      ['.', 'x'],
      ['s?', ''],
      ['k+', 'kk'],
    ];
    /** Assertions that most texts around them do not meet: fewer of them, so that enough lines match. */
    const rare: Built[] = [
      ['\\B', ''],
      ['^', ''],
      ['$', ''],
    ];
    const { row } = fc.letrec<{ built: Built; row: Built }>((tie) => ({
      row: fc
        .array(tie('built'), { minLength: 1, maxLength: 4 })
        .map((parts): Built => [parts.map(([source]) => source).join(''), parts.map(([, text]) => text).join('')]),
      built: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { arbitrary: fc.constantFrom(...atoms), weight: 6 },
        { arbitrary: fc.constantFrom(...rare), weight: 1 },
        fc.tuple(fc.constantFrom('(?:', '(', '(?<g>'), tie('row')).map(([open, [source, text]]): Built => [`${open}${source})`, text]),
        fc
          .tuple(tie('row'), tie('row'), fc.boolean())
          .map(([[a, textA], [b, textB], first]): Built => [`(?:${a}|${b})`, first ? textA : textB]),
        fc.tuple(tie('row'), fc.constantFrom('?', '*', '+', '{1,2}', '{2}'), fc.boolean()).map(([[source, text], times, taken]): Built => {
          const count = times === '{2}' ? 2 : times === '?' || times === '*' ? (taken ? 1 : 0) : 1;
          return [`(?:${source})${times}`, text.repeat(count)];
        }),
        // A lookbehind's text stands in the line before what follows it; a negative one's does not.
        fc
          .tuple(fc.constantFrom('(?<=', '(?<!'), tie('row'))
          .map(([open, [source, text]]): Built => [`${open}${source})`, open === '(?<=' ? text : '']),
      ),
    }));
    const around = ['disk', 'DISK', 'full', 'ok', 'e', 'k', 'x', ' ', ':', '-', '_', '7', '42', 'diskfull', 'okdisk'];
    /** A key as the paste matcher finds it: a whole word of the lowercased line (matcher.ts, `scanner`). */
    const holdsWhole = (line: string, key: string) =>
      new RegExp(String.raw`(?<![\p{L}\p{N}])${key}(?![\p{L}\p{N}])`, 'u').test(line.toLowerCase());
    let matched = 0;
    let grouped = 0;
    fc.assert(
      fc.property(
        row,
        fc.option(row, { nil: undefined }),
        fc.array(fc.constantFrom(...around), { maxLength: 5 }),
        fc.array(fc.constantFrom(...around), { maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }).map((kind) => kind > 0),
        ([first, text], other, before, after, shown) => {
          let name = 0;
          const source = `${first}${other ? `|${other[0]}` : ''}`.replaceAll('(?<g>', () => `(?<g${++name}>`);
          const checked = checkRegex(source);
          if (!('keys' in checked)) return;
          if (source.includes('(')) grouped++;
          const line = [...before, shown ? text : '', ...after].join('');
          if (!RE2JS.compile(checked.expression, REGEX_FLAGS).test(line)) return;
          matched++;
          expect(
            checked.keys.some((key) => holdsWhole(line, key)),
            `${source} (keys ${checked.keys.join(', ')}) on ${JSON.stringify(line)}`,
          ).toBe(true);
        },
      ),
      { numRuns: Number(process.env['SIGNPOST_KEY_RUNS'] ?? 8_000), seed: 20270114 },
    );
    expect(matched).toBeGreaterThan(250);
    expect(grouped).toBeGreaterThan(200);
    // SIGNPOST_KEY_RUNS=150000 runs it longer (checked: 6,742 lines matched, every key held).
  }, 120_000);

  it('runs in time linear in the line, however its expression nests', () => {
    // Each of these takes longer than a test may run on a backtracking engine, on lines of 50 characters.
    const run = 'a'.repeat(MOST_LINE_CHARS - 10);
    const cases: [string, string, string][] = [
      ['\\berror\\b (?:a|a)*!', `error ${run}!`, `error ${run}b`],
      ['\\berror\\b (a+)+$', `error ${run}`, `error ${run}!`],
      ['(?<=^(?:\\w|\\w)* ?)\\berror\\b', `${run} error`, `${run}-error`],
      ['\\berror\\b (?:\\w+\\s?)*$', `error ${run}`, `error ${run}!`],
    ];
    for (const [source, matching, other] of cases) {
      const checked = checkRegex(source) as CheckedRegex;
      const [compiled] = compilePatterns(
        [
          {
            message: '',
            aliases: [],
            patterns: [],
            regexes: [{ source: checked.expression, keys: checked.keys, specificity: checked.specificity }],
          },
        ],
        RE2JS,
      );
      expect(compiled!.exec(matching), source).toBeDefined();
      expect(compiled!.exec(other), source).toBeUndefined();
    }
  });
});

/** A pattern as JavaScript ran it before RE2: each placeholder an atomic group, `(?=(…))\\1`. */
function atomicSource(pieces: Piece[]): string {
  const edge = String.raw`[\p{L}\p{N}]`;
  const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  let source = '';
  let group = 0;
  pieces.forEach((piece, index) => {
    if ('text' in piece) {
      const text = index === 0 ? piece.text.trimStart() : index === pieces.length - 1 ? piece.text.trimEnd() : piece.text;
      if (index === 0 && /[\p{L}\p{N}]/u.test(text[0] ?? '')) source += `(?<!${edge})`;
      source += text
        .split(/(\s+)/)
        .map((part) => (/^\s+$/.test(part) ? String.raw`\s+` : escape(part)))
        .join('');
      if (index === pieces.length - 1 && /[\p{L}\p{N}]/u.test(text.at(-1) ?? '')) source += `(?!${edge})`;
      return;
    }
    if (piece.placeholder === 'text') {
      source += '.*';
      return;
    }
    if (index === 0) source += `(?<!${edge})`;
    group++;
    const matched =
      piece.placeholder === 'number' ? String.raw`[-+]?\p{N}+(?:[.,]\p{N}+)*` : String.raw`[\p{L}\p{N}]+(?:[-_./:@#\\][\p{L}\p{N}]+)*`;
    source += `(?=(${matched}))\\${group}`;
  });
  return source;
}

describe('a paste where the reader is (a scope: the cards reached from the page)', () => {
  // A guide with a branch per product version: the same message on a card of each.
  const versions: MatchCard[] = [
    { message: 'License server refused the connection', aliases: [], patterns: ['License server refused the connection'], regexes: [] },
    { message: 'License server refused the connection', aliases: [], patterns: ['License server refused the connection'], regexes: [] },
    { message: 'Disk quota exceeded', aliases: [], patterns: [], regexes: [] },
  ];
  const versioned = new Matcher(versions, RE2JS);
  const only = (...allowed: number[]) => ({ card: (card: number) => allowed.includes(card), pattern: () => true });
  const line = '12:00:01 ERROR License server refused the connection (code 17)';

  it('offers equal matches in different branches side by side, opening none, when every card counts', () => {
    const result = versioned.match(line);
    expect(result.clear).toBeUndefined();
    expect(result.best.map((hit) => hit.card)).toEqual([0, 1]);
    expect(result.equal).toBe(2);
  });

  it('opens the card of the branch it is pasted in', () => {
    expect(versioned.match(line, only(1, 2)).clear?.card).toBe(1);
    expect(versioned.match(line, only(0)).clear?.card).toBe(0);
    // The message alone, compared by its words, as well.
    expect(versioned.match('License server refused the connection', only(1)).clear?.card).toBe(1);
    expect(versioned.match('License server refused the connection', only(1)).best.map((hit) => hit.card)).toEqual([1]);
  });

  it('leaves out the patterns a page does not apply (`within` another branch): the card is only alike then', () => {
    const scoped = { card: () => true, pattern: (card: number) => card !== 0 };
    const result = versioned.match(line, scoped);
    // Card 1's pattern matched; card 0's was not tried, and its message on a line another card's pattern matched is not offered.
    expect(result.clear?.card).toBe(1);
    expect(result.best.map((hit) => [hit.card, hit.how])).toEqual([[1, 'pattern']]);
  });

  it('finds no card for a paste outside the scope, and counts equal ones as one when they are not', () => {
    const result = versioned.match('ERROR Disk quota exceeded on /var', only(0, 1));
    expect(result.best).toEqual([]);
    expect(result.equal).toBe(0);
    // Two errors on two lines are not equal: the first is the cause.
    const two = versioned.match(`${line}\nDisk quota exceeded`);
    expect(two.best[0]!.line).toBe(1);
    expect(two.equal).toBe(2);
    expect(versioned.match(`Disk quota exceeded\n${line}`, only(0, 2)).equal).toBe(1);
  });

  it('offers no card for output no card is about: only generic words shared are no likeness', () => {
    for (const paste of [
      'INFO all good\nINFO nothing to report',
      'Error: something went wrong. Please try again later.',
      'fatal: unknown error',
    ]) {
      expect(matcher.match(paste).best, paste).toEqual([]);
    }
  });
});

describe("a page's scope as its <html> names it (render/paste-data.ts)", () => {
  it('reads ranges of card numbers and the `within` targets that apply', () => {
    const data = {
      guides: [],
      id: [],
      w: [],
      p: [],
      r: [],
      s: [[4, 1, 0] as [number, number, number], [5, 0, 1] as [number, number, number]],
    };
    const scope = readScope(data, '0-2 4 7-9', '1')!;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 9, 10].map(scope.card)).toEqual([true, true, true, false, true, false, false, true, true, false]);
    // Card 4's second pattern is scoped within target 0, which this page does not name; card 5's within 1, which it does.
    expect([scope.pattern(4, 0), scope.pattern(4, 1), scope.pattern(5, 0)]).toEqual([true, false, true]);
    // A page that names no scope matches every card.
    expect(readScope(data, undefined, undefined)).toBeUndefined();
  });
});

describe('the words a paste no card matches is searched for (core/match/message.ts)', () => {
  it("are the first error line's message, without its time, place, level, generic words and the words with digits", () => {
    expect(messageWords('$ product --sync\n12:00:05 ERROR Disk quota exceeded on /var/lib/product\n12:00:06 INFO exiting')).toEqual({
      line: '12:00:05 ERROR Disk quota exceeded on /var/lib/product',
      words: 'Disk quota exceeded var lib product',
    });
    expect(messageWords('src/main.c:12:3: fatal: cannot open include file x86.h').words).toBe('open include file');
    // No line reads as an error: the last one, as a log ends with what went wrong.
    expect(messageWords('starting\n  \nwaiting for the license\n').words).toBe('waiting license');
    expect(messageWords('   ').words).toBe('');
  });

  it("leave out the fields a log writes after its time (PostgreSQL's log_line_prefix), not the message's own start", () => {
    const line =
      '2025-03-10 09:14:02 UTC [48213] app@app ssl=on certificate=/etc/ssl/cert.pem LOG:  could not receive data from client: Connection reset by peer';
    expect(messageWords(line).words).toBe('receive data from client Connection reset by peer');
    expect(messageWords('2025-03-10 09:14:02.123 CEST [48213-1] [unknown]@[unknown] FATAL:  sorry, too many clients already').words).toBe(
      'too many clients already',
    );
    // A field ending with a colon is the message's: `git@github.com:` stays.
    expect(messageWords('12:03:44 git@github.com: Permission denied (publickey).').words).toBe(
      'git github com Permission denied publickey',
    );
    // Without a time in front, a line is not a log's: nothing is read as its fields.
    expect(messageWords('app@app ssl=on broke').words).toBe('app app ssl broke');
  });

  it('keep generic words when nothing else is left, and are none for a message of no word to search for', () => {
    expect(messageWords('Something went wrong').words).toBe('Something went wrong');
    expect(messageWords('Error 500').words).toBe('');
  });
});
