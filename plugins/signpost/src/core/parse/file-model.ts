/**
 * What parsing one file gives the file rules (rules/file-rules.ts): its text and tree, the
 * nodes and metadata extraction built from them, and the facts extraction noted on the way.
 * Extraction judges nothing: where it has to decide something to build the model (a misspelt
 * directive read as the one meant, a pattern that does not compile left out), it notes what it
 * found as a fact (facts.ts), and the rule that owns the mistake words it. Everything else the
 * rules read from the tree and the nodes themselves, as remark-lint's rules read `(tree, file)`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { GuideNode } from '../graph/model.ts';
import type { MetaResult } from './metadata.ts';
import type { ParseFact } from './facts.ts';
import type { RegexVerdicts } from '../match/regex.ts';

/** One parsed guide file, as the file rules read it. */
export interface FileModel {
  /** Absolute path of the file: where every finding of the file rules is reported. */
  path: string;
  /** The file's text as parsed (bad UTF-8 bytes replaced). */
  text: string;
  /** Whether the file is the guide's `index.mdx`, whose frontmatter holds the guide's metadata. */
  isIndex: boolean;
  /** The mdast tree, after extraction; absent when the file could not be parsed or was refused before parsing. */
  tree: Root | undefined;
  /** The tree was parsed without MDX after a syntax error (MDX comments read as text). */
  recovered: boolean;
  /** The nodes extraction built, in source order. */
  nodes: GuideNode[];
  /** The guide's metadata, when the file is `index.mdx` and was parsed. */
  meta: MetaResult | undefined;
  /** What parsing and extraction noted, in the order they met it. */
  facts: ParseFact[];
  /** The same facts by type, each list in that order: most rules read one or two types. */
  byType: ReadonlyMap<ParseFact['type'], readonly ParseFact[]>;
}

declare module 'vfile' {
  interface DataMap {
    /** The facts noted while parsing this file (`note`), for its `FileModel`. */
    signpostFacts: ParseFact[];
    /**
     * What each `regex="…"` was found to be, shared by the files a checker parses
     * (core/memory.ts): the same expression on many cards is analysed once.
     */
    signpostVerdicts: RegexVerdicts;
  }
}

/** Notes a fact on the file being read: the way vfile carries what plugins learn of a file. */
export function note(file: VFile, fact: ParseFact): void {
  (file.data.signpostFacts ??= []).push(fact);
}

/** The facts noted on a file so far. */
function factsOf(file: VFile): ParseFact[] {
  return file.data.signpostFacts ?? [];
}

/** The model of a file read into `file`: its tree, nodes and metadata as given, its facts as noted. */
export function fileModel(
  file: VFile,
  parts: { isIndex: boolean; tree: Root | undefined; recovered?: boolean; nodes?: GuideNode[]; meta?: MetaResult | undefined },
): FileModel {
  const facts = factsOf(file);
  const byType = new Map<ParseFact['type'], ParseFact[]>();
  for (const fact of facts) {
    const list = byType.get(fact.type);
    if (list) list.push(fact);
    else byType.set(fact.type, [fact]);
  }
  return {
    path: file.path,
    text: String(file.value),
    isIndex: parts.isIndex,
    tree: parts.tree,
    recovered: parts.recovered ?? false,
    nodes: parts.nodes ?? [],
    meta: parts.meta,
    facts,
    byType,
  };
}

/** The facts of one type, in the order they were noted. */
export function factsOfType<T extends ParseFact['type']>(model: FileModel, type: T): readonly Extract<ParseFact, { type: T }>[] {
  return (model.byType.get(type) ?? []) as readonly Extract<ParseFact, { type: T }>[];
}

/**
 * The facts of some types, in the order they were noted (merged from `byType`), for a rule
 * whose findings of several kinds must keep the order extraction met them in.
 */
export function factsOfTypes<T extends ParseFact['type']>(model: FileModel, types: readonly T[]): Extract<ParseFact, { type: T }>[] {
  const lists = types.map((type) => model.byType.get(type)).filter((list) => list !== undefined);
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0] as Extract<ParseFact, { type: T }>[];
  const wanted = new Set<ParseFact['type']>(types);
  return model.facts.filter((fact) => wanted.has(fact.type)) as Extract<ParseFact, { type: T }>[];
}
