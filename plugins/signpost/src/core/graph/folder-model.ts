/**
 * What reading folders finds, for the folder rules (rules/folder-rules.ts): the folder given
 * to `check` and each guide folder in it. The walk (guide-files.ts) and the reads
 * (load-guide.ts) judge nothing: they note what they met as facts, and the rule that owns a
 * mistake decides whether it is one and words it, as the file rules do with a file's facts
 * (parse/file-model.ts).
 */
import type { Problem } from '../problems.ts';
import type { SourceResult } from '../parse/source.ts';

/** What an entry of a folder is. */
export type EntryKind = 'file' | 'folder' | 'FIFO' | 'socket' | 'device' | 'other';

/** One thing the walk or a read met, at `path`. */
export type FolderFact =
  /** A folder that could not be listed; `code` is the system's (`ENOENT`, `ENOTDIR`, `EACCES`). */
  | { type: 'unlisted'; path: string; code: string | undefined }
  /** An entry of the folder `path` whose name is not UTF-8, shown by its bytes (`b\xe9.mdx`). */
  | { type: 'name-not-utf8'; path: string; shown: string }
  /** A hidden folder or `.mdx` file (its name starts with `.`), and whether it holds `.mdx` files. */
  | { type: 'hidden'; path: string; folder: boolean; holdsGuideFiles: boolean }
  /** A symbolic link to a folder: the walk never follows one. */
  | { type: 'linked-folder'; path: string }
  /** A folder on another file system (`/proc`, a mount): the walk never goes into one. */
  | { type: 'other-file-system'; path: string }
  /** A `.mdx` name that is no regular file, or a symbolic link to one that is not. */
  | { type: 'not-regular'; path: string; kind: EntryKind }
  /** A `.mdx` name that is a symbolic link to nothing, to itself through a loop, or out of the guide. */
  | { type: 'link'; path: string; leads: 'missing' | 'loop' | 'outside' }
  /** A folder `depth` folders deep in its guide, past the limit: not walked. */
  | { type: 'too-deep'; path: string; depth: number }
  /** A guide folder whose walk stopped at a bound: on its entries, its bytes or its files. */
  | { type: 'too-large'; path: string; what: 'entries' | 'bytes' | 'files' }
  /** A guide file that was not read as text, and what reading it found instead. */
  | { type: 'unread'; path: string; source: Unread };

/** What `readSource` gives of a file it did not read as text. */
export type Unread = Exclude<SourceResult, { text: string } | { unchanged: string }>;

/** The folder given to `check` (or a site's folder of guides), as the folder rules read it. */
export interface GuidesFolder {
  kind: 'guides';
  dir: string;
  /** The guide folders found in it; undefined when it could not be listed. */
  guideDirs: string[] | undefined;
  facts: FolderFact[];
}

/** A guide folder, read, as the folder rules read it. */
export interface GuideFolder {
  kind: 'guide';
  dir: string;
  /** The folder's name: the guide's URL. */
  slug: string;
  /** Its `index.mdx`. */
  index: string;
  /** Its `.mdx` files, `index.mdx` first; undefined when the walk stopped (a fact says why). */
  files: string[] | undefined;
  /** How many nodes its files hold. */
  nodes: number;
  /** The problems its files have, as parsed: a guide of no nodes is explained by some of them. */
  fileProblems: readonly Problem[];
  facts: FolderFact[];
}

export type FolderModel = GuidesFolder | GuideFolder;

/** The facts of one type, in the order they were met. */
export function* folderFacts<T extends FolderFact['type']>(model: FolderModel, type: T): Generator<Extract<FolderFact, { type: T }>> {
  for (const fact of model.facts) if (fact.type === type) yield fact as Extract<FolderFact, { type: T }>;
}
