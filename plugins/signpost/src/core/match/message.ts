/**
 * The message of a pasted line, without what a log or a compiler writes in front of it: where
 * it starts (`messageStart`, which the matcher, `check` and the search box all read by), and
 * the words a search for it is offered (`messageWords`). Small and without imports: the search
 * box loads it with its own code, before the matcher is needed.
 */

/**
 * Words any error message may hold, which say nothing of which error it is: a line that shares
 * only these with a message is not like it (`Network error` is not *Amazon Advertising Error*).
 * They still count in how alike two wordings are once a telling word is shared.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'error errors err failed fail fails failure failing fatal exception warning warn problem issue unable cannot could ' +
    'not no please try again later retry something went wrong occurred unexpected unknown an the a is was has have ' +
    'be been to of in on for with while this that it your you we our sorry oops'
  ).split(' '),
);
const TIMESTAMP =
  /\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\]?|\[?\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\]?/y;
/** A compiler's or a linter's place: a file's path, its line and maybe its column (`src/a.c:12:3:`). */
const LOCATION = /(?:[A-Za-z]:)?[^\s:]+:\d+(?::\d+)?:/y;
const PATH_CHAR = /[/\\.]/;
const SPACES = /\s*/y;
/**
 * What a log writes after its time and before the message, one field at a time (PostgreSQL's
 * `log_line_prefix`, most servers' access logs): a time zone, a process id in brackets
 * (`[48213]`, `[48213-1]`), a user at a database or host (`app@app`), a setting (`ssl=on`).
 * Read only after a time, and never a field that ends with a colon: `git@github.com:` is the
 * message's own start.
 */
const LOG_FIELD =
  /(?:UTC|GMT|[PMCE][SD]T|CES?T|EES?T|WES?T|BST|IST|JST|KST|AE[SD]T|MSK|[+-]\d{2}:?\d{2}|\[\d+(?:[-.]\d+)?\]|[^\s:@=]*@[^\s:@=]*|[\w.-]+=[^\s]*)(?=\s)(?<!:)/y;

/**
 * Where the message of a line starts: after the times and places a log or a compiler writes in
 * front of it (`12:03:44`, `2024-05-01T10:00:00Z`, `src/sketch.ino:12:3:`), and after a time,
 * the fields a log writes next (`UTC [48213] app@app ssl=on`, see `LOG_FIELD`). Patterns and
 * the likeness to messages read the message only, so that the file a compiler names in front
 * of an error (which may be the name in another card's message), or a log's settings
 * (`certificate=/etc/ssl/cert.pem`), do not decide the card. Linear in the line: each piece is
 * read once, from where the last one ended.
 */
export function messageStart(line: string): number {
  let at = 0;
  let timed = false;
  for (;;) {
    SPACES.lastIndex = at;
    SPACES.exec(line);
    const from = SPACES.lastIndex;
    TIMESTAMP.lastIndex = from;
    if (TIMESTAMP.exec(line)) {
      at = TIMESTAMP.lastIndex;
      timed = true;
      continue;
    }
    LOCATION.lastIndex = from;
    const place = LOCATION.exec(line);
    if (place && PATH_CHAR.test(place[0].slice(0, place[0].indexOf(':', 2)))) {
      at = LOCATION.lastIndex;
      continue;
    }
    LOG_FIELD.lastIndex = from;
    if (timed && LOG_FIELD.exec(line) && LOG_FIELD.lastIndex > from) {
      at = LOG_FIELD.lastIndex;
      continue;
    }
    return at === 0 ? 0 : from;
  }
}

/** A line that reads as an error, which a paste's message most likely is. */
const ERRORISH = /\b(?:error|fail(?:ed|ure)?|fatal|denied|refused|cannot|can't|unable|invalid|exception|timed out|not found)\b/i;
/** A log's level in front of the message (`ERROR`, `[warn]`, `fatal:`, PostgreSQL's `LOG:`). */
const LEVEL = /^(?:\[?(?:trace|debug|info|notice|log|warn|warning|error|err|fatal|panic|critical|crit|severe)\]?:?\s+)+/i;
/** Words of the message a search is offered for: enough to find it, few enough for a short query. */
const MOST_QUERY_WORDS = 10;

/**
 * The line of a paste its message most likely is (the first that reads as an error, else the
 * last: a log ends with its error), and that message without what is in front of it
 * (`messageStart`) and without the log's level: what search is given for a paste.
 */
export function messageLine(text: string): { line: string; message: string } {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.find((found) => ERRORISH.test(found)) ?? lines.at(-1) ?? '';
  return { line, message: line.slice(messageStart(line)).replace(LEVEL, '') };
}

/**
 * The words of a paste's message a search is offered for: without those with digits (ids,
 * times, counts) and those of one letter, and without the generic ones (`GENERIC_WORDS`)
 * unless nothing else is left (`Something went wrong` is searched as it is). Empty when the
 * message has no word to search for (`Error 500`).
 */
export function messageWords(text: string): { line: string; words: string } {
  const { line, message } = messageLine(text);
  const words = (message.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 1 && !/\p{N}/u.test(word));
  const telling = words.filter((word) => !GENERIC_WORDS.has(word.toLowerCase()));
  return { line, words: (telling.length > 0 ? telling : words).slice(0, MOST_QUERY_WORDS).join(' ') };
}
