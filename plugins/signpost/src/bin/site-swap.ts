/**
 * The output of a build, replaced in one atomic step.
 *
 * `dist` is a symbolic link to the current build, kept beside it in `.dist.builds/`:
 *
 * ```text
 * dist -> .dist.builds/b-1767225600000-4242      (a relative link)
 * .dist.builds/
 *   .signpost-builds                             (the marker: this folder is ours)
 *   lock                                         (while a build runs: its pid)
 *   b-1767225600000-4242/                        (the current site)
 *   b-1767225660000-4343.partial/                (a build being written)
 * ```
 *
 * A build writes `<id>.partial`, renames it to `<id>` once complete, makes a new link beside
 * the old one and renames it over `dist`: `rename` of a link is atomic, so `dist` is always the
 * previous complete site or the new one. The folder lives beside `dist` (same file system) so
 * both renames stay renames.
 *
 * A lock file in the folder of builds (see build-lock.ts) keeps two builds from writing one
 * output at once, even builds of two projects. Under it, each build first recovers what an
 * interrupted one left: a missing `dist` is linked to the newest complete build, and every other
 * folder (partial builds, old sites, stray links) is removed.
 *
 * Each complete build holds its manifest (site-manifest.ts), written just before it is marked
 * complete. A real `dist/` folder holding an earlier build (checked against its manifest) is
 * moved aside and replaced by the link: between those two renames, the one moment that is not
 * atomic, `dist` is missing; a build killed there leaves the new complete site beside it, which
 * the next build links. A build asked to stop (a signal) is not killed in the swap: each step
 * checks, and undoes what was done (the old link, the moved folder) before it stops.
 */
import { lstatSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BuildLock } from './build-lock.ts';
import { writeManifest } from './site-manifest.ts';

/** The name of the file that marks a folder of builds as Signpost's. */
export const MARKER = '.signpost-builds';
/** A complete build's folder name: `b-<ms>-<pid>`, or `m-<ms>-<pid>` for a migrated earlier site. */
export const BUILD_ID = /^[bm]-\d{13}-\d+$/;
const LOCK = 'lock';

/** `<dir>/.<name>.builds` for `<dir>/<name>`. */
export function buildsFolderOf(out: string): string {
  return join(dirname(out), `.${basename(out)}.builds`);
}

/**
 * Steps where a test can stop the build (`SIGNPOST_TEST_HOOK=pause@linked` waits there, until
 * the build is asked to stop or is killed; `fail@rendered` throws there). Not for use outside
 * tests.
 */
export type Step = 'locked' | 'rendered' | 'complete' | 'migrating' | 'linked';

export async function testHook(step: Step, stop?: AbortSignal): Promise<void> {
  const hook = process.env['SIGNPOST_TEST_HOOK'];
  if (hook === `fail@${step}`) throw new Error(`injected failure at ${step}`);
  if (hook !== `pause@${step}`) return;
  process.stderr.write(`paused at ${step}\n`);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {}, 1 << 30);
    stop?.addEventListener('abort', () => resolve(clearInterval(timer)), { once: true });
  });
}

/** What `swap()` needs from the command. */
export interface SwapOptions {
  /** Signpost's version, for the manifest. */
  version: string;
  /**
   * Throws, as a one-line message, if the site now at the output would lose something by
   * being replaced: checked again just before it is, under the lock.
   */
  verify: () => Promise<void>;
  /** Aborted when a signal asks the build to stop: the swap then puts the output back. */
  stop: AbortSignal;
}

export class SiteSwap {
  /** The output path (`dist`), which becomes a link. */
  readonly out: string;
  /** The folder of builds beside it (`.dist.builds`). */
  readonly builds: string;
  readonly id = `b-${Date.now()}-${process.pid}`;
  readonly #lock: BuildLock;
  #staged = false;
  /** The staged build was renamed to its id: complete, but not yet what the output shows. */
  #complete = false;
  /** The real folder moved aside for the link, while the swap could still put it back. */
  #migrated: string | undefined;
  #swapped = false;
  /** The output links to this build for good: the swap no longer undoes it. */
  #committed = false;

  constructor(out: string) {
    this.out = out;
    this.builds = buildsFolderOf(out);
    this.#lock = new BuildLock(join(this.builds, LOCK));
  }

  /** Where this build writes its site until it is complete. */
  get staging(): string {
    return join(this.builds, `${this.id}.partial`);
  }

  /** Whether the output now links to this build for good (the previous site is being removed). */
  get committed(): boolean {
    return this.#committed;
  }

  /**
   * Takes the output's lock (builds of other projects may write the same output), waiting
   * while another live build holds it.
   */
  async lock(onWait?: (pid: number) => void, stop?: AbortSignal): Promise<void> {
    await mkdir(this.builds, { recursive: true });
    await writeFile(
      join(this.builds, MARKER),
      'Builds of the site made by Signpost: the output is a link to one of them. Signpost manages this folder.\n',
    );
    await this.#lock.acquire(onWait);
    await testHook('locked', stop);
  }

  /** The build `dist` links to, if it is a link into the builds folder. */
  current(): string | undefined {
    try {
      const link = readlinkSync(this.out);
      const id = link.slice(basename(this.builds).length + 1);
      return link.startsWith(`${basename(this.builds)}/`) && BUILD_ID.test(id) ? id : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Repairs what an interrupted build left, under the lock: links a missing output to the
   * newest complete build, then removes every other build, partial build and stray link.
   * Returns the id it linked, if it had to.
   */
  async recover(): Promise<string | undefined> {
    let restored: string | undefined;
    if (!lstatSync(this.out, { throwIfNoEntry: false })) {
      const complete = readdirSync(this.builds).filter((name) => BUILD_ID.test(name) && statSync(join(this.builds, name)).isDirectory());
      // The newest build, before an earlier Signpost's migrated site (the ms of the name order them).
      const newest = (prefix: string) =>
        complete
          .filter((name) => name.startsWith(prefix))
          .sort()
          .at(-1);
      restored = newest('b-') ?? newest('m-');
      if (restored) await this.#link(restored);
    }
    await this.#clean(this.current());
    return restored;
  }

  /** Clears the staging folder, which Astro then writes the site into. */
  async stage(): Promise<void> {
    this.#staged = true;
    await rm(this.staging, { recursive: true, force: true });
  }

  /**
   * Writes the staged build's manifest, marks it complete, links the output to it, and removes
   * the previous site. Returns false, with the output as it was, if `stop` was aborted before
   * the previous site was removed: each step is checked, and a link already made is undone.
   */
  async swap({ version, verify, stop }: SwapOptions): Promise<boolean> {
    await testHook('rendered', stop);
    if (stop.aborted) return false;
    await writeManifest(this.staging, version);
    await verify();
    if (stop.aborted) return false;
    await rename(this.staging, join(this.builds, this.id));
    this.#staged = false;
    this.#complete = true;
    await testHook('complete', stop);
    if (stop.aborted) return false;
    const previous = this.current();
    const info = lstatSync(this.out, { throwIfNoEntry: false });
    try {
      if (info?.isDirectory()) {
        // A real folder holding an earlier build: moved aside, then replaced by the link. Until
        // the link's rename the output is missing; the next build links this complete build.
        this.#migrated = `m-${Date.now()}-${process.pid}`;
        await rename(this.out, join(this.builds, this.#migrated));
        await testHook('migrating', stop);
        if (stop.aborted) return (await this.#undo(previous), false);
      }
      await this.#link(this.id);
      this.#swapped = true;
      await testHook('linked', stop);
      if (stop.aborted) return (await this.#undo(previous), false);
    } catch (error) {
      await this.#undo(previous).catch(() => {});
      throw error;
    }
    this.#committed = true;
    await this.#clean(this.id);
    return true;
  }

  /** Puts the output back as it was before `swap()`: the previous link, the real folder, or nothing. */
  async #undo(previous: string | undefined): Promise<void> {
    if (previous !== undefined) await this.#link(previous);
    else if (this.#swapped || this.#migrated) await rm(this.out, { force: true });
    if (this.#migrated) {
      await rename(join(this.builds, this.#migrated), this.out);
      this.#migrated = undefined;
    }
    this.#swapped = false;
  }

  /** Points the output at a build: a new link beside the builds, renamed over the old link. */
  async #link(id: string): Promise<void> {
    const link = join(this.builds, `${id}.link`);
    await rm(link, { force: true });
    // Relative, so that the project folder can be moved or mounted elsewhere.
    await symlink(`${basename(this.builds)}/${id}`, link);
    await rename(link, this.out);
  }

  async #clean(keep: string | undefined): Promise<void> {
    for (const name of readdirSync(this.builds)) {
      if (name === MARKER || name === LOCK || name === `${LOCK}.break` || name === keep) continue;
      await rm(join(this.builds, name), { recursive: true, force: true });
    }
  }

  /**
   * Gives up: removes this build's unfinished or unused folder and releases the lock.
   * Synchronous, so that it can run on exit; each step is best effort. The output itself is
   * not touched here: `swap()` puts it back before it returns false or throws.
   */
  abandon(): void {
    const unused = [
      ...(this.#staged ? [this.staging] : []),
      ...(this.#complete && !this.#swapped && !this.#committed ? [join(this.builds, this.id)] : []),
    ];
    for (const folder of unused) {
      try {
        rmSync(folder, { recursive: true, force: true });
      } catch {
        // Left for the next build to remove.
      }
    }
    this.#staged = false;
    if (!this.#swapped) this.#complete = false;
    this.release();
  }

  /** Releases the output's lock, if this process holds it. */
  release(): void {
    this.#lock.release();
  }
}
