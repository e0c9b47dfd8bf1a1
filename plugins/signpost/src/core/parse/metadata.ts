/**
 * Reads a guide's metadata from the YAML frontmatter of its `index.mdx`, validating it with
 * zod and reporting each problem at the line and column of the field at fault.
 */
import type { Root, Yaml } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { LIMITS, scanFrontmatter } from './limits.ts';
import type { $ZodIssue } from 'zod/v4/core';
import { flag } from '../problems.ts';
import { GuideMetaSchema, META_FIELDS, type GuideMeta } from '../schemas/metadata.ts';
import { didYouMean } from '../suggest.ts';

export interface MetaResult {
  meta: GuideMeta | undefined;
  /** The start node's id, kept even when other fields are invalid so the graph is still checked. */
  start: string | undefined;
  /** Where `start` is written, for the whole-guide check of the start node. */
  startPosition: Position | undefined;
}

export function frontmatterOf(tree: Root): Yaml | undefined {
  const first = tree.children[0];
  return first?.type === 'yaml' ? first : undefined;
}

/** Reads and validates the frontmatter of `index.mdx`. */
export function readMetadata(tree: Root, file: VFile): MetaResult {
  const yaml = frontmatterOf(tree);
  if (!yaml?.position) {
    const unclosed = /^---[ \t]*\r?\n/.test(String(file.value));
    const message = unclosed
      ? 'The frontmatter opened here is never closed; end it with a line `---`'
      : '`index.mdx` has no frontmatter; start it with `---`, `title: …`, `start: <first node id>`, `---`';
    flag(file, 'missing-metadata', message, { line: 1, column: 1 });
    return { meta: undefined, start: undefined, startPosition: undefined };
  }
  // The YAML text starts on the line after the opening `---`.
  const firstLine = yaml.position.start.line + 1;
  const none = { meta: undefined, start: undefined, startPosition: undefined };
  const tooDeep = scanFrontmatter(yaml.value);
  if (tooDeep) {
    // YAML's parser and `toJS` recurse: nesting is bounded before either runs.
    flag(file, 'limit-exceeded', tooDeep.message, { line: firstLine + tooDeep.place.line - 1, column: tooDeep.place.column });
    return none;
  }
  const lines = new LineCounter();
  const document = parseDocument(yaml.value, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const start = lines.linePos(offset);
    return {
      start: { line: firstLine + start.line - 1, column: start.col },
      end: { line: firstLine + start.line - 1, column: start.col },
    };
  };
  const span = (from: number, to: number): Position => ({ start: at(from).start, end: at(to).start });
  const opening = { start: yaml.position.start, end: yaml.position.start };

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      if (error.code === 'RESOURCE_EXHAUSTION') {
        flag(
          file,
          'limit-exceeded',
          `The frontmatter is too large or nests too deeply to read; write each field as \`name: value\``,
          at(error.pos[0]),
        );
        continue;
      }
      flag(
        file,
        'syntax-error',
        `Invalid YAML in frontmatter: ${firstSentence(error.message)}${error.code === 'DUPLICATE_KEY' ? '; delete one of the two' : ' (put a value in quotes when it contains `: ` or starts with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `@` or `%`)'}`,
        at(error.pos[0]),
      );
    }
    return none;
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: LIMITS.yamlAliases }) ?? {};
  } catch {
    // `toJS` throws (a ReferenceError) when aliases expand past the limit: a "billion laughs".
    let alias: YamlNode | undefined;
    visit(document, {
      Alias(_, node) {
        alias = node;
        return visit.BREAK;
      },
    });
    flag(
      file,
      'limit-exceeded',
      `The aliases (\`*name\`) of this frontmatter expand to more than ${LIMITS.yamlAliases} values; write the values out instead`,
      alias?.range ? at(alias.range[0]) : opening,
    );
    return none;
  }
  // `start: 007` is the id "007", not the number 7: take a number's text as written.
  const startScalar = document.get('start', true);
  if (isScalar(startScalar) && typeof startScalar.value === 'number' && startScalar.range && typeof data === 'object' && data) {
    (data as Record<string, unknown>)['start'] = yaml.value.slice(startScalar.range[0], startScalar.range[1]).trim();
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    flag(file, 'invalid-attribute', 'Frontmatter must be `field: value` lines, such as `title: My guide`', at(0));
    return { meta: undefined, start: undefined, startPosition: undefined };
  }
  const startNode = document.get('start', true) as YamlNode | undefined;
  const startPosition = startNode?.range ? span(startNode.range[0], startNode.range[1]) : opening;

  const parsed = GuideMetaSchema.safeParse(data);
  if (parsed.success) return { meta: parsed.data, start: parsed.data.start, startPosition };
  const startField = GuideMetaSchema.shape.start.safeParse((data as Record<string, unknown>)['start']);
  const start = startField.success ? startField.data : undefined;
  for (const issue of parsed.error.issues) {
    reportIssue(issue, data, document, file, at, opening);
  }
  return { meta: undefined, start, startPosition };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function reportIssue(
  issue: $ZodIssue,
  data: unknown,
  document: Document,
  file: VFile,
  at: (offset: number) => Position,
  opening: Position,
): void {
  const path = issue.path.map(String);
  const field = path.join('.');
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const keyNode = findKey(document, path, key);
      const known = path.length === 0 ? META_FIELDS : ['email', 'url', 'label'];
      const name = path.length === 0 ? key : `${field}.${key}`;
      const advice = didYouMean(key, known, `; the fields are ${known.map((k) => `\`${k}\``).join(', ')}`);
      flag(file, 'invalid-attribute', `Unknown field \`${name}\`${advice}`, keyNode?.range ? at(keyNode.range[0]) : opening);
    }
    return;
  }
  const missing = valueAt(data, path) === undefined;
  const node = document.getIn(path, true) as YamlNode | undefined;
  // A field whose value is a map (`support:`) is pointed at by its key, not its first entry.
  const key = isMap(node) ? findKey(document, path.slice(0, -1), path.at(-1)!) : undefined;
  const target = key ?? node;
  const place = target?.range ? at(target.range[0]) : opening;
  if (field === 'title') {
    const message = missing ? 'The guide has no `title`; add `title: …` to the frontmatter' : `Invalid \`title\`: ${issue.message}`;
    flag(file, 'missing-title', message, place);
  } else if (field === 'start') {
    const message = missing
      ? 'The guide names no start node; add `start: <id of the first node>` to the frontmatter'
      : `Invalid \`start\`: ${issue.message}`;
    flag(file, 'missing-start', message, place);
  } else {
    flag(file, 'invalid-attribute', `Invalid \`${field}\`: ${missing ? 'missing' : issue.message}`, place);
  }
}

function valueAt(data: unknown, path: string[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function findKey(document: Document, path: string[], key: string): YamlNode | undefined {
  const map = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
  }
  return undefined;
}
