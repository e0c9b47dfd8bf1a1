/**
 * Reads a guide's metadata from the YAML frontmatter of its `index.mdx`, validating it with
 * zod. What YAML's parser or the schema refuses is noted as a fact with the line and column of
 * the field at fault (facts.ts): the file rules word it (`syntax-error`, `invalid-attribute`,
 * `missing-title`, `missing-start`, `missing-metadata`, `limit-exceeded`).
 */
import type { Root, Yaml } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { LIMITS, scanFrontmatter } from './limits.ts';
import type { $ZodIssue } from 'zod/v4/core';
import { note } from './file-model.ts';
import { GuideMetaSchema, META_FIELDS, SupportSchema, type GuideMeta } from '../schemas/metadata.ts';
import { closest } from '../suggest.ts';

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
    note(file, { type: 'no-frontmatter', unclosed: /^---[ \t]*\r?\n/.test(String(file.value)) });
    return { meta: undefined, start: undefined, startPosition: undefined };
  }
  // The YAML text starts on the line after the opening `---`.
  const firstLine = yaml.position.start.line + 1;
  const none = { meta: undefined, start: undefined, startPosition: undefined };
  const tooDeep = scanFrontmatter(yaml.value);
  if (tooDeep) {
    // YAML's parser and `toJS` recurse: nesting is bounded before either runs.
    const place = { line: firstLine + tooDeep.place.line - 1, column: tooDeep.place.column };
    note(file, { type: 'yaml-limit-breach', breach: { ...tooDeep, place } });
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
    for (const error of document.errors)
      note(file, { type: 'yaml-error', code: error.code, message: error.message, place: at(error.pos[0]) });
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
    note(file, { type: 'yaml-aliases', place: alias?.range ? at(alias.range[0]) : opening });
    return none;
  }
  // `start: 007` is the id "007", not the number 7: take a number's text as written.
  const startScalar = document.get('start', true);
  if (isScalar(startScalar) && typeof startScalar.value === 'number' && startScalar.range && typeof data === 'object' && data) {
    (data as Record<string, unknown>)['start'] = yaml.value.slice(startScalar.range[0], startScalar.range[1]).trim();
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    note(file, { type: 'frontmatter-not-map', place: at(0) });
    return { meta: undefined, start: undefined, startPosition: undefined };
  }
  const startNode = document.get('start', true) as YamlNode | undefined;
  const startPosition = startNode?.range ? span(startNode.range[0], startNode.range[1]) : opening;

  const fields = readFields(data as Record<string, unknown>, document, file, span);
  const parsed = GuideMetaSchema.safeParse(fields);
  if (parsed.success) return { meta: parsed.data, start: parsed.data.start, startPosition };
  const startField = GuideMetaSchema.shape.start.safeParse(fields['start']);
  const start = startField.success ? startField.data : undefined;
  for (const issue of parsed.error.issues) {
    noteIssue(issue, fields, document, file, at, span, opening);
  }
  return { meta: undefined, start, startPosition };
}

/** The fields of `support`, and how a message names them. */
const SUPPORT_FIELDS = Object.keys(SupportSchema.shape);

/**
 * The frontmatter's fields, with each unknown one noted at its name. A misspelt field
 * (`titel:`) is read as the one it was meant to be, so that the guide is not also reported as
 * having no title; other unknown fields are left out.
 */
function readFields(
  data: Record<string, unknown>,
  document: Document,
  file: VFile,
  span: (from: number, to: number) => Position,
): Record<string, unknown> {
  const known = (fields: string[], given: Record<string, unknown>, path: string[]): Record<string, unknown> => {
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(given)) {
      if (fields.includes(key)) {
        kept[key] = value;
        continue;
      }
      const proposal = closest(key, fields);
      const node = findKey(document, path, key);
      const name = [...path, key].join('.');
      const place = node?.range ? span(node.range[0], node.range[1]) : undefined;
      note(file, { type: 'unknown-field', name, nested: path.length > 0, proposal, fields, place });
      if (proposal !== undefined && !Object.hasOwn(given, proposal) && !Object.hasOwn(kept, proposal)) kept[proposal] = value;
    }
    return kept;
  };
  const fields = known(META_FIELDS, data, []);
  const support = fields['support'];
  if (support && typeof support === 'object' && !Array.isArray(support)) {
    fields['support'] = known(SUPPORT_FIELDS, support as Record<string, unknown>, ['support']);
  }
  return fields;
}

function noteIssue(
  issue: $ZodIssue,
  data: unknown,
  document: Document,
  file: VFile,
  at: (offset: number) => Position,
  span: (from: number, to: number) => Position,
  opening: Position,
): void {
  const path = issue.path.map(String);
  const field = path.join('.');
  const missing = valueAt(data, path) === undefined;
  const node = document.getIn(path, true) as YamlNode | undefined;
  // A field whose value is a map (`support:`) is pointed at by its key, not its first entry.
  const key = isMap(node) ? findKey(document, path.slice(0, -1), path.at(-1)!) : undefined;
  const target = key ?? node;
  const place = target?.range ? at(target.range[0]) : opening;
  // A field written as plain text (`support: hello@x.io`), for a message that shows what to write instead.
  const scalar =
    isScalar(node) && typeof node.value === 'string' && node.range
      ? { value: node.value, place: span(node.range[0], node.range[1]) }
      : undefined;
  const keyWritten = findKey(document, path.slice(0, -1), path.at(-1) ?? '') !== undefined;
  note(file, { type: 'field-refused', field, missing, reason: issue.message, place, scalar, keyWritten });
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
