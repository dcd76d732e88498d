// One session per directory: a lock (proper-lockfile: an atomic mkdir of <dir>/.lock, its time kept
// fresh while the session lives) and, beside it, who holds it (pid, host, command, since when), so
// that a second session is refused with a message naming the holder and what to do. A holder on
// this host whose process is gone (kill -9) is known dead at once; one on another host, once its
// lock has not been refreshed for STALE_MS.
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { UsageError } from './errors.ts';
import { writeAtomic } from './files.ts';

export const LOCK = '.lock';
export const HOLDER = '.lock-holder.json';
/** A lock not refreshed for this long belongs to a session that is gone. */
export const STALE_MS = 120_000;

export interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
  job: string | null;
}

export function readHolder(dir: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, HOLDER), 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Whether the directory is locked by a live session (its holder, if it said who it is). */
export function lockedBy(dir: string): { locked: boolean; holder?: Holder } {
  const holder = readHolder(dir);
  let locked: boolean;
  try {
    locked = lockfile.checkSync(dir, { lockfilePath: join(dir, LOCK), stale: STALE_MS, realpath: false });
  } catch {
    return { locked: false };
  }
  if (locked && holder && holder.host === os.hostname() && holder.pid !== process.pid && !alive(holder.pid)) locked = false;
  return { locked, holder };
}

function describeHolder(h: Holder | undefined): string {
  if (!h) return 'another session (it has not said who it is yet)';
  return `pid ${h.pid} on host ${h.host}${h.job ? ` (job ${h.job})` : ''}, running \`${h.command.slice(0, 120)}\` since ${h.since}`;
}

/**
 * Take the directory's lock or refuse. `onLost` is called if the lock is taken away (a session that
 * was blocked so long that another thought it dead). Returns the release function.
 */
export function lockDirectory(dir: string, what: string, job: string | null, onLost: (message: string) => void): () => void {
  const options = { lockfilePath: join(dir, LOCK), stale: STALE_MS, realpath: false, onCompromised: (err: Error) => onLost(`the lock of ${dir} was lost: ${err.message}`) };
  let release: () => void;
  try {
    release = lockfile.lockSync(dir, options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const { locked, holder } = lockedBy(dir);
    // Its holder was on this host and its process is gone: take the lock over.
    if (locked) {
      throw new UsageError(
        `${dir} is in use by ${describeHolder(holder)}; wait for it to end (involution-lab status ${dir} shows it), or, if it is gone, remove ${join(dir, LOCK)} and ${join(dir, HOLDER)}` +
          (holder && holder.host !== os.hostname() ? ` (a lock unrefreshed for ${STALE_MS / 60_000} minutes is taken over by itself)` : ''),
      );
    }
    rmSync(join(dir, LOCK), { recursive: true, force: true });
    release = lockfile.lockSync(dir, options);
  }
  const holder: Holder = { pid: process.pid, host: os.hostname(), command: what, since: new Date().toISOString(), job };
  writeAtomic(join(dir, HOLDER), JSON.stringify(holder) + '\n');
  return () => {
    rmSync(join(dir, HOLDER), { force: true });
    try {
      release();
    } catch {
      // Already released or taken away: nothing of ours is left to remove.
    }
  };
}
