// Where and with what an experiment ran: the machine, Node, and the model's git commit when known.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Machine {
  host: string;
  os: string;
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  workers: number;
}

export function machine(workers: number): Machine {
  return {
    host: os.hostname(),
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    workers,
  };
}

function git(args: string[]): string | null {
  try {
    // Run from this file's folder: inside the model's repository, wherever the user's cwd is.
    const cwd = dirname(fileURLToPath(import.meta.url));
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return null;
  }
}

/** The commit of the model's code, and whether tracked files differ from it; null outside git. */
export function gitCommit(): { commit: string | null; dirty: boolean | null } {
  const commit = git(['rev-parse', 'HEAD']);
  if (commit === null) return { commit, dirty: null };
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return { commit, dirty: status === null ? null : status !== '' };
}
