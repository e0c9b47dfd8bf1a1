/**
 * Finds guide folders and their `.mdx` files, on any file system a writer or an operator may
 * point `check` at (`check -- /` included): the walk is bounded in depth and in entries, never
 * crosses into another file system (`/proc`, `/sys`), never follows a link to a folder, and
 * notes what it skips (folder-model.ts) instead of skipping it without a word: the folder
 * rules say which of it is a mistake.
 *
 * Synchronous: the walk asks only for names and sizes, a few hundred calls of microseconds
 * each, and a check in the dev server is then one pass that the server's other work does not
 * cut into.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join, sep } from 'node:path';
import { LIMITS } from '../parse/limits.ts';
import type { EntryKind, FolderFact } from './folder-model.ts';

export const INDEX_FILE = 'index.mdx';

const isMdx = (name: string): boolean => name.endsWith('.mdx');
const isHidden = (name: string): boolean => name.startsWith('.');

/**
 * The guide folders in `dir`: `dir` itself when it holds `.mdx` files, else each of its
 * sub-folders that holds `.mdx` files (in it or one folder down) or nothing yet (the
 * `guide/<slug>/` layout). Other folders (`images/`, or `/usr` when `check -- /`) are no
 * guides. When `dir` cannot be read, `undefined`, with the fact added to `facts`.
 */
export function findGuideDirs(dir: string, facts: FolderFact[]): string[] | undefined {
  const before = facts.length;
  const entries = listFolder(dir, facts);
  if (!entries) return undefined;
  if (entries.some((entry) => (entry.isFile() || entry.isSymbolicLink()) && isMdx(entry.name))) {
    // The walk of the guide lists this folder again and notes its names then.
    facts.length = before;
    return [dir];
  }
  const device = statOf(dir)?.dev;
  const guides: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules') continue;
    if (isHidden(entry.name)) {
      if (entry.isDirectory()) facts.push(hiddenFolder(path));
      continue;
    }
    if (entry.isSymbolicLink()) {
      if (statOf(path)?.isDirectory()) facts.push({ type: 'linked-folder', path });
      continue;
    }
    if (!entry.isDirectory()) continue;
    if (otherFileSystem(path, device, facts)) continue;
    if (mayBeGuide(path)) guides.push(path);
  }
  return guides;
}

/**
 * Whether a folder is a guide: it holds `.mdx` files, in it or in a folder of it, or nothing
 * (a guide just created, reported as empty), or it cannot be read (reported by the walk).
 */
function mayBeGuide(path: string): boolean {
  const entries = attempt(() => readdirSync(path, { withFileTypes: true }));
  if (!entries) return true;
  const visible = entries.filter((entry) => !isHidden(entry.name));
  if (visible.length === 0 || visible.some((entry) => isMdx(entry.name))) return true;
  for (const entry of visible.slice(0, 100)) {
    if (!entry.isDirectory() || entry.name === 'node_modules') continue;
    if ((attempt(() => readdirSync(join(path, entry.name))) ?? []).some(isMdx)) return true;
  }
  return false;
}

/**
 * A folder's entries in name order, or `undefined` with the fact that it could not be listed.
 * Names are read as bytes: Node would turn a name that is not UTF-8 into one with U+FFFD,
 * which names no file, so such a guide file or folder is noted here, by its bytes, and left out.
 */
function listFolder(dir: string, facts: FolderFact[]): Dirent[] | undefined {
  try {
    const entries: Dirent[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })) {
      const bytes = entry.name;
      if (isUtf8(bytes)) {
        entries.push(Object.assign(entry, { name: bytes.toString('utf8') }) as unknown as Dirent);
      } else if (entry.isDirectory() || bytes.subarray(-4).toString('latin1') === '.mdx') {
        facts.push({ type: 'name-not-utf8', path: dir, shown: shownName(bytes) });
      }
    }
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    facts.push({ type: 'unlisted', path: dir, code: (error as NodeJS.ErrnoException).code });
    return undefined;
  }
}

/** A file name's bytes as text: its UTF-8 as it is, each other byte as `\\xe9`. */
function shownName(bytes: Buffer): string {
  let shown = '';
  for (let at = 0; at < bytes.length;) {
    const lead = bytes[at]!;
    const length =
      lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    const sequence = bytes.subarray(at, at + Math.max(length, 1));
    if (length > 0 && sequence.length === length && isUtf8(sequence)) {
      shown += sequence.toString('utf8');
      at += length;
    } else {
      shown += `\\x${lead.toString(16).padStart(2, '0')}`;
      at += 1;
    }
  }
  return shown;
}

/** What `read` gives, or undefined when it throws (a file gone or unreadable meanwhile). */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function statOf(path: string): Stats | undefined {
  return attempt(() => statSync(path));
}

/** Notes a folder that lies on another file system (`/proc`, a mount), which is not walked. */
function otherFileSystem(path: string, device: number | undefined, facts: FolderFact[]): boolean {
  const info = attempt(() => lstatSync(path));
  if (device === undefined || info === undefined || info.dev === device) return false;
  facts.push({ type: 'other-file-system', path });
  return true;
}

/** A hidden folder (`.drafts/`, `.git`), and whether it holds `.mdx` files, in it or one folder down. */
function hiddenFolder(path: string): FolderFact {
  const entries = attempt(() => readdirSync(path, { withFileTypes: true })) ?? [];
  let holds = entries.some((entry) => isMdx(entry.name));
  for (const entry of entries.slice(0, 100)) {
    if (holds) break;
    if (entry.isDirectory() && !isHidden(entry.name)) {
      holds = (attempt(() => readdirSync(join(path, entry.name))) ?? []).some(isMdx);
    }
  }
  return { type: 'hidden', path, folder: true, holdsGuideFiles: holds };
}

/**
 * Every `.mdx` file under a guide folder, `index.mdx` first, then by path; `undefined` when the
 * folder is too large to be a guide (noted in `facts`, with what else the walk skipped).
 */
export function listGuideFiles(dir: string, facts: FolderFact[]): string[] | undefined {
  const root = attempt(() => realpathSync(dir)) ?? dir;
  const device = statOf(dir)?.dev;
  const files: string[] = [];
  let entriesSeen = 0;
  let bytes = 0;
  const folders: [folder: string, depth: number][] = [[dir, 0]];
  while (folders.length > 0) {
    const [folder, depth] = folders.pop()!;
    const entries = listFolder(folder, facts) ?? [];
    entriesSeen += entries.length;
    if (entriesSeen > LIMITS.guideEntries) {
      facts.push({ type: 'too-large', path: dir, what: 'entries' });
      return undefined;
    }
    const below: string[] = [];
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (isHidden(entry.name)) {
        if (entry.isDirectory()) facts.push(hiddenFolder(path));
        else if (isMdx(entry.name)) facts.push({ type: 'hidden', path, folder: false, holdsGuideFiles: true });
        continue;
      }
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || otherFileSystem(path, device, facts)) continue;
        if (depth + 1 > LIMITS.folderDepth) {
          facts.push({ type: 'too-deep', path, depth: depth + 1 });
          continue;
        }
        below.push(path);
      } else if (entry.isSymbolicLink()) {
        const { kind } = linkTarget(path, root);
        if (!isMdx(entry.name)) {
          if (kind === 'folder') facts.push({ type: 'linked-folder', path });
          continue;
        }
        if (kind === 'file') files.push(path);
        else
          facts.push(
            kind === 'missing' || kind === 'loop' || kind === 'outside'
              ? { type: 'link', path, leads: kind }
              : { type: 'not-regular', path, kind },
          );
      } else if (isMdx(entry.name)) {
        if (entry.isFile()) files.push(path);
        else facts.push({ type: 'not-regular', path, kind: kindOf(entry) });
      }
      // What will be read: a file past the size limit is refused on its own, unread.
      const size = files.at(-1) === path ? (statOf(path)?.size ?? 0) : 0;
      if (size <= LIMITS.fileBytes) bytes += size;
      if (bytes > LIMITS.guideBytes) {
        facts.push({ type: 'too-large', path: dir, what: 'bytes' });
        return undefined;
      }
      if (files.length > LIMITS.guideFiles) {
        facts.push({ type: 'too-large', path: dir, what: 'files' });
        return undefined;
      }
    }
    // Depth first, in name order.
    for (const path of below.reverse()) folders.push([path, depth + 1]);
  }
  return inGuideOrder(dir, files);
}

/** Guide files in the order a guide reads them: `index.mdx` first, then by path. */
export function inGuideOrder(dir: string, files: string[]): string[] {
  const index = join(dir, INDEX_FILE);
  return files.sort((a, b) => (a === index ? -1 : b === index ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The guide's files with the editor's buffers (`sources`) of new files among them: a file the
 * writer has not saved yet is checked as part of its guide. Only `.mdx` paths inside the guide
 * folder, in no hidden folder, count, as the walk would list them once saved.
 */
export function withUnsaved(dir: string, files: string[], sources: ReadonlyMap<string, string> | undefined): string[] {
  const unsaved = [...(sources?.keys() ?? [])].filter(
    (path) =>
      path.startsWith(dir + sep) &&
      isMdx(path) &&
      !files.includes(path) &&
      !path
        .slice(dir.length + 1)
        .split(sep)
        .some(isHidden),
  );
  return unsaved.length === 0 ? files : inGuideOrder(dir, [...files, ...unsaved]);
}

function kindOf(entry: Dirent | Stats): EntryKind {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  if (entry.isFIFO()) return 'FIFO';
  if (entry.isSocket()) return 'socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'device';
  return 'other';
}

/** Where a symbolic link leads: a file or folder inside the guide folder, outside it, or nowhere. */
function linkTarget(path: string, root: string): { kind: EntryKind | 'outside' | 'missing' | 'loop' } {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (error) {
    return { kind: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : 'missing' };
  }
  const info = statOf(target);
  if (!info) return { kind: 'missing' };
  if (info.isDirectory()) return { kind: 'folder' };
  if (!(target === root || target.startsWith(root + sep))) return { kind: 'outside' };
  return { kind: kindOf(info) };
}
