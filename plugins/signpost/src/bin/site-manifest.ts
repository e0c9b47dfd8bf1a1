/**
 * What a build wrote: `.signpost-manifest.json` at the top of every site `signpost build`
 * makes, listing each file with its size and SHA-256, and Signpost's version.
 *
 * ```json
 * { "signpost": "0.2.0", "files": [{ "path": "404.html", "size": 5120, "sha256": "9f86…" }, …] }
 * ```
 *
 * It is what makes a folder "an earlier Signpost build" that `--out` may replace: the folder
 * must hold the manifest, and nothing but the files it lists, each as it was written. A file
 * it does not list (an upload added by hand), a link, or a listed file whose bytes changed (a
 * page edited by hand) would be lost, so the build refuses, naming it.
 *
 * The manifest is only ever consulted, never followed: the folder is walked (without following
 * links) and each file found is looked up in it, so a hostile manifest listing `../../etc/passwd`
 * or an absolute path cannot make the build read or remove anything. Such a manifest, or one
 * that is not JSON, not a regular file or too large, is not one Signpost wrote: the folder is
 * then "not a Signpost build". The list is sorted and holds no time, so the same guides give
 * the same manifest, like every other file of the site.
 */
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { lstat, open, readdir, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The manifest's name: a dot-file, which the site's pages never link to. */
export const MANIFEST = '.signpost-manifest.json';
/** Past this size a manifest is not one Signpost wrote (a site of 100,000 files needs about 12 MB). */
const MANIFEST_BYTES = 64 * 1024 * 1024;
/** Opened without following a link and without waiting (a FIFO would block the open). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** A path inside the folder as the manifest gives it: `/` between names, none of them `.` or `..`. */
const RelativePath = z
  .string()
  .max(4096)
  .refine(
    (path) => path.split('/').every((name) => name !== '' && name !== '.' && name !== '..' && !name.includes('\0')),
    'a path outside the folder',
  );

/** The manifest as Signpost writes it; anything else is not Signpost's. */
const ManifestSchema = z.strictObject({
  /** The version of Signpost that built the site. */
  signpost: z.string().max(100),
  /** Every regular file the build wrote, by path, sorted by path, each once. */
  files: z
    .array(z.strictObject({ path: RelativePath, size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .max(1_000_000),
});

interface Listed {
  size: number;
  sha256: string;
}

/** A manifest that Signpost could have written: its files by path. */
export type Manifest = ReadonlyMap<string, Listed>;

/** The SHA-256 of a regular file, read through a handle opened without following a link. */
async function hashOf(file: string): Promise<string> {
  const handle = await open(file, READ_FLAGS);
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream('', { fd: handle.fd, autoClose: false })) hash.update(chunk as Buffer);
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every entry under `dir`, as paths with `/`, sorted, folders before what they hold; links are not followed. */
async function* walk(dir: string, prefix = ''): AsyncGenerator<{ path: string; kind: 'file' | 'folder' | 'link' | 'other' }> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  for (const entry of entries) {
    const path = `${prefix}${entry.name}`;
    const kind = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'link' : 'other';
    yield { path, kind };
    if (kind === 'folder') yield* walk(join(dir, entry.name), `${path}/`);
  }
}

/**
 * Writes the manifest of the site in `dir`: every regular file in it, with its size and hash.
 * A link or other special file is not listed (Astro and Vite copy files, not links), so a
 * later build refuses to delete it.
 */
export async function writeManifest(dir: string, version: string): Promise<void> {
  const files: { path: string; size: number; sha256: string }[] = [];
  for await (const { path, kind } of walk(dir)) {
    if (kind !== 'file' || path === MANIFEST) continue;
    const file = join(dir, path);
    files.push({ path, size: (await lstat(file)).size, sha256: await hashOf(file) });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A file a line, so that two manifests compare line by line.
  const lines = files.map((file) => JSON.stringify(file)).join(',\n');
  await writeFile(join(dir, MANIFEST), `{"signpost":${JSON.stringify(version)},"files":[\n${lines}\n]}\n`);
}

/**
 * The manifest at the top of `dir`; or why it is not one Signpost wrote (`missing` when there
 * is none).
 */
export async function readManifest(dir: string): Promise<{ manifest: Manifest } | { missing: true } | { invalid: string }> {
  const file = join(dir, MANIFEST);
  const info = await lstat(file).catch(() => undefined);
  if (!info) return { missing: true };
  if (!info.isFile()) return { invalid: 'it is not a regular file' };
  let text: string;
  try {
    const handle = await open(file, READ_FLAGS);
    try {
      // Checked on the handle: the file read is the file checked. One byte past the limit tells.
      if (!(await handle.stat()).isFile()) return { invalid: 'it is not a regular file' };
      const buffer = Buffer.alloc(Math.min((await handle.stat()).size, MANIFEST_BYTES) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MANIFEST_BYTES) return { invalid: 'it is larger than 64 MB' };
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return { invalid: 'it cannot be read as UTF-8 text' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { invalid: 'it is not JSON' };
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const outside = parsed.error.issues.find((issue) => issue.message === 'a path outside the folder');
    return { invalid: outside ? 'it lists a path outside the folder' : 'it is not in the form Signpost writes' };
  }
  const manifest = new Map<string, Listed>();
  for (const { path, size, sha256 } of parsed.data.files) {
    if (manifest.has(path)) return { invalid: `it lists ${path} twice` };
    manifest.set(path, { size, sha256 });
  }
  return { manifest };
}

/** What in a folder would be lost by replacing it: the first such entry, by path. */
export type Loss =
  /** An entry the manifest does not list (a file, a link, a FIFO…). */
  | { path: string; foreign: true; link?: string }
  /** A listed file whose size or bytes differ from what was written. */
  | { path: string; changed: true };

/**
 * The first entry of `dir` (in path order) that replacing it would lose: one the manifest does
 * not list, or a listed file that changed since. Folders are containers: one that holds only
 * listed files (or nothing) loses nothing. A listed file that is gone loses nothing either.
 */
export async function firstLoss(dir: string, manifest: Manifest): Promise<Loss | undefined> {
  for await (const { path, kind } of walk(dir)) {
    if (kind === 'folder' || path === MANIFEST) continue;
    const listed = manifest.get(path);
    if (kind === 'link') return { path, foreign: true, link: await readlink(join(dir, path)) };
    if (kind !== 'file' || !listed) return { path, foreign: true };
    const file = join(dir, path);
    if ((await lstat(file)).size !== listed.size || (await hashOf(file)) !== listed.sha256) return { path, changed: true };
  }
  return undefined;
}

/**
 * What deleting a folder would lose, to name in a message: its first file (or link…) by name
 * at the top, other than a manifest, else the first one deeper, else its first folder;
 * undefined when it holds nothing else.
 */
export async function firstEntry(dir: string): Promise<string | undefined> {
  const top = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.name !== MANIFEST);
  const file = top.filter((entry) => !entry.isDirectory()).sort(byName)[0];
  if (file) return file.name;
  let folder: string | undefined;
  for await (const { path, kind } of walk(dir)) {
    if (kind !== 'folder') return path;
    folder ??= path;
  }
  return folder;
}
