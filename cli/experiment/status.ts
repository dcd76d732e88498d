// `involution-lab status <dirs…> [--script FILE]`: which shards of an experiment are complete, which
// are still running, which stopped part-way and which were never started, and the command that
// submits again exactly the ones that are not complete. Exit status 0 when all are complete, 1 when not.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../common/errors.ts';
import { LineReader, fileSha256 } from '../common/lines.ts';
import { isEmptyDirectory, lockedBy } from '../common/lock.ts';
import { calibrationStatus } from '../runs/kind.ts';
import { JOURNAL, parseEntry } from './journal.ts';
import { differences, readManifest, type Manifest } from './manifest.ts';

interface Shard {
  dir: string;
  m: Manifest;
  state: 'complete' | 'running' | 'stopped' | 'damaged';
  detail: string;
}

/** "1-3, 5, 7-9" */
function ranges(list: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    let j = i;
    while (j + 1 < list.length && list[j + 1] === list[j] + 1) j++;
    out.push(j > i ? `${list[i]}-${list[j]}` : String(list[i]));
    i = j;
  }
  return out.join(', ');
}

/** The shard directories' common name with the index as {} (out/shard-3 → out/shard-{}), when they agree. */
function template(shards: Shard[]): string | undefined {
  const names = shards.map((s) => {
    const name = basename(s.dir.replace(/\/+$/, ''));
    const index = String(s.m.shard!.index);
    const at = name.lastIndexOf(index);
    return at < 0 ? undefined : join(dirname(s.dir), `${name.slice(0, at)}{}${name.slice(at + index.length)}`);
  });
  return names.every((n) => n !== undefined && n === names[0]) ? names[0] : undefined;
}

const quote = (s: string) => (/^[\w./{}@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** What is wrong with a complete directory's result files against the size and SHA-256 its manifest recorded. */
function damaged(dir: string, m: Manifest): string | undefined {
  const files = Object.entries(m.files ?? {});
  if (files.length === 0) return undefined; // a manifest of 0.1, which recorded no files
  const problems: string[] = [];
  for (const [name, record] of files) {
    const path = join(dir, name);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      problems.push(`${name} is missing`);
      continue;
    }
    if (size !== record.bytes) problems.push(`${name} has ${size} bytes, not the ${record.bytes} recorded`);
    else if (fileSha256(path) !== record.sha256) problems.push(`${name} does not have the SHA-256 recorded in manifest.json`);
  }
  return problems.length ? problems.join('; ') : undefined;
}

/** Runs finished in the journal of a session that stopped (kept by --resume), by run index. */
function journalRuns(dir: string): number {
  const path = join(dir, JOURNAL);
  if (!existsSync(path)) return 0;
  const runs = new Set<number>();
  const reader = new LineReader(path);
  try {
    for (let line = reader.next(); line; line = reader.next()) {
      const e = parseEntry(line.text);
      if (typeof e !== 'string') runs.add(e.run);
    }
  } finally {
    reader.close();
  }
  return runs.size;
}

function describe(dir: string, m: Manifest): Shard {
  const { locked, holder } = lockedBy(dir);
  const last = m.sessions?.at(-1);
  const where = last ? ` (last session: pid ${last.pid} on ${last.host}${last.scheduler?.job ? `, job ${last.scheduler.job}` : ''})` : '';
  if (m.status === 'complete') {
    const wrong = damaged(dir, m);
    if (wrong) return { dir, m, state: 'damaged', detail: `${dir}: damaged since it completed (${wrong}); run it again in a new directory` };
    return { dir, m, state: 'complete', detail: `${dir}: complete, ${m.runs.done} runs` };
  }
  if (locked) {
    const who = holder ? ` (pid ${holder.pid} on ${holder.host}${holder.job ? `, job ${holder.job}` : ''})` : '';
    return { dir, m, state: 'running', detail: `${dir}: running${who}, ${m.runs.done} of ${m.runs.here} runs done when last recorded` };
  }
  const status = m.status === 'running' ? 'stopped without a word (killed?)' : m.status;
  // A killed session recorded nothing; its journal holds what it finished.
  const done = Math.max(m.runs.done, journalRuns(dir));
  return { dir, m, state: 'stopped', detail: `${dir}: ${status}, ${done} of ${m.runs.here} runs done${where}` };
}

export function statusCommand(dirs: string[], flags: { script?: string }, io: { stdout: (t: string) => void }): number {
  if (dirs.length === 0) throw new UsageError('status needs experiment directories: involution-lab status <dirs…> (e.g. out/shard-*)');
  const lines: string[] = [];
  const shards: Shard[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      lines.push(`${dir}: does not exist`);
      continue;
    }
    const m = readManifest(dir);
    if (m) {
      shards.push(describe(dir, m));
      continue;
    }
    const calibration = calibrationStatus(dir);
    if (!statSync(dir).isDirectory()) lines.push(`${dir}: is not a directory, so holds no experiment`);
    else if (calibration !== undefined) lines.push(`${dir}: holds a calibration (${calibration}), not an experiment`);
    else if (isEmptyDirectory(dir)) lines.push(`${dir}: is empty, so holds no experiment`);
    else lines.push(`${dir}: holds no experiment (no readable experiment manifest.json)`);
  }
  let allComplete = lines.length === 0;
  // Group by experiment: the same spec, scenarios and design.
  const groups: Shard[][] = [];
  for (const s of shards) {
    const g = groups.find((g) => differences(g[0].m, s.m, false).length === 0);
    if (g) g.push(s);
    else groups.push([s]);
  }
  const bin = process.argv[1] ?? 'bin/involution-lab.mjs';
  for (const g of groups) {
    const m = g[0].m;
    const unsharded = g.filter((s) => !s.m.shard);
    const counts = [...new Set(g.filter((s) => s.m.shard).map((s) => s.m.shard!.count))];
    lines.push(`experiment ${m.specFile}: ${m.runs.total} runs${counts.length ? ` in ${counts.map((n) => `${n} shards`).join(' and ')}` : ''}`);
    for (const s of unsharded) {
      lines.push(`  ${s.detail}`);
      if (s.state !== 'complete') allComplete = false;
    }
    for (const n of counts) {
      const mine = g.filter((s) => s.m.shard?.count === n);
      const byIndex = new Map<number, Shard[]>();
      for (const s of mine) byIndex.set(s.m.shard!.index, [...(byIndex.get(s.m.shard!.index) ?? []), s]);
      const complete: number[] = [], running: number[] = [], stopped: number[] = [], missing: number[] = [], damagedShards: number[] = [];
      for (let i = 1; i <= n; i++) {
        const here = byIndex.get(i) ?? [];
        if (here.some((s) => s.state === 'complete')) complete.push(i);
        else if (here.some((s) => s.state === 'running')) running.push(i);
        else if (here.length && here.every((s) => s.state === 'damaged')) damagedShards.push(i);
        else if (here.length) stopped.push(i);
        else missing.push(i);
      }
      lines.push(`  complete:   ${complete.length} of ${n}${complete.length ? ` (${ranges(complete)})` : ''}`);
      if (running.length) lines.push(`  running:    ${running.length} (${ranges(running)})`);
      for (const i of running) for (const s of byIndex.get(i)!) lines.push(`    ${s.detail}`);
      if (damagedShards.length) lines.push(`  damaged:    ${damagedShards.length} (${ranges(damagedShards)}): changed since complete; run again into a new directory`);
      for (const i of damagedShards) for (const s of byIndex.get(i)!) lines.push(`    ${s.detail}`);
      if (stopped.length) lines.push(`  incomplete: ${stopped.length} (${ranges(stopped)})`);
      for (const i of stopped) for (const s of byIndex.get(i)!) lines.push(`    ${s.detail}`);
      if (missing.length) lines.push(`  missing:    ${missing.length} (${ranges(missing)}): no directory given holds them`);
      const again = [...stopped, ...missing].sort((a, b) => a - b);
      if (complete.length < n) allComplete = false;
      if (!again.length) continue;
      const tpl = template(mine) ?? '<dir of shard {}>';
      const spec = quote(m.specFile);
      lines.push(`  to run the ${again.length === 1 ? 'shard' : `${again.length} shards`} not complete (${ranges(again)}) again:`);
      const slurm = mine.map((s) => s.m.sessions?.at(-1)?.scheduler).find((x) => x?.kind === 'slurm');
      if (slurm) {
        const first = Number((slurm.array ?? '1-').split('-')[0]) || 1;
        const ids = again.map((i) => first + i - 1);
        lines.push(`    sbatch --array=${ids.join(',')} --export=ALL,INVOLUTION_LAB_ARRAY=${first}-${first + n - 1} ${quote(flags.script ?? '<your array script>')}`);
      }
      const format = m.format && m.format !== (m.spec.format ?? 'csv') ? ` --format ${m.format}` : '';
      lines.push(`    parallel -j1 node ${quote(bin)} experiment ${spec} --out ${quote(tpl)} --shard {}/${n}${format} --resume ::: ${again.join(' ')}`);
    }
  }
  io.stdout(lines.join('\n') + '\n');
  return allComplete ? 0 : 1;
}
