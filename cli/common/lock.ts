// One session per directory, for every command that writes one (experiment, calibrate, merge,
// report): a lock (proper-lockfile: an atomic mkdir of <dir>/.lock, its time kept fresh while the
// session lives) and, beside it, who holds it (pid, host, command, since when, and the lock's inode,
// which ties the holder to this very lock), so that a second session is refused with a message
// naming the holder. A lock nobody needs is taken over by itself, never by a person deleting files:
// - its holder is on this host and its process is gone (kill -9): at once;
// - it has no holder of its own (a session killed between the mkdir and writing its holder) and is
//   older than UNCLAIMED_MS (a live session names itself within milliseconds);
// - it has not been refreshed for STALE_MS (a holder on another host that is gone).
// A takeover happens under a second, short lock (.lock-takeover), so that of two sessions that both
// find the lock dead, one takes it and the other is told who has it.
import { readFileSync, rmSync, statSync, type Stats } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { asFileError, UsageError } from './errors.ts';
import { entriesOf, writeAtomic } from './files.ts';

export const LOCK = '.lock';
export const HOLDER = '.lock-holder.json';
export const TAKEOVER = '.lock-takeover';
/** A lock not refreshed for this long belongs to a session that is gone. */
export const STALE_MS = 120_000;
/** A lock without a holder of its own, this old, was left by a session killed as it took it. */
export const UNCLAIMED_MS = 10_000;

/** The lock's own files, which an otherwise empty directory may hold. */
export const isLockEntry = (name: string): boolean => name === LOCK || name === HOLDER || name === TAKEOVER;

/** Empty but for a lock and temporary files a killed session left (both are dealt with under the lock). */
export const isEmptyDirectory = (dir: string): boolean => entriesOf(dir).every((name) => isLockEntry(name) || /\.\d+\.tmp$/.test(name));

export interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
  job: string | null;
  /** Inode of the .lock directory this holder took (absent in holders written before it was recorded). */
  lock?: number;
}

export function readHolder(dir: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(join(dir, HOLDER), 'utf8')) as Holder;
    return h && typeof h === 'object' && typeof h.pid === 'number' && typeof h.host === 'string' ? h : undefined;
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

type LockState = { state: 'free' } | { state: 'live'; holder?: Holder } | { state: 'dead'; holder?: Holder };

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    // No directory there (yet), or not one: no lock; what is wrong with the path is reported by its own check.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw asFileError(err, 'read', path);
  }
}

/** Whether the directory's lock is free, held by a live session, or left by one that is gone. */
function lockState(dir: string, now = Date.now()): LockState {
  const s = statOrUndefined(join(dir, LOCK));
  if (!s) return { state: 'free' };
  const read = readHolder(dir);
  const holder = read && (read.lock === undefined || read.lock === s.ino) ? read : undefined;
  const age = now - s.mtimeMs;
  if (age > STALE_MS) return { state: 'dead', holder };
  if (!holder) return age > UNCLAIMED_MS ? { state: 'dead' } : { state: 'live' };
  if (holder.host === os.hostname() && holder.pid !== process.pid && !alive(holder.pid)) return { state: 'dead', holder };
  return { state: 'live', holder };
}

/** Whether the directory is locked by a live session (its holder, if it said who it is). */
export function lockedBy(dir: string): { locked: boolean; holder?: Holder } {
  const s = lockState(dir);
  return s.state === 'live' ? { locked: true, holder: s.holder } : { locked: false };
}

export function describeHolder(h: Holder | undefined): string {
  if (!h) return 'another session that is starting (it has not said who it is yet)';
  return `pid ${h.pid} on host ${h.host}${h.job ? ` (job ${h.job})` : ''}, running \`${h.command.slice(0, 400)}${h.command.length > 400 ? '…' : ''}\` since ${h.since}`;
}

function inUse(dir: string, holder: Holder | undefined): UsageError {
  const elsewhere = holder && holder.host !== os.hostname();
  return new UsageError(
    `${dir} is in use by ${describeHolder(holder)}; wait for it to end (involution-lab status ${dir} shows it)` +
      (elsewhere ? `; if that session is gone, its lock is taken over ${STALE_MS / 60_000} minutes after its last refresh` : ''),
  );
}

/** Refuse at once a directory another live session holds (before any other check of its contents). */
export function refuseIfInUse(dir: string): void {
  const s = lockState(dir);
  const ours = s.state === 'live' && s.holder?.pid === process.pid && s.holder.host === os.hostname();
  if (s.state === 'live' && !ours) throw inUse(dir, s.holder);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Take the directory's lock or refuse. `onLost` is called if the lock is taken away (a session that
 * was blocked so long that another thought it dead). Returns the release function.
 */
export function lockDirectory(dir: string, what: string, job: string | null, onLost: (message: string) => void): () => void {
  const lockPath = join(dir, LOCK);
  // proper-lockfile never removes a lock itself here (stale: Infinity): every takeover, stale ones
  // included, goes through the guard below, so that two sessions cannot both remove and take it.
  // The lock is refreshed every STALE_MS / 4; one whose time is no longer ours was taken over.
  const options = { lockfilePath: lockPath, stale: Infinity, update: STALE_MS / 4, realpath: false, onCompromised: (err: Error) => onLost(`the lock of ${dir} was lost: ${err.message}`) };
  const take = (): (() => void) => {
    const release = lockfile.lockSync(dir, options);
    try {
      const holder: Holder = { pid: process.pid, host: os.hostname(), command: what, since: new Date().toISOString(), job, lock: statSync(lockPath).ino };
      writeAtomic(join(dir, HOLDER), JSON.stringify(holder) + '\n');
    } catch (err) {
      release();
      throw err;
    }
    return release;
  };
  let release: (() => void) | undefined;
  // A few rounds: each either takes the lock, refuses (a live holder), or waits for another
  // session's takeover to end and looks again.
  for (let round = 0; release === undefined; round++) {
    // About UNCLAIMED_MS: long enough for a takeover guard left by a killed session to go stale.
    if (round > 500) throw inUse(dir, undefined);
    try {
      release = take();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw asFileError(err, 'lock', dir);
    }
    const state = lockState(dir);
    if (state.state === 'live') throw inUse(dir, state.holder);
    if (state.state === 'free') continue;
    // Left by a session that is gone: take it over, one session at a time.
    const guardPath = join(dir, TAKEOVER);
    let guard: () => void;
    try {
      guard = lockfile.lockSync(guardPath, { lockfilePath: guardPath, stale: UNCLAIMED_MS, realpath: false, onCompromised: () => {} });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw asFileError(err, 'lock', dir);
      // Another session is taking it over right now: look again shortly.
      sleep(25);
      continue;
    }
    try {
      // Looked at again under the guard: another session may have taken it over meanwhile.
      const again = lockState(dir);
      if (again.state === 'live') throw inUse(dir, again.holder);
      rmSync(join(dir, HOLDER), { force: true });
      rmSync(lockPath, { recursive: true, force: true });
      try {
        release = take();
      } catch (err) {
        // A session starting afresh took the freed lock first: it is live.
        if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw asFileError(err, 'lock', dir);
        const now = lockState(dir);
        throw inUse(dir, now.state === 'live' ? now.holder : undefined);
      }
    } finally {
      try {
        guard();
      } catch {
        // Already gone: nothing of ours is left to remove.
      }
    }
  }
  const held = release;
  const mine = readHolder(dir);
  return () => {
    // The holder file is removed only if it is still ours (not that of a session that took over).
    const now = readHolder(dir);
    if (now && mine && now.pid === mine.pid && now.host === mine.host && now.lock === mine.lock) rmSync(join(dir, HOLDER), { force: true });
    try {
      held();
    } catch {
      // Already released or taken away: nothing of ours is left to remove.
    }
  };
}

/** Run `work` holding the directory's lock (a command that writes a file into an existing directory). */
export async function withDirectoryLock<T>(dir: string, what: string, work: () => T | Promise<T>, warn: (message: string) => void = () => {}): Promise<T> {
  let lost: string | undefined;
  const release = lockDirectory(dir, what, null, (message) => (lost = message));
  try {
    return await work();
  } finally {
    if (lost) warn(lost);
    release();
  }
}
