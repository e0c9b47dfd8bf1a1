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
 * A real `dist/` folder from before (an earlier Signpost's build) is moved aside and replaced by
 * the link: between those two renames, the one moment that is not atomic, `dist` is missing; a
 * build stopped there leaves the new complete site beside it, which the next build links.
 */
import { lstatSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BuildLock } from './build-lock.ts';

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
 * Steps where a test can stop the build (`SIGNPOST_TEST_HOOK=pause@linked` waits there to be
 * killed; `fail@rendered` throws there). Not for use outside tests.
 */
export type Step = 'locked' | 'rendered' | 'complete' | 'migrating' | 'linked';

export async function testHook(step: Step): Promise<void> {
  const hook = process.env['SIGNPOST_TEST_HOOK'];
  if (hook === `fail@${step}`) throw new Error(`injected failure at ${step}`);
  if (hook !== `pause@${step}`) return;
  process.stderr.write(`paused at ${step}\n`);
  await new Promise(() => setInterval(() => {}, 1 << 30));
}

export class SiteSwap {
  /** The output path (`dist`), which becomes a link. */
  readonly out: string;
  /** The folder of builds beside it (`.dist.builds`). */
  readonly builds: string;
  readonly id = `b-${Date.now()}-${process.pid}`;
  readonly #lock: BuildLock;
  #staged = false;
  #swapped = false;

  constructor(out: string) {
    this.out = out;
    this.builds = buildsFolderOf(out);
    this.#lock = new BuildLock(join(this.builds, LOCK));
  }

  /** Where this build writes its site until it is complete. */
  get staging(): string {
    return join(this.builds, `${this.id}.partial`);
  }

  /** Whether the output now links to this build. */
  get swapped(): boolean {
    return this.#swapped;
  }

  /**
   * Takes the output's lock (builds of other projects may write the same output), waiting
   * while another live build holds it.
   */
  async lock(onWait?: (pid: number) => void): Promise<void> {
    await mkdir(this.builds, { recursive: true });
    await writeFile(
      join(this.builds, MARKER),
      'Builds of the site made by Signpost: the output is a link to one of them. Signpost manages this folder.\n',
    );
    await this.#lock.acquire(onWait);
    await testHook('locked');
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

  /** Marks the staged build complete, links the output to it, and removes the previous one. */
  async swap(): Promise<void> {
    await testHook('rendered');
    await rename(this.staging, join(this.builds, this.id));
    this.#staged = false;
    await testHook('complete');
    const info = lstatSync(this.out, { throwIfNoEntry: false });
    if (info?.isDirectory()) {
      // An earlier Signpost's real folder: moved aside, then replaced by the link. Until the
      // link's rename, the output is missing; the next build links this complete build.
      await rename(this.out, join(this.builds, `m-${Date.now()}-${process.pid}`));
      await testHook('migrating');
    }
    await this.#link(this.id);
    this.#swapped = true;
    await testHook('linked');
    await this.#clean(this.id);
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
   * Gives up: removes this build's unfinished folder and releases the lock. Synchronous, so
   * that it can run in a signal handler or on exit; each step is best effort.
   */
  abandon(): void {
    if (this.#staged) {
      try {
        rmSync(this.staging, { recursive: true, force: true });
      } catch {
        // Left for the next build to remove.
      }
      this.#staged = false;
    }
    this.release();
  }

  /** Releases the output's lock, if this process holds it. */
  release(): void {
    this.#lock.release();
  }
}
