/**
 * Where the build may write: `--out` is refused, before any work, when building there could
 * destroy something — the guides, the project, the home folder, the file system's root, or a
 * file that is not part of a previous Signpost build (see site-manifest.ts).
 *
 * Paths are compared after resolving symbolic links (the real path of the nearest existing
 * ancestor, plus the rest), so a link to the project cannot sneak past. Both where the output
 * lies (its folder's real path and its name) and where it leads (when it is a link) are checked.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { shown as shownPath } from './common.ts';
import { firstEntry, firstLoss, MANIFEST, readManifest } from './site-manifest.ts';
import { BUILD_ID, buildsFolderOf, MARKER } from './site-swap.ts';

/** The real path of `path`, resolving links in its nearest existing ancestor; `path` need not exist. */
export function realPath(path: string): string {
  const absolute = resolve(path);
  const rest: string[] = [];
  for (let current = absolute; ; current = dirname(current)) {
    try {
      return join(realpathSync(current), ...rest.reverse());
    } catch {
      if (dirname(current) === current) return absolute;
      rest.push(basename(current));
    }
  }
}

/**
 * Where `path` (from `cwd`) is, as the file system goes there: a `..` after a symbolic link
 * goes up from where the link leads, as the shell's `cd -P` and every system call do, not
 * from the link's own folder as `path.resolve` does (`site-link/../out` is beside the site the
 * link leads to). The path as written is kept when it names the same place, for messages.
 */
export function physicalPath(cwd: string, path: string): string {
  const written = resolve(cwd, path);
  let current = isAbsolute(path) ? sep : cwd;
  for (const segment of path.split(sep)) {
    if (segment === '' || segment === '.') continue;
    current = segment === '..' ? dirname(realPath(current)) : join(current, segment);
  }
  return realPath(current) === realPath(written) ? written : current;
}

/** Whether `path` lies strictly inside `folder`. */
function inside(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

/** Whether `path` is `folder` or one of its parents. */
const holds = (path: string, folder: string) => path === folder || inside(folder, path);

export interface OutputPlaces {
  /** The folder of guides being built, once known (the site's config names it). */
  guides?: string;
  /** The project: the folder with astro.config.mjs and package.json. */
  root: string;
}

/** The first reason this real path must not be written, if any. */
function danger(path: string, places: OutputPlaces): string | undefined {
  const guides = places.guides === undefined ? undefined : realPath(places.guides);
  const root = realPath(places.root);
  const home = realPath(homedir());
  if (path === sep) return 'is the root of the file system: building there would delete everything; choose another folder, such as dist';
  if (path === root) return 'is the project folder: building there would delete the project; choose a folder inside it, such as dist';
  if (guides !== undefined && path === guides)
    return 'is the guides folder: building there would delete the guides; choose another folder, such as dist';
  if (holds(path, root))
    return `holds the project folder ${shownPath(root)}: building there would delete it; choose another folder, such as dist`;
  if (guides !== undefined && holds(path, guides))
    return `holds the guides folder ${shownPath(guides)}: building there would delete it; choose another folder, such as dist`;
  if (guides !== undefined && inside(path, guides))
    return `is inside the guides folder ${shownPath(guides)}: the site would be read as guides; choose a folder outside it, such as dist`;
  if (path === home) return 'is your home folder: building there would delete it; choose another folder, such as dist';
  if (holds(path, home))
    return `holds your home folder ${shownPath(home)}: building there would delete it; choose another folder, such as dist`;
  for (const name of ['src', 'public']) {
    const folder = realPath(join(places.root, name));
    if (path === folder) return `is the site's ${name}/ folder: building there would delete it; choose another folder, such as dist`;
    if (inside(path, folder)) {
      return `is inside the site's ${name}/ folder: Astro would read the built site as part of the next one; choose another folder, such as dist`;
    }
  }
  return undefined;
}

/** A folder of builds beside an output link, as `dist -> .dist.builds/<id>` (see site-swap.ts). */
const BUILDS_FOLDER = /^\..+\.builds$/;

/**
 * Why the real path `path` lies inside something the build must not write into, if it does: an
 * earlier Signpost build (a folder holding its manifest, or a folder of builds), where the site
 * would ship as part of that one and make it refused next time; or a `.git` or `node_modules`
 * folder, which tools own. Folders that hold the project itself are not judged for the latter:
 * a project may itself live in such a folder.
 */
function enclosing(path: string, root: string): string | undefined {
  for (let folder = dirname(path); dirname(folder) !== folder; folder = dirname(folder)) {
    const name = basename(folder);
    if (BUILDS_FOLDER.test(name) || existsSync(join(folder, MANIFEST))) {
      return `is inside the Signpost build ${shownPath(folder)}: the site would ship inside that one; choose a folder outside it, such as dist`;
    }
    if ((name === '.git' || name === 'node_modules') && !holds(folder, root)) {
      return `is inside ${shownPath(folder)}, a ${name} folder that tools own; choose another folder, such as dist`;
    }
  }
  return undefined;
}

/** What the output path holds now. */
export type OutputState = { kind: 'missing' } | { kind: 'link'; id: string } | { kind: 'folder' };

/**
 * Throws the reason the site shown at `--out` (`subject`), in the folder `site`, must not be
 * replaced: it is not a Signpost build (no manifest, or one Signpost did not write) and holds
 * something, or it holds something its manifest does not list, or a listed file changed.
 */
export async function refuseLoss(subject: string, site: string): Promise<void> {
  const read = await readManifest(site);
  if (!('manifest' in read)) {
    const first = await firstEntry(site);
    if (first === undefined) return;
    const why = 'missing' in read ? `it has no ${MANIFEST}` : `its ${MANIFEST} is not one Signpost wrote: ${read.invalid}`;
    throw new Error(
      `${subject} is a folder that is not a Signpost build (${why}), and the build would delete what it holds, such as ${shownPath(first)}; empty it, remove it, or choose another folder`,
    );
  }
  const loss = await firstLoss(site, read.manifest);
  if (!loss) return;
  const path = shownPath(loss.path);
  if ('changed' in loss) {
    throw new Error(
      `${subject} holds ${path}, changed since Signpost built it: the build would overwrite the change; move it out of the folder, or make the change in the guides or public/`,
    );
  }
  throw new Error(
    `${subject} holds ${path}${loss.link === undefined ? '' : ` (a link to ${shownPath(loss.link)})`}, which Signpost did not build: the build would delete it; move it out of the folder, or into public/ to publish it with the site`,
  );
}

/**
 * Throws the reason `--out` (as typed, `value`; resolved, `out`) must not be written, where it
 * lies or where it leads, when building there could destroy one of `places`.
 */
export function refuseDangerous(value: string, out: string, places: OutputPlaces): void {
  const subject = `--out ${shownPath(value)}`;
  const location = join(realPath(dirname(out)), basename(out));
  const locationDanger = danger(location, places);
  if (locationDanger) throw new Error(`${subject} ${locationDanger}`);
  // Where the output lies, not where its link leads: the output link leads into its own builds.
  const within = enclosing(location, realPath(places.root));
  if (within) throw new Error(`${subject} ${within}`);
  const target = realPath(out);
  const targetDanger = target === location ? undefined : danger(target, places);
  if (targetDanger) throw new Error(`${subject} (a link to ${shownPath(target)}) ${targetDanger}`);
}

/**
 * Checks `--out` (as typed, `value`; resolved, `out`) and says what it holds; throws the reason
 * it is refused as a message for one line. The site it holds now (a folder, or the build it
 * links to) may be replaced only when its manifest lists all of it (see site-manifest.ts).
 */
export async function checkOutput(value: string, out: string, places: OutputPlaces): Promise<OutputState> {
  refuseDangerous(value, out, places);
  const subject = `--out ${shownPath(value)}`;
  const location = join(realPath(dirname(out)), basename(out));

  const builds = buildsFolderOf(location);
  const ours = existsSync(join(builds, MARKER));
  if (existsSync(builds) && !ours && readdirSync(builds).length > 0) {
    throw new Error(
      `${subject}: ${shownPath(builds)} is not a folder of Signpost builds, and the build would replace what it holds; remove it or choose another folder`,
    );
  }

  const info = lstatSync(location, { throwIfNoEntry: false });
  if (!info) return { kind: 'missing' };
  if (info.isSymbolicLink()) {
    const link = readlinkSync(location);
    const id = link.startsWith(`${basename(builds)}/`) ? link.slice(basename(builds).length + 1) : '';
    if (!ours || !BUILD_ID.test(id)) {
      throw new Error(`${subject} is a link to ${shownPath(link)}, not a Signpost build; remove the link or choose another folder`);
    }
    // A link to a build that is gone shows no site: nothing to lose.
    if (statSync(join(builds, id), { throwIfNoEntry: false })?.isDirectory()) await refuseLoss(subject, join(builds, id));
    return { kind: 'link', id };
  }
  if (!info.isDirectory()) throw new Error(`${subject} is a file, not a folder; remove it or choose another folder`);
  await refuseLoss(subject, location);
  return { kind: 'folder' };
}
