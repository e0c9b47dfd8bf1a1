/**
 * The command's side of Astro's process (render-process.ts): starts it, hands what it says to
 * the command, and kills it. It runs as a process group of its own, so that one kill reaches
 * Pagefind's process too, and a terminal's Ctrl+C reaches the command alone, which then stops
 * it in order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { rmdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildPhase } from '../integration/command-line.ts';

/** What the command asks Astro's process for. */
export interface RenderJob {
  root: string;
  guides?: string;
  /** The folder to write the site into. */
  staging: string;
  base?: string;
  strict: boolean;
  /** The output's name in messages (`dist/`). */
  name: string;
  /** What to say when the staging folder cannot be written. */
  doing: string;
}

/** What Astro's process tells the command, one JSON message a line on `MESSAGES_FD`. */
export type RenderMessage =
  | { type: 'phase'; phase: BuildPhase }
  | { type: 'resolved'; guidesDir: string }
  | { type: 'done'; checked: { guides: number; nodes: number }; phases: Record<string, number>; maxRssKb: number };

/** The file descriptor of the message pipe in Astro's process. */
export const MESSAGES_FD = 3;

/** The process's entry, beside this module (`.ts` in the sources, `.js` once built). */
const ENTRY = new URL(`./render-process${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);

/**
 * The folder Astro's process runs in: the project's. Astro writes a static build's server
 * chunks (`.prerender/`, which import the project's packages) into `<cwd>/.astro/` when the
 * output is outside the working folder, but into the output itself when the output's path only
 * *starts with* the working folder's, as a string (`getOutDirWithinCwd`): a sibling such as
 * `/srv/help-live` beside the project `/srv/help`, where those imports find no packages. For
 * such an output Astro runs in the project's `.astro/` (which the command creates first), a
 * path no folder outside the project begins with.
 */
export function workingFolder(job: Pick<RenderJob, 'root' | 'staging'>): string {
  const sibling = job.staging.startsWith(job.root) && !job.staging.startsWith(job.root + sep);
  return sibling ? join(job.root, '.astro') : job.root;
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not there, or not empty: not ours to remove.
  }
}

export class Renderer {
  readonly #job: RenderJob;
  #child: ChildProcess | undefined;
  #exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  /** The exit code, once it has exited. */
  #code: number | null | undefined;

  constructor(job: RenderJob) {
    this.#job = job;
  }

  /**
   * Runs the build, handing each message to `onMessage` in order (the next waits for it);
   * resolves with how the process ended, once it has and every message was handled.
   */
  async run(onMessage: (message: RenderMessage) => Promise<void> | void): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(ENTRY), JSON.stringify(this.#job)], {
      cwd: workingFolder(this.#job),
      stdio: ['pipe', 'inherit', 'inherit', 'pipe'],
      detached: true,
    });
    this.#child = child;
    this.#exited = once(child, 'exit').then(([code, signal]) => {
      this.#code = code as number | null;
      return { code: code as number | null, signal: signal as NodeJS.Signals | null };
    });
    // Its standard input is the go-ahead, and nothing else; a closed pipe is not a failure.
    child.stdin!.on('error', () => {});
    const lines = createInterface({ input: child.stdio[MESSAGES_FD] as Readable });
    for await (const line of lines) await onMessage(JSON.parse(line) as RenderMessage);
    const ended = await this.#exited;
    // Astro leaves the folder it wrote its server chunks in, empty, in the working folder.
    if (workingFolder(this.#job) !== this.#job.root) removeIfEmpty(join(workingFolder(this.#job), '.astro'));
    return ended;
  }

  /** Lets the build go on past its setup, once the command has checked the output folder. */
  proceed(): void {
    this.#child?.stdin?.write('go\n');
  }

  /** Kills the process and everything it started (Pagefind), and waits until it is gone. */
  async stop(): Promise<void> {
    this.kill();
    await this.#exited;
  }

  /**
   * Kills the process group at once: the process, and Pagefind's process even when the
   * process itself is gone (it stops Pagefind only when it ends well). Synchronous: it also
   * runs on exit.
   */
  kill(): void {
    if (!this.#child?.pid || this.#code === 0) return;
    try {
      process.kill(-this.#child.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
