// One session of an experiment in its directory: resume what is there, run the rest on the worker
// pool (journal first, then the appended CSVs), and end with the canonical files and the manifest.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { plural } from '../common/text.ts';
import type { Experiment } from './experiment.ts';
import { Journal, JOURNAL, readJournal, rewriteJournal, type JournalEntry } from './journal.ts';
import { gitCommit, machine } from './machine.ts';
import { writeManifest, type Manifest } from './manifest.ts';
import { Appender, writeCanonical } from './outputs.ts';
import { runsOf, taskOf, type RunTask, type Shard } from './plan.ts';
import { runPool } from './pool.ts';
import { Progress, type ProgressOutput } from './progress.ts';
import { formatRun, headersOf } from './rows.ts';
import type { RunOutput, WorkerData } from './worker.ts';
import { workerUrl } from './worker-url.ts';

export interface SessionOptions {
  dir: string;
  shard: Shard | null;
  workers: number;
  /** The checked manifest of this experiment, and the one found in the directory when resuming. */
  manifest: Manifest;
  previous: Manifest | undefined;
  resumeHint: string;
  log: (text: string) => void;
  progress: ProgressOutput;
}

function* tasks(e: Experiment, runs: number[]): Iterator<RunTask> {
  for (const run of runs) yield taskOf(e, run);
}

export async function runSession(e: Experiment, o: SessionOptions): Promise<number> {
  const started = performance.now();
  const runs = runsOf(e.runs, o.shard);
  const journalPath = join(o.dir, JOURNAL);
  const done = readJournal(journalPath, new Set(runs));
  const todo = runs.filter((r) => !done.has(r));
  const workers = Math.max(1, Math.min(o.workers, todo.length));
  const m: Manifest = {
    ...o.manifest,
    model: { ...o.manifest.model, ...gitCommit() },
    machine: machine(workers),
    timings: o.previous ? { ...o.previous.timings } : o.manifest.timings,
  };
  mkdirSync(o.dir, { recursive: true });
  writeManifest(o.dir, m);
  // Start from exactly what the journal holds: a torn last line and rows it never got are dropped.
  const headers = headersOf(e);
  rewriteJournal(journalPath, done.values());
  writeCanonical(o.dir, headers, done.values());
  if (done.size) o.log(`resuming: ${done.size} of ${runs.length} runs already done\n`);

  const journal = new Journal(journalPath);
  const csv = new Appender(o.dir);
  const progress = new Progress(todo.length, o.progress);
  const failed: Manifest['failed'] = [];
  const workerData: WorkerData = { scenarios: e.scenarios, metrics: e.metrics, every: e.every };
  const pool = runPool<RunTask, RunOutput>(tasks(e, todo), {
    url: workerUrl(),
    size: workers,
    workerData,
    onResult: (task, out) => {
      const entry: JournalEntry = { run: task.run, ms: out.ms, ...formatRun(e, task.run, out.rows) };
      journal.append(entry);
      csv.append(entry);
      done.set(task.run, entry);
      progress.advance();
    },
    onFailure: (task, error) => {
      failed.push({ run: task.run, error: error.split('\n')[0] });
      progress.advance();
    },
  });
  let interrupted = false;
  const stop = () => {
    interrupted = true;
    void pool.stop();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await pool.done;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  progress.end();
  journal.close();
  csv.close();

  const complete = !interrupted && failed.length === 0;
  writeCanonical(o.dir, headers, done.values());
  const seconds = (performance.now() - started) / 1000;
  m.status = complete ? 'complete' : interrupted ? 'interrupted' : 'incomplete';
  m.failed = failed.sort((a, b) => a.run - b.run);
  m.runs = { ...m.runs, done: done.size };
  m.timings = {
    ...m.timings,
    finishedAt: new Date().toISOString(),
    wallSeconds: m.timings.wallSeconds + seconds,
    runSeconds: [...done.values()].reduce((s, x) => s + x.ms, 0) / 1000,
    sessions: m.timings.sessions + 1,
  };
  writeManifest(o.dir, m);
  const ran = done.size - (runs.length - todo.length);
  if (complete) {
    // The CSVs now hold every run; the journal has served its purpose.
    rmSync(journalPath, { force: true });
    o.log(`${plural(ran, 'run')} in ${seconds.toFixed(1)} s (${(ran / seconds).toFixed(1)} runs/s, ${plural(workers, 'worker')}): ${o.dir}\n`);
    return 0;
  }
  if (interrupted) {
    o.log(`interrupted: ${done.size} of ${runs.length} runs are safe in ${o.dir}; finish with: ${o.resumeHint}\n`);
    return 130;
  }
  o.log(`${failed.length} runs failed (twice each), e.g. run ${failed[0].run}: ${failed[0].error}; the other ${done.size} runs are in ${o.dir}; retry the failed ones with: ${o.resumeHint}\n`);
  return 1;
}
