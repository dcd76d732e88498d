// The command line for another user. Tests that run it under a different uid (a normal user who
// cannot create files in /dev) need a copy that user can read: a checkout under /root or in a
// `mktemp -d` folder is not readable by `nobody`. `cliFor` returns the checkout's bin when the user
// can read it, and otherwise the same CLI built from the same sources into one self-contained file
// in a world-readable temporary folder (its packages inlined; the `run` command needs no worker).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'involution-lab.mjs');

export interface User {
  uid: number;
  gid: number;
}

/** Whether the user can read the checkout's bin, its built CLI and its packages. */
export function canRead(user: User, files = [BIN, join(ROOT, 'dist', 'cli.mjs'), join(ROOT, 'node_modules', 'zod', 'package.json')]): boolean {
  const probe = 'for (const f of process.argv.slice(1)) require("node:fs").accessSync(f, require("node:fs").constants.R_OK)';
  return spawnSync(process.execPath, ['-e', probe, ...files], { ...user, cwd: '/', stdio: 'ignore' }).status === 0;
}

/** The CLI as one file the user can read; the folder it is in (to remove afterwards), if one was made. */
export async function cliFor(user: User): Promise<{ bin: string; dir?: string }> {
  if (canRead(user)) return { bin: BIN };
  const dir = mkdtempSync(join(tmpdir(), 'involution-cli-any-user-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: join(ROOT, 'cli', 'index.ts'),
      outDir: dir,
      emptyOutDir: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'cli.mjs', codeSplitting: false } },
    },
  });
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'cli.mjs'), 0o644);
  return { bin: join(dir, 'cli.mjs'), dir };
}
