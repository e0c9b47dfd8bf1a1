/**
 * A lock file between build processes: created with O_EXCL and holding its owner's pid (and,
 * on Linux, the owner's start time, so that a reused pid is not mistaken for it). A second
 * build waits while the owner lives, and takes the lock over once the owner is gone (killed,
 * or crashed without releasing it).
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A lock file still empty, or a takeover still running, after this long was left by a dead process. */
const GRACE_MS = 5_000;

interface Holder {
  pid: number;
  started?: string;
}

/** The start time of a process from /proc, where there is one. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = startTime(holder.pid);
  return holder.started === undefined || started === undefined || started === holder.started;
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(holder.pid) && holder.pid > 0 ? holder : undefined;
  } catch {
    return undefined;
  }
}

function ageMs(file: string): number {
  const info = statSync(file, { throwIfNoEntry: false });
  return info ? Date.now() - info.mtimeMs : 0;
}

/** Creates a file only if it does not exist (O_EXCL); false when it does. */
function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

export class BuildLock {
  readonly file: string;
  #held = false;

  constructor(file: string) {
    this.file = file;
  }

  /** Takes the lock, waiting while a live process holds it; `onWait` hears once of whom it waits for. */
  async acquire(onWait?: (pid: number) => void): Promise<void> {
    const started = startTime(process.pid);
    const me = JSON.stringify({ pid: process.pid, ...(started ? { started } : {}) });
    let told = false;
    while (!createExclusive(this.file, me)) {
      const holder = readHolder(this.file);
      if (holder ? !isAlive(holder) : ageMs(this.file) > GRACE_MS) {
        this.#takeOver(holder);
        continue;
      }
      if (holder && !told) onWait?.(holder.pid);
      told ||= holder !== undefined;
      await sleep(200);
    }
    this.#held = true;
  }

  /**
   * Removes a dead process's lock. One process at a time does it (a second O_EXCL file), and
   * only if the lock is still the dead one's, so a lock just taken by a live build survives.
   */
  #takeOver(dead: Holder | undefined): void {
    const breaking = `${this.file}.break`;
    if (!createExclusive(breaking, String(process.pid))) {
      if (ageMs(breaking) > GRACE_MS) rmSync(breaking, { force: true });
      return;
    }
    try {
      const now = readHolder(this.file);
      const same = dead ? now?.pid === dead.pid && now.started === dead.started : now === undefined;
      if (same) rmSync(this.file, { force: true });
    } finally {
      rmSync(breaking, { force: true });
    }
  }

  /** Releases the lock if this process holds it. Synchronous: it also runs in signal handlers. */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    try {
      if (readHolder(this.file)?.pid === process.pid) unlinkSync(this.file);
    } catch {
      // A lock left behind is taken over by the next build, its owner being gone.
    }
  }
}
