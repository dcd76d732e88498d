// `involution-lab merge <dirs…> --out <dir>`: join shards into exactly what one unsharded run writes.
// Shards must hold the same experiment and, together, every run exactly once.
import { mkdirSync } from 'node:fs';
import { UsageError } from '../common/errors.ts';
import { entriesOf } from '../common/files.ts';
import { differences, writeManifest, type Manifest } from './manifest.ts';
import { RUNS_CSV, SUMMARY_CSV, writeCanonical } from './outputs.ts';
import { decodeRun } from './plan.ts';
import { loadManifest, readRunBlocks, requireComplete, type CsvFile } from './results.ts';
import { recordedCount } from './rows.ts';

const shardName = (m: Manifest) => (m.shard ? `${m.shard.index}/${m.shard.count}` : 'unsharded');

function listed(runs: number[]): string {
  const shown = runs.slice(0, 8).join(', ');
  return runs.length > 8 ? `${shown}, … (${runs.length} in all)` : shown;
}

function checkRuns(dirs: string[], files: CsvFile[], total: number, label: string, hint: string): void {
  const owner = new Map<number, string>();
  files.forEach((f, i) => {
    for (const run of f.blocks.keys()) {
      const other = owner.get(run);
      if (other !== undefined) throw new UsageError(`run ${run} is in both ${other} and ${dirs[i]} (${label})`);
      if (!(run >= 0 && run < total)) throw new UsageError(`${dirs[i]}/${label} holds run ${run}, outside the experiment's 0–${total - 1}`);
      owner.set(run, dirs[i]);
    }
  });
  const missing = Array.from({ length: total }, (_, r) => r).filter((r) => !owner.has(r));
  if (missing.length) throw new UsageError(`runs missing from ${label}: ${listed(missing)}${hint}`);
}

/** Which shards of n are not among those given (when all are shards of the same n). */
function missingShards(ms: Manifest[]): string {
  const n = ms[0].shard?.count;
  if (n === undefined || ms.some((m) => m.shard?.count !== n)) return '; is a shard missing?';
  const given = new Set(ms.map((m) => m.shard!.index));
  const absent = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !given.has(i));
  return absent.length ? `; shard ${absent.map((i) => `${i}/${n}`).join(', ')} not given` : '';
}

function mergedManifest(dirs: string[], ms: Manifest[]): Manifest {
  const sum = (f: (m: Manifest) => number) => ms.reduce((s, m) => s + f(m), 0);
  const first = ms[0];
  return {
    ...first,
    status: 'complete',
    shard: null,
    runs: { ...first.runs, here: first.runs.total, done: first.runs.total },
    timings: {
      startedAt: ms.map((m) => m.timings.startedAt).sort()[0],
      finishedAt: ms.map((m) => m.timings.finishedAt ?? '').sort().at(-1) || null,
      wallSeconds: sum((m) => m.timings.wallSeconds),
      runSeconds: sum((m) => m.timings.runSeconds),
      sessions: sum((m) => m.timings.sessions),
    },
    failed: [],
    mergedFrom: ms.map((m, i) => ({ dir: dirs[i], shard: shardName(m), machine: m.machine, model: m.model, timings: m.timings })),
  };
}

/** Shards made by different commits of the model: allowed (same version), but worth a warning. */
function commitWarning(dirs: string[], ms: Manifest[]): string | undefined {
  const commits = new Map<string, string[]>();
  ms.forEach((m, i) => m.model.commit && commits.set(m.model.commit, [...(commits.get(m.model.commit) ?? []), dirs[i]]));
  if (commits.size < 2) return undefined;
  const list = [...commits].map(([c, ds]) => `${c.slice(0, 12)} (${ds.join(', ')})`).join(', ');
  return `warning: the shards were made by different commits of the model: ${list}; their versions match, so they are merged, and each shard's commit is kept under mergedFrom in manifest.json\n`;
}

export function mergeCommand(dirs: string[], out: string | undefined, io: { stderr: (text: string) => void }): number {
  if (dirs.length === 0) throw new UsageError('merge needs shard directories: involution-lab merge <dirs…> --out <dir>');
  if (out === undefined) throw new UsageError('merge needs --out <dir>');
  const ms = dirs.map(loadManifest);
  ms.forEach((m, i) => {
    requireComplete(dirs[i], m);
    const diff = differences(ms[0], m, false);
    if (diff.length) throw new UsageError(`${dirs[i]} holds a different experiment from ${dirs[0]} (differs in ${diff.join(', ')})`);
    const twin = ms.findIndex((o) => o.shard && m.shard && o.shard.index === m.shard.index && o.shard.count === m.shard.count);
    if (twin !== i && m.shard) throw new UsageError(`shard ${shardName(m)} is given twice: ${dirs[twin]} and ${dirs[i]}`);
  });
  if (entriesOf(out).length) throw new UsageError(`--out ${out} is not empty; choose a new or empty directory`);
  const runs = dirs.map((d) => readRunBlocks(d, RUNS_CSV));
  const summaries = dirs.map((d) => readRunBlocks(d, SUMMARY_CSV));
  const total = ms[0].runs.total;
  checkRuns(dirs, runs, total, RUNS_CSV, missingShards(ms));
  checkRuns(dirs, summaries, total, SUMMARY_CSV, missingShards(ms));
  runs.forEach((f, i) => {
    const odd = [...f.blocks.keys()].find((run) => !summaries[i].blocks.has(run));
    if (odd !== undefined) throw new UsageError(`${dirs[i]}: run ${odd} is in ${RUNS_CSV} but not in ${SUMMARY_CSV}`);
  });
  // Each run has exactly its rows: one in summary.csv, one per recorded month in runs.csv.
  const every = ms[0].spec.record === 'final' ? 0 : ms[0].spec.record.every;
  const rowsOf = (run: number) => recordedCount(ms[0].ticks[decodeRun(run, ms[0].design.points.length, ms[0].seeds.length).scenario], every);
  const checkLines = (files: CsvFile[], label: string, expected: (run: number) => number) =>
    files.forEach((f, i) => {
      for (const [run, text] of f.blocks) {
        const lines = text.split('\n').length - 1;
        if (lines !== expected(run)) throw new UsageError(`${dirs[i]}/${label} holds ${lines} rows of run ${run}; it must hold ${expected(run)}`);
      }
    });
  checkLines(summaries, SUMMARY_CSV, () => 1);
  checkLines(runs, RUNS_CSV, rowsOf);
  const entries = runs.flatMap((f, i) => [...f.blocks].map(([run, text]) => ({ run, runs: text, summary: summaries[i].blocks.get(run)! })));
  const warning = commitWarning(dirs, ms);
  if (warning) io.stderr(warning);
  mkdirSync(out, { recursive: true });
  writeCanonical(out, { runs: runs[0].header, summary: summaries[0].header }, entries);
  writeManifest(out, mergedManifest(dirs, ms));
  return 0;
}
