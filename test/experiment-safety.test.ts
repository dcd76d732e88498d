// Nothing lost, nothing replaced: a full disk (a small tmpfs) at several sizes, --out on devices and
// symlinks, two sessions on one directory, damaged journal entries and shard rows, NaN and empty
// cells, SIGTERM, --shard auto under each scheduler, Parquet read back equal to CSV, status.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects, asyncBufferFromFile } from 'hyparquet';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksum } from '../cli/runs/checksum.ts';
import { JOURNAL } from '../cli/experiment/journal.ts';
import { autoShard } from '../cli/runs/scheduler.ts';
import { cliStoppingAfter } from './gated-cli.ts';
import { cliFor } from './portable-cli.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const cli = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'involution-safety-'));
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);
const until = async (ready: () => boolean, exited: () => boolean) => {
  while (!ready() && !exited()) await new Promise((r) => setTimeout(r, 5));
};

/** 2 scenarios × 2 points × 6 seeds = 24 runs, 4 rows each in runs.csv. */
const SPEC = {
  scenarios: ['baseline-involution', 'money-alone'],
  ticks: 24,
  seeds: 6,
  record: { every: 8 },
  metrics: ['involutionIndex', 'needsMet'],
  set: { citizens: 1000 },
  vary: { pathDependence: [0.2, 0.8] },
};
const specFile = join(tmp, 'spec.json');
writeFileSync(specFile, JSON.stringify(SPEC));
const ref = join(tmp, 'ref');
const refParquet = join(tmp, 'ref-parquet');
const expectSame = (dir: string, base = ref) => {
  expect(read(dir, 'runs.csv')).toBe(read(base, 'runs.csv'));
  expect(read(dir, 'summary.csv')).toBe(read(base, 'summary.csv'));
};
const oneLine = (r: { status: number | null; stderr: string }, message: RegExp) => {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
};

beforeAll(() => {
  expect(cli('experiment', specFile, '--out', ref, '--workers', '1').status).toBe(0);
  expect(cli('experiment', specFile, '--out', refParquet, '--format', 'parquet').status).toBe(0);
});

describe('a full disk loses nothing', () => {
  const mnt = join(tmp, 'small-disk');
  let mounted = false;
  beforeAll(() => {
    mkdirSync(mnt);
    mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mnt]).status === 0;
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mnt]);
  });
  const remount = (kb: number) => expect(spawnSync('mount', ['-o', `remount,size=${kb}k`, mnt]).status).toBe(0);

  it('at every size: exit 2 naming the path, not complete, journal kept; --resume with space back is byte-identical', (ctx) => {
    if (!mounted) return ctx.skip(`mounting a tmpfs is not permitted here (needs root and CAP_SYS_ADMIN): ${spawnSync('mount', ['-t', 'tmpfs', 'tmpfs', mnt], { encoding: 'utf8' }).stderr.trim()}`);
    let failures = 0;
    for (const kb of [4, 8, 12, 16, 20, 24, 28, 32, 48, 96]) {
      remount(kb);
      const dir = join(mnt, `out-${kb}`);
      const r = cli('experiment', specFile, '--out', dir, '--workers', '1');
      if (r.status !== 0) {
        failures++;
        // The experiment's description and progress may come first; then the error, one line, no stack trace.
        expect(r.stderr).not.toMatch(/\n\s+at /);
        const errors = r.stderr.trim().split('\n').filter((l) => l.startsWith('involution-lab:'));
        oneLine({ status: r.status, stderr: errors.join('\n') }, new RegExp(`^involution-lab: cannot (write|create directory) ${mnt}/out-${kb}(/[\\w.-]+)?: no space left on the device \\(ENOSPC\\)$`, 'm'));
        if (existsSync(join(dir, 'manifest.json'))) expect(JSON.parse(read(dir, 'manifest.json')).status).not.toBe('complete');
        expect(readdirSync(mnt).flatMap((d) => (existsSync(join(mnt, d)) && statSync(join(mnt, d)).isDirectory() ? readdirSync(join(mnt, d)) : [])).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        const journal = existsSync(join(dir, JOURNAL)) ? lines(join(dir, JOURNAL)) : 0;
        remount(4096);
        const again = cli('experiment', specFile, '--out', dir, '--resume', '--workers', '2');
        expect(again.status, again.stderr).toBe(0);
        if (journal) expect(again.stderr).toMatch(/resuming: \d+ of 24 runs already done/);
      } else expect(JSON.parse(read(dir, 'manifest.json')).status).toBe('complete');
      expectSame(dir);
      rmSync(dir, { recursive: true });
    }
    // The sizes were chosen to cut the session at different places: most must have failed.
    expect(failures).toBeGreaterThanOrEqual(6);
  });

  it('run --out on a full disk: exit 2, the old file untouched, no temporary file', (ctx) => {
    if (!mounted) return ctx.skip('mounting a tmpfs is not permitted here');
    for (const f of readdirSync(mnt)) rmSync(join(mnt, f), { recursive: true, force: true });
    remount(16);
    const out = join(mnt, 'run.json');
    writeFileSync(out, 'old');
    const r = cli('run', '--scenario', 'baseline-involution', '--ticks', '24', '--set', 'citizens=1000', '--out', out);
    oneLine(r, new RegExp(`cannot write ${out}: no space left on the device \\(ENOSPC\\)`));
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(mnt).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('standard output redirected to a file that cannot take it all', () => {
  const sh = (command: string) => spawnSync('bash', ['-c', command], { encoding: 'utf8' });
  const run = `node ${JSON.stringify(BIN)} run --scenario baseline-involution --ticks 120`;

  it('a file size limit (a short write, then EFBIG): one line, exit 2, for every format', () => {
    for (const [format, kb] of [['csv', 8], ['json', 8], ['summary', 1]] as const) {
      const whole = cli('run', '--scenario', 'baseline-involution', '--ticks', '120', '--format', format).stdout.length;
      const file = join(tmp, `limited.${format}`);
      // SIGXFSZ ignored: the write that crosses the limit is cut short, the next one fails.
      const r = sh(`trap '' XFSZ; ulimit -f ${kb}; ${run} --format ${format} > ${JSON.stringify(file)}`);
      expect(whole).toBeGreaterThan(kb * 1024);
      oneLine(r, /^involution-lab: cannot write standard output: file too large for the file system \(EFBIG\)$/m);
      expect(statSync(file).size).toBe(kb * 1024);
    }
  });

  it('a full tmpfs (65 536 of 192 144 bytes): one line, exit 2', (ctx) => {
    // Mounting needs root (CAP_SYS_ADMIN); the file-size case above holds the same path without it.
    if (process.getuid?.() !== 0) return ctx.skip('mounting a tmpfs needs root');
    const mnt = join(tmp, 'stdout-disk');
    mkdirSync(mnt);
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { encoding: 'utf8' });
    expect(mount.status, mount.stderr).toBe(0);
    try {
      const r = sh(`${run} --format csv > ${JSON.stringify(join(mnt, 'y.csv'))}`);
      oneLine(r, /^involution-lab: cannot write standard output: no space left on the device \(ENOSPC\)$/m);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});

describe('--out writes through symlinks and never replaces a device or other non-regular file', () => {
  const args = ['run', '--scenario', 'baseline-involution', '--ticks', '3', '--set', 'citizens=1000', '--format', 'csv'];
  const expected = cli(...args).stdout;

  it('a device node stays a device (run, analyze); an experiment or merge directory cannot be one', (ctx) => {
    const node = join(tmp, 'null-device');
    if (spawnSync('mknod', [node, 'c', '1', '3']).status !== 0) return ctx.skip('mknod is not permitted here (needs root)');
    expect(cli(...args, '--out', node).status).toBe(0);
    expect(statSync(node).isCharacterDevice()).toBe(true);
    expect(cli('analyze', ref, '--method', 'paired', '--outcome', 'needsMet', '--baseline', 'baseline-involution', '--out', node).status).toBe(0);
    expect(statSync(node).isCharacterDevice()).toBe(true);
    oneLine(cli('experiment', specFile, '--out', node), /--out .*null-device is not a directory/);
    oneLine(cli('merge', ref, '--out', node), /--out .*null-device is not a directory/);
    expect(statSync(node).isCharacterDevice()).toBe(true);
  });

  it('a FIFO is written, not replaced', async () => {
    const fifo = join(tmp, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d) => (got += d));
    const done = new Promise((r) => reader.once('exit', r));
    expect(cli(...args, '--out', fifo).status).toBe(0);
    await done;
    expect(got).toBe(expected);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a symlink is written through: the link stays, its target gets the output (keeping its mode)', () => {
    const target = join(tmp, 'target.csv');
    writeFileSync(target, 'old', { mode: 0o640 });
    const link = join(tmp, 'link.csv');
    symlinkSync(target, link);
    expect(cli(...args, '--out', link).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe(expected);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    const dangling = join(tmp, 'dangling.csv');
    symlinkSync(join(tmp, 'not-yet.csv'), dangling);
    expect(cli(...args, '--out', dangling).status).toBe(0);
    expect(readFileSync(join(tmp, 'not-yet.csv'), 'utf8')).toBe(expected);
    // An experiment directory given as a symlink to a directory is used through it.
    mkdirSync(join(tmp, 'real-dir'));
    symlinkSync(join(tmp, 'real-dir'), join(tmp, 'dir-link'));
    expect(cli('merge', ref, '--out', join(tmp, 'dir-link')).status).toBe(0);
    expect(lstatSync(join(tmp, 'dir-link')).isSymbolicLink()).toBe(true);
    expectSame(join(tmp, 'real-dir'));
  });

  it('"-" and /dev/stdout are standard output, even through a pipe', async () => {
    expect(cli(...args, '--out', '-').stdout).toBe(expected);
    expect(cli(...args, '--out', '/dev/stdout').stdout).toBe(expected);
    const piped = spawnSync('sh', ['-c', `node ${JSON.stringify(BIN)} ${args.join(' ')} --out /dev/stdout | cat`], { encoding: 'utf8' });
    expect(piped.stdout).toBe(expected);
    expect(spawnSync('sh', ['-c', `node ${JSON.stringify(BIN)} ${args.join(' ')} --out /dev/stderr 2>&1 >/dev/null | cat`], { encoding: 'utf8' }).stdout).toBe(expected);
    // As a normal user, who cannot create files in /dev (root here runs it as nobody).
    // The checkout may not be readable by that user (a clone under /root or in a `mktemp -d` folder):
    // then the same CLI, built from the same sources into a world-readable folder (test/portable-cli.ts).
    if (process.getuid?.() === 0) {
      const nobody = { uid: 65534, gid: 65534 };
      const { bin, dir } = await cliFor(nobody);
      try {
        const user = spawnSync(process.execPath, [bin, ...args, '--out', '/dev/stdout'], { encoding: 'utf8', ...nobody, cwd: '/' });
        expect(user.stderr).toBe('');
        expect(user.stdout).toBe(expected);
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    }
    const full = spawnSync('sh', ['-c', `node ${JSON.stringify(BIN)} ${args.join(' ')} > /dev/full`], { encoding: 'utf8' });
    oneLine(full, /cannot write standard output: no space left on the device \(ENOSPC\)/);
  });
});

describe('one session per experiment directory', () => {
  it('refuses a second session naming the holder; after a kill -9 the lock is taken over and --resume completes', async () => {
    const dir = join(tmp, 'locked');
    const child = spawn('node', [cliStoppingAfter(join(tmp, 'gated-lock'), 'experiment-worker', 5), 'experiment', specFile, '--out', dir, '--workers', '1'], { stdio: 'ignore' });
    let exited = false;
    const exit = new Promise((r) => child.once('exit', () => r((exited = true))));
    await until(() => lines(join(dir, JOURNAL)) >= 5, () => exited);
    expect(exited).toBe(false);
    const second = cli('experiment', specFile, '--out', dir, '--resume');
    oneLine(second, new RegExp(`is in use by pid ${child.pid} on host ${hostname()}, running .involution-lab experiment .* since .*; wait for it to end`));
    expect(cli('status', dir).stdout).toMatch(new RegExp(`running \\(pid ${child.pid} on ${hostname()}\\)`));
    // Every command that writes a directory is refused as "in use", not as "not empty" or "add --resume".
    oneLine(cli('experiment', specFile, '--out', dir), new RegExp(`is in use by pid ${child.pid}`));
    oneLine(cli('merge', ref, '--out', dir), new RegExp(`^involution-lab: ${dir} is in use by pid ${child.pid}`));
    child.kill('SIGKILL');
    await exit;
    // Nothing recorded in the manifest, but the journal holds 5 finished runs, which --resume keeps.
    expect(cli('status', dir).stdout).toMatch(/stopped without a word \(killed\?\), 5 of 24 runs done/);
    const r = cli('experiment', specFile, '--out', dir, '--resume');
    expect(r.status, r.stderr).toBe(0);
    expectSame(dir);
    expect(readdirSync(dir).filter((f) => f.startsWith('.lock'))).toEqual([]);
  });

  const contend = (dir: string, n: number, holdMs: number) =>
    Promise.all(
      Array.from({ length: n }, () => {
        const child = spawn('node', ['--import', 'tsx', join(import.meta.dirname, 'lock-contender.ts'), dir, String(holdMs)], { cwd: join(import.meta.dirname, '..') });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        return new Promise<string>((r) => child.once('exit', () => r(out.trim())));
      }),
    );
  const deadHolder = (dir: string, lock = true) => {
    mkdirSync(dir, { recursive: true });
    if (lock) mkdirSync(join(dir, '.lock'));
    writeFileSync(join(dir, '.lock-holder.json'), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), command: 'killed', since: 'then', job: null }));
  };

  it('a lock left by a killed session is taken over by exactly one of many sessions at once; the others are told who has it', async () => {
    for (let round = 0; round < 4; round++) {
      const dir = join(tmp, `contended-${round}`);
      deadHolder(dir);
      const said = await contend(dir, 6, 2000);
      expect(said.filter((l) => l === 'took'), said.join('\n')).toHaveLength(1);
      for (const l of said.filter((l) => l !== 'took')) expect(l).toMatch(new RegExp(`^UsageError: ${dir} is in use by (pid \\d+ on host ${hostname()}, running \`contender \\d+\`|another session that is starting)`));
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('a lock without a holder of its own (killed between taking it and naming itself) is taken over after seconds, not minutes', async () => {
    const dir = join(tmp, 'unclaimed');
    mkdirSync(join(dir, '.lock'), { recursive: true });
    // Young: a session that is starting. Its time is set a minute ahead, so that the check does not
    // depend on how fast the contender starts on a busy machine (no wall-clock bound in the test).
    const ahead = new Date(Date.now() + 60_000);
    utimesSync(join(dir, '.lock'), ahead, ahead);
    expect(await contend(dir, 1, 0)).toEqual([`UsageError: ${dir} is in use by another session that is starting (it has not said who it is yet); wait for it to end (involution-lab status ${dir} shows it)`]);
    // 11 s old, and a holder file of an earlier lock (another inode) beside it: left by a killed session.
    const old = new Date(Date.now() - 11_000);
    utimesSync(join(dir, '.lock'), old, old);
    writeFileSync(join(dir, '.lock-holder.json'), JSON.stringify({ pid: process.pid, host: hostname(), command: 'earlier', since: 'then', job: null, lock: statSync(join(dir, '.lock')).ino + 1 }));
    expect(await contend(dir, 1, 0)).toEqual(['took']);
    // A takeover guard left by a session killed in the middle of a takeover goes stale by itself too.
    deadHolder(dir);
    mkdirSync(join(dir, '.lock-takeover'));
    utimesSync(join(dir, '.lock-takeover'), old, old);
    expect(await contend(dir, 1, 0)).toEqual(['took']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('records SIGTERM as interrupted at once; --resume then completes', async () => {
    const dir = join(tmp, 'sigterm');
    const child = spawn('node', [cliStoppingAfter(join(tmp, 'gated-term'), 'experiment-worker', 7), 'experiment', specFile, '--out', dir, '--workers', '1'], { stdio: 'ignore' });
    let exited = false;
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => ((exited = true), r(code))));
    await until(() => lines(join(dir, JOURNAL)) >= 7, () => exited);
    child.kill('SIGTERM');
    expect(await exit).toBe(130);
    const m = JSON.parse(read(dir, 'manifest.json'));
    expect(m.status).toBe('interrupted');
    expect(m.sessions[0]).toMatchObject({ status: 'interrupted', pid: child.pid });
    expect(cli('experiment', specFile, '--out', dir, '--resume').status).toBe(0);
    expectSame(dir);
  });
});

describe('damaged data is never accepted', () => {
  /** A directory stopped (kill -9) after `n` runs, with its journal. */
  async function stopped(name: string, n: number): Promise<string> {
    const dir = join(tmp, name);
    const child = spawn('node', [cliStoppingAfter(join(tmp, `gated-${name}`), 'experiment-worker', n), 'experiment', specFile, '--out', dir, '--workers', '1'], { stdio: 'ignore' });
    let exited = false;
    const exit = new Promise((r) => child.once('exit', () => r((exited = true))));
    await until(() => lines(join(dir, JOURNAL)) >= n, () => exited);
    child.kill('SIGKILL');
    await exit;
    return dir;
  }

  it('a journal entry with a changed digit, or rows of another run under a right checksum, is refused and its run done again', async () => {
    const dir = await stopped('damaged-journal', 10);
    const entries = read(dir, JOURNAL).split('\n');
    // Entry 3: a digit of a metric changed, the checksum left as it was.
    entries[2] = entries[2].replace(/(needsMet[^"]*"[^"]*?,0\.)(\d)/, (_, a, d) => a + ((Number(d) + 1) % 10)).replace(/,0\.(\d)(\d)/, (_, a, b) => `,0.${a}${(Number(b) + 3) % 10}`);
    // Entry 6: claims to be run 7, with run 5's rows, under a checksum that matches: caught by the rows' check.
    const e = JSON.parse(entries[5]);
    const forged = { run: e.run + 2, ms: e.ms, runs: e.runs, summary: e.summary };
    entries[5] = JSON.stringify({ ...forged, check: checksum(JSON.stringify([forged.run, forged.ms, forged.runs, forged.summary])) });
    writeFileSync(join(dir, JOURNAL), entries.join('\n'));
    const r = cli('experiment', specFile, '--out', dir, '--resume', '--workers', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 journal entries refused, their runs to be done again \(line 3: its checksum does not match its content .*; line 6: run \d+: its summary row starts "\d+,baseline-involution,\d+,0.2"; run \d+ must start/);
    expect(r.stderr).toMatch(/resuming: 8 of 24 runs already done/);
    expectSame(dir);
  });

  describe('merge checks every row of every shard', () => {
    const shards = [1, 2].map((i) => join(tmp, `shard-${i}`));
    beforeAll(() => shards.forEach((d, i) => expect(cli('experiment', specFile, '--out', d, '--shard', `${i + 1}/2`).status).toBe(0)));

    it('a changed digit: the shard file no longer has the SHA-256 its manifest recorded', () => {
      const copy = join(tmp, 'digit');
      cpSync(shards[0], copy, { recursive: true });
      writeFileSync(join(copy, 'runs.csv'), read(copy, 'runs.csv').replace(/,0\.(\d)/, (_, d) => `,0.${(Number(d) + 1) % 10}`));
      oneLine(cli('merge', copy, shards[1], '--out', join(tmp, 'never')), /digit\/runs.csv is not the file its experiment wrote \(its SHA-256 differs/);
      expect(existsSync(join(tmp, 'never'))).toBe(false);
    });

    const corruptions: [string, (csv: string) => string, RegExp][] = [
      ['extra column', (csv) => csv.replace(/\n(0,[^\n]*)\n/, '\n$1,7\n'), /runs.csv row 1 has 8 columns; the header has 7/],
      ['NaN', (csv) => csv.replace(/\n(0,[^\n]*,)[^,\n]+\n/, '\n$1NaN\n'), /runs.csv row 1 column 7 holds "NaN", not a number/],
      ['empty cell', (csv) => csv.replace(/\n(0,[^\n]*,)[^,\n]+\n/, '\n$1\n'), /runs.csv row 1 column 7 holds "", not a number/],
      ['CRLF', (csv) => csv.replace(/\n/g, '\r\n'), /bad-CRLF\/runs.csv has the header "run,scenario,seed,pathDependence,tick,involutionIndex,needsMet\\r"; this experiment's is/],
      ['swapped seeds', (csv) => {
        const rows = csv.split('\n');
        const [a, b] = [rows[1].split(','), rows[5].split(',')];
        [a[2], b[2]] = [b[2], a[2]];
        rows[1] = a.join(',');
        rows[5] = b.join(',');
        return rows.join('\n');
      }, /runs.csv row 1 starts "0,baseline-involution,\d+,0.2"; run 0 must start "0,baseline-involution,\d+,0.2"/],
    ];
    for (const [what, corrupt, message] of corruptions) {
      it(`refuses ${what}, naming the file and the row`, () => {
        const copy = join(tmp, `bad-${what.replace(/ /g, '-')}`);
        cpSync(shards[0], copy, { recursive: true });
        writeFileSync(join(copy, 'runs.csv'), corrupt(read(copy, 'runs.csv')));
        // As a shard of 0.1 would be: no hash in the manifest, so every row is checked on its own.
        const m = JSON.parse(read(copy, 'manifest.json'));
        writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...m, files: {} }));
        const r = cli('merge', copy, shards[1], '--out', join(tmp, 'never'));
        oneLine(r, message);
        expect(existsSync(join(tmp, 'never'))).toBe(false);
      });
    }
  });

  it('analyze and report refuse NaN and empty cells, naming the file and the row', () => {
    const copy = join(tmp, 'nan');
    cpSync(ref, copy, { recursive: true });
    const rows = read(copy, 'summary.csv').split('\n');
    rows[3] = rows[3].replace(/,[^,]+$/, ',NaN');
    writeFileSync(join(copy, 'summary.csv'), rows.join('\n'));
    oneLine(cli('analyze', copy, '--method', 'paired', '--outcome', 'needsMet', '--baseline', 'baseline-involution'), /nan\/summary.csv row 3 \(line 4\), column needsMet: "NaN" is not a number/);
    oneLine(cli('report', copy), /nan\/summary.csv row 3 \(line 4\), column needsMet: "NaN" is not a number/);
    writeFileSync(join(copy, 'summary.csv'), read(ref, 'summary.csv'));
    const runs = read(copy, 'runs.csv').split('\n');
    runs[5] = runs[5].replace(/,[^,]+$/, ',');
    writeFileSync(join(copy, 'runs.csv'), runs.join('\n'));
    oneLine(cli('report', copy), /nan\/runs.csv row 5 \(line 6\), column needsMet: "" is not a number \(empty\)/);
    expect(existsSync(join(copy, 'report.html'))).toBe(false);
  });
});

describe('--shard auto', () => {
  it('reads each scheduler\'s array variables', () => {
    expect(autoShard('auto', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '16', SLURM_ARRAY_TASK_COUNT: '16' })).toEqual({ index: 3, count: 16 });
    expect(autoShard('auto', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '7', SLURM_ARRAY_TASK_COUNT: '8' })).toEqual({ index: 1, count: 8 });
    // A resubmission of task 7 alone: the whole array is named by INVOLUTION_LAB_ARRAY, as status prints it.
    expect(autoShard('auto', { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '7', SLURM_ARRAY_TASK_MAX: '7', SLURM_ARRAY_TASK_COUNT: '1', INVOLUTION_LAB_ARRAY: '1-16' })).toEqual({ index: 7, count: 16 });
    expect(() => autoShard('auto', { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '3', SLURM_ARRAY_TASK_MAX: '7', SLURM_ARRAY_TASK_COUNT: '2' })).toThrow(/not a whole array of shards; give the whole array as INVOLUTION_LAB_ARRAY/);
    expect(() => autoShard('auto', { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '7', SLURM_ARRAY_TASK_MAX: '7', SLURM_ARRAY_TASK_COUNT: '1' })).toThrow(/not a whole array/);
    expect(autoShard('auto/16', { PBS_ARRAY_INDEX: '16' })).toEqual({ index: 16, count: 16 });
    expect(autoShard('auto/4', { PBS_ARRAYID: '2' })).toEqual({ index: 2, count: 4 });
    expect(() => autoShard('auto', { PBS_ARRAY_INDEX: '2' })).toThrow(/under PBS needs the count: --shard auto\/N/);
    expect(autoShard('auto/16', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 16 });
    expect(autoShard('auto/16', { JOB_COMPLETION_INDEX: '15' })).toEqual({ index: 16, count: 16 });
    expect(() => autoShard('auto/16', { JOB_COMPLETION_INDEX: '16' })).toThrow(/outside the array's 16 tasks/);
    expect(() => autoShard('auto', {})).toThrow(/found no job array here/);
  });

  it('runs the shard the scheduler says, and records the host and job in the manifest', () => {
    const dir = join(tmp, 'auto');
    const env = { ...process.env, SLURM_JOB_ID: '901', SLURM_ARRAY_JOB_ID: '900', SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '3', SLURM_ARRAY_TASK_COUNT: '3' };
    const r = spawnSync('node', [BIN, 'experiment', specFile, '--out', dir, '--shard', 'auto'], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(read(dir, 'manifest.json'));
    expect(m.shard).toMatchObject({ index: 2, count: 3 });
    expect(m.sessions[0]).toMatchObject({ host: hostname(), scheduler: { kind: 'slurm', job: '900_2', array: '1-3' } });
  });
});

describe('status', () => {
  it('lists complete, incomplete and missing shards and prints the commands that run exactly the missing ones', async () => {
    const base = join(tmp, 'status');
    mkdirSync(base);
    for (const i of [1, 3]) expect(cli('experiment', specFile, '--out', join(base, `shard-${i}`), '--shard', `${i}/4`).status).toBe(0);
    // Shard 2 interrupted, with a SLURM array recorded; shard 4 never started.
    const child = spawn('node', [cliStoppingAfter(join(tmp, 'gated-status'), 'experiment-worker', 2), 'experiment', specFile, '--out', join(base, 'shard-2'), '--shard', 'auto'], {
      stdio: 'ignore',
      env: { ...process.env, SLURM_JOB_ID: '11', SLURM_ARRAY_JOB_ID: '10', SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '4', SLURM_ARRAY_TASK_COUNT: '4' },
    });
    let exited = false;
    const exit = new Promise((r) => child.once('exit', () => r((exited = true))));
    await until(() => lines(join(base, 'shard-2', JOURNAL)) >= 2, () => exited);
    child.kill('SIGTERM');
    await exit;
    const dirs = readdirSync(base).map((d) => join(base, d));
    const r = cli('status', ...dirs, '--script', 'array.sh');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/complete: {3}2 of 4 \(1, 3\)/);
    expect(r.stdout).toMatch(/incomplete: 1 \(2\)\n.*shard-2: interrupted, \d of 6 runs done \(last session: pid \d+ on .*, job 10_2\)/);
    expect(r.stdout).toMatch(/missing: {4}1 \(4\)/);
    expect(r.stdout).toContain('    sbatch --array=2,4 --export=ALL,INVOLUTION_LAB_ARRAY=1-4 array.sh\n');
    const line = r.stdout.split('\n').find((l) => l.startsWith('    parallel '))!;
    expect(line).toBe(`    parallel -j1 node ${BIN} experiment ${specFile} --out ${base}/shard-{} --shard {}/4 --resume ::: 2 4`);
    // Run what the line says, shard by shard, then merge: the unsharded run's files.
    for (const i of [2, 4]) expect(cli('experiment', specFile, '--out', join(base, `shard-${i}`), '--shard', `${i}/4`, '--resume').status).toBe(0);
    expect(cli('status', ...[1, 2, 3, 4].map((i) => join(base, `shard-${i}`))).status).toBe(0);
    expect(cli('merge', ...[1, 2, 3, 4].map((i) => join(base, `shard-${i}`)), '--out', join(base, 'merged')).status).toBe(0);
    expectSame(join(base, 'merged'));
  });
});

describe('status of directories that are not what they seem', () => {
  it('a complete directory whose file changed is damaged, not complete; a foreign, empty or calibration directory is named as such', () => {
    const copy = join(tmp, 'status-damaged');
    cpSync(ref, copy, { recursive: true });
    expect(cli('status', copy).status).toBe(0);
    const runs = read(copy, 'runs.csv');
    writeFileSync(join(copy, 'runs.csv'), runs.replace(/\d(\n)/, (d, nl) => `${(Number(d[0]) + 1) % 10}${nl}`));
    const r = cli('status', copy);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(`${copy}: damaged since it completed (runs.csv does not have the SHA-256 recorded in manifest.json); run it again in a new directory`);
    expect(r.stdout).not.toMatch(/: complete/);
    rmSync(join(copy, 'summary.csv'));
    expect(cli('status', copy).stdout).toMatch('summary.csv is missing');
    const foreign = join(tmp, 'status-foreign');
    mkdirSync(join(foreign, 'sub'), { recursive: true });
    writeFileSync(join(foreign, 'manifest.json'), '{"kind": "something else"}');
    const empty = join(tmp, 'status-empty');
    mkdirSync(empty);
    const calibration = join(tmp, 'status-calibration');
    mkdirSync(calibration);
    writeFileSync(join(calibration, 'manifest.json'), JSON.stringify({ kind: 'involution-lab calibration', status: 'interrupted' }));
    const f = cli('status', foreign, empty, calibration, specFile);
    expect(f.status).toBe(1);
    expect(f.stdout.trim().split('\n')).toEqual([
      `${foreign}: holds no experiment (no readable experiment manifest.json)`,
      `${empty}: is empty, so holds no experiment`,
      `${calibration}: holds a calibration (interrupted), not an experiment`,
      `${specFile}: is not a directory, so holds no experiment`,
    ]);
  });
});

describe('Parquet', () => {
  const parquetRows = async (path: string) =>
    (await parquetReadObjects({ file: await asyncBufferFromFile(path), compressors: { GZIP: (input: Uint8Array) => new Uint8Array(gunzipSync(input)) } })) as Record<string, unknown>[];

  it('holds the same rows and values as the CSV, typed; read back by another reader (hyparquet)', async () => {
    for (const t of ['runs', 'summary']) {
      const [header, ...csv] = read(ref, `${t}.csv`).trimEnd().split('\n');
      const names = header.split(',');
      const rows = await parquetRows(join(refParquet, `${t}.parquet`));
      expect(rows).toHaveLength(csv.length);
      rows.forEach((row, i) => {
        expect(Object.keys(row)).toEqual(names);
        const cells = csv[i].split(',');
        names.forEach((n, c) => {
          if (n === 'scenario') expect(row[n]).toBe(cells[c]);
          else if (n === 'run' || n === 'seed' || n === 'tick') expect(row[n]).toBe(BigInt(cells[c]));
          else expect(row[n]).toBe(Number(cells[c]));
        });
      });
    }
  });

  it('merges either way byte for byte: Parquet shards into the CSV of one run, CSV shards into its Parquet', () => {
    const pq = [1, 2, 3].map((i) => join(tmp, `pq-${i}`));
    pq.forEach((d, i) => expect(cli('experiment', specFile, '--out', d, '--shard', `${i + 1}/3`, '--format', 'parquet').status).toBe(0));
    expect(cli('merge', ...pq, '--out', join(tmp, 'pq-to-csv'), '--format', 'csv').status).toBe(0);
    expectSame(join(tmp, 'pq-to-csv'));
    expect(cli('merge', ...pq, '--out', join(tmp, 'pq-merged')).status).toBe(0);
    for (const t of ['runs.parquet', 'summary.parquet']) expect(readFileSync(join(tmp, 'pq-merged', t)).equals(readFileSync(join(refParquet, t)))).toBe(true);
  });

  it('analyze and report give the same results from Parquet as from CSV', () => {
    const a = cli('analyze', ref, '--method', 'paired', '--outcome', 'needsMet', '--baseline', 'baseline-involution', '--out', '-');
    const b = cli('analyze', refParquet, '--method', 'paired', '--outcome', 'needsMet', '--baseline', 'baseline-involution', '--out', '-');
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(cli('report', ref).status).toBe(0);
    expect(cli('report', refParquet).status).toBe(0);
    const svg = (dir: string) => read(dir, 'report.html').replace(/<pre>[\s\S]*<\/pre>/, '');
    expect(svg(refParquet)).toBe(svg(ref));
  });

  it('is read by pandas, polars and DuckDB when python3 has them', (ctx) => {
    const python = process.env.PYTHON ?? 'python3';
    const probe = spawnSync(python, ['-c', 'import pandas, pyarrow, polars, duckdb'], { encoding: 'utf8' });
    if (probe.status !== 0) return ctx.skip(`${python} with pandas, pyarrow, polars and duckdb is not installed here: ${(probe.stderr || probe.error?.message || '').trim().split('\n').at(-1)}`);
    const script = `
import sys, pandas as pd, polars as pl, duckdb
ref, pq = sys.argv[1], sys.argv[2]
for t in ['runs', 'summary']:
    c = pd.read_csv(f'{ref}/{t}.csv')
    pd.testing.assert_frame_equal(c, pd.read_parquet(f'{pq}/{t}.parquet'), check_dtype=False)
    assert pl.read_parquet(f'{pq}/{t}.parquet').shape == c.shape
    assert duckdb.sql(f"select count(*) from '{pq}/{t}.parquet'").fetchone()[0] == len(c)
print('ok')`;
    const r = spawnSync(python, ['-c', script, ref, refParquet], { encoding: 'utf8' });
    expect(r.stdout.trim(), r.stderr).toBe('ok');
  });
});

describe('a spec or scenario file reports all its problems', () => {
  const file = (name: string, content: string) => {
    const path = join(tmp, name);
    writeFileSync(path, content);
    return path;
  };

  it('lists every problem (up to ten), values shortened, and writes nothing', () => {
    const bad = file('many.json', JSON.stringify({ ...SPEC, ticks: 0, seeds: 'ten', record: { every: 0 }, frob: 1 }));
    const r = cli('experiment', bad, '--out', join(tmp, 'never'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^involution-lab: spec .*many.json has 4 problems:\n {2}/);
    for (const m of [/unknown field "frob" in the spec/, /field ticks = 0 is not allowed/, /field seeds = "ten" is not allowed/, /field record.every = 0 is not allowed/]) expect(r.stderr).toMatch(m);
    const resolved = file('resolved.json', JSON.stringify({ ...SPEC, seeds: [1, 2, 2], metrics: ['nope', 'needsMet', 'needsMet'], set: { citizens: 10, partnership: 7 }, vary: { pathDependence: [0.2, 0.2, 3] }, scenarios: ['x'.repeat(5000), 'money-alone'] }));
    const all = cli('experiment', resolved, '--out', join(tmp, 'never'));
    expect(all.stderr).toMatch(/has 8 problems:/);
    for (const m of [/field scenarios\[0\] = "x{57}\.\.\." is not allowed/, /parameter citizens = 10 is not allowed/, /parameter partnership = 7 is not allowed/, /field seeds lists 2 twice/, /field vary.pathDependence lists 0.2 twice/, /vary.pathDependence\[2\]: parameter pathDependence = 3/, /field metrics\[0\] = "nope"/, /field metrics lists "needsMet" twice/]) expect(all.stderr).toMatch(m);
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });

  it('lists a scenario file\'s problems, shortened', () => {
    const scenario = file('scenario.json', JSON.stringify({ id: 'Bad Id'.repeat(1000), title: { en: 'x' }, teaching: { en: 'x', zh: 'x' }, source: 's', params: { partnership: 2, nonsense: 1 } }));
    const r = cli('run', '--scenario', scenario);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/scenario file .*scenario.json has 4 problems:/);
    expect(r.stderr).toMatch(/field id = "(Bad Id){9}Bad I… \(6,002 characters\): lower-case words/);
    expect(r.stderr).toMatch(/field title.zh is missing/);
    expect(r.stderr).toMatch(/parameter partnership = 2 is not allowed: must be a number in \[0, 1\]/);
    expect(r.stderr).toMatch(/unknown parameter "nonsense"/);
    expect(r.stderr.length).toBeLessThan(1500);
  });

  it('refuses __proto__ and constructor keys, deep nesting and 1e309, in one line each and no stack trace', () => {
    oneLine(cli('experiment', file('proto.json', `{"scenario": "baseline-involution", "seeds": 2, "metrics": ["needsMet"], "set": {"__proto__": {"citizens": 5}}}`), '--dry-run'), /key "__proto__" \(at set.__proto__\) is not allowed/);
    oneLine(cli('experiment', file('ctor.json', `{"scenario": "baseline-involution", "seeds": 2, "metrics": ["needsMet"], "vary": {"constructor": [1]}}`), '--dry-run'), /key "constructor" \(at vary.constructor\) is not allowed/);
    oneLine(cli('run', '--scenario', file('proto-scenario.json', `{"id": "x", "params": {"__proto__": 1}}`)), /key "__proto__" \(at params.__proto__\) is not allowed/);
    oneLine(cli('run', '--scenario', 'baseline-involution', '--set', '__proto__=1'), /--set __proto__=… is not allowed/);
    oneLine(cli('experiment', file('deep.json', '['.repeat(20_000) + ']'.repeat(20_000)), '--dry-run'), /nests more than 64 levels deep/);
    oneLine(cli('experiment', file('inf.json', JSON.stringify({ ...SPEC }).replace('"ticks":24', '"ticks":1e309')), '--dry-run'), /field ticks = Infinity \(a number beyond ±1.8e308\) is not allowed/);
  });

  it('refuses a key given twice in a spec or scenario file (JSON keeps the last silently), naming where', () => {
    const spec = file('twice.json', `{"scenario": "baseline-involution", "seeds": 2, "seeds": 20, "metrics": ["needsMet"], "set": {"citizens": 1000, "partnership": 0.2, "partnership": 0.9}}`);
    const r = cli('experiment', spec, '--dry-run');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`involution-lab: spec file ${spec} has 2 problems:\n  key "seeds" is given twice (at seeds); give it once\n  key "partnership" is given twice (at set.partnership); give it once\n`);
    oneLine(cli('run', '--scenario', file('twice-scenario.json', `{"id": "x", "params": {"ticks": 12, "ticks": 24}}`)), /key "ticks" is given twice \(at params.ticks\); give it once/);
  });

  it('refuses a flag given twice', () => {
    oneLine(cli('experiment', specFile, '--out', 'a', '--out', 'b'), /flag --out is given 2 times \("a", "b"\); give it once/);
    oneLine(cli('run', '--scenario', 'baseline-involution', '--seed', '1', '--seed', '2'), /flag --seed is given 2 times/);
    oneLine(cli('run', '--scenario', 'baseline-involution', '--set', 'partnership=0.1', '--set', 'partnership=0.2'), /--set partnership is given twice/);
  });

  it('warns of a schedule beyond the runs\' end', () => {
    const r = cli('run', '--scenario', 'reform-at-year-3', '--ticks', '12', '--set', 'citizens=1000', '--format', 'summary');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^warning: scenario reform-at-year-3 schedules a change at month 36, after the run's last month \(11\); it never applies$/m);
    const d = cli('experiment', file('late.json', JSON.stringify({ scenario: 'reform-at-year-3', ticks: 12, seeds: 2, metrics: ['needsMet'] })), '--dry-run');
    expect(d.stderr).toMatch(/warning: scenario reform-at-year-3 schedules a change at month 36, after the runs' last month \(11\)/);
  });

  it('checks 100 000 listed seeds (the most a list may hold) for duplicates in linear time', () => {
    const seeds = Array.from({ length: 99_999 }, (_, i) => i);
    seeds.push(12_345);
    oneLine(cli('experiment', file('seeds.json', JSON.stringify({ scenario: 'baseline-involution', seeds, metrics: ['needsMet'] })), '--dry-run'), /field seeds lists 12345 twice/);
  });
});
