// One session of an experiment in its directory: resume what the journal holds, run the rest on the
// worker pool (journal first, then the appended CSVs), and end with the canonical files and the
// manifest. A write that fails (a full disk) stops the session at once: the journal keeps every run
// finished before it, the directory is not marked complete, and --resume later ends byte-identical.
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { plural } from '../common/text.ts';
import { writeDesignFile } from './design-file.ts';
import type { Experiment } from '../../lab/spec/resolve.ts';
import { Journal, JOURNAL, positionsOf, readJournal, type JournalEntry } from './journal.ts';
import { gitCommit, machine } from '../runs/machine.ts';
import { writeManifest, type Manifest } from './manifest.ts';
import { Appender, writeCanonical } from './outputs.ts';
import { taskOf, type RunTask, type Shard } from '../../lab/plan.ts';
import { openPool, type WorkerPool } from '../runs/pool.ts';
import { Progress, type ProgressOutput } from '../runs/progress.ts';
import { RunLayout } from '../../lab/rows.ts';
import { schedulerOf } from '../runs/scheduler.ts';
import type { RunOutput, WorkerData } from './worker.ts';
import { workerUrl } from '../runs/worker-url.ts';

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

function* tasks(e: Experiment, todo: Iterable<number>): Iterator<RunTask> {
  for (const run of todo) yield taskOf(e, run);
}

/** Write the manifest, and if that fails too (the disk is full), keep the first error: it is the one to report. */
function tryWriteManifest(dir: string, m: Manifest): void {
  try {
    writeManifest(dir, m);
  } catch {
    // The manifest on disk still says "running" or "interrupted": never "complete".
  }
}

export async function runSession(e: Experiment, o: SessionOptions): Promise<number> {
  const started = performance.now();
  const positions = positionsOf(e.runs, o.shard);
  const layout = new RunLayout(e);
  const journalPath = join(o.dir, JOURNAL);
  const { index, refused, examples } = readJournal(journalPath, layout, positions);
  if (refused) o.log(`${refused} journal ${refused === 1 ? 'entry' : 'entries'} refused, their runs to be done again (${examples.join('; ')}${refused > examples.length ? '; …' : ''})\n`);
  const before = index.size;
  const workers = Math.max(1, Math.min(o.workers, positions.count - before));
  // The workers start now, loading and compiling the model while this thread writes the manifest,
  // the design and the canonical files; they are closed when the session ends, whatever happens.
  const workerData: WorkerData = { scenarios: e.scenarios, metrics: e.metrics, every: e.every };
  const workerPool = openPool<RunTask, RunOutput>({ url: workerUrl(), size: before < positions.count ? workers : 0, workerData });
  try {
    return await runOnPool(e, o, { positions, layout, journalPath, index, before, workers, started, workerPool });
  } finally {
    await workerPool.close();
  }
}

interface Prepared {
  positions: ReturnType<typeof positionsOf>;
  layout: RunLayout;
  journalPath: string;
  index: ReturnType<typeof readJournal>['index'];
  before: number;
  workers: number;
  started: number;
  workerPool: WorkerPool<RunTask, RunOutput>;
}

async function runOnPool(e: Experiment, o: SessionOptions, { positions, layout, journalPath, index, before, workers, started, workerPool }: Prepared): Promise<number> {
  const scheduler = schedulerOf();
  const m: Manifest = {
    ...o.manifest,
    model: { ...o.manifest.model, ...gitCommit() },
    machine: machine(workers),
    timings: o.previous ? { ...o.previous.timings } : o.manifest.timings,
    sessions: [...(o.previous?.sessions ?? []), { host: os.hostname(), pid: process.pid, scheduler, startedAt: new Date().toISOString(), endedAt: null, status: 'running' }],
  };
  const session = m.sessions[m.sessions.length - 1];
  // The manifest first: a directory with anything else in it must say what it holds. The design
  // once, in design.csv — but not in a shard: merge writes it, from the spec (checked by its hash).
  writeManifest(o.dir, m);
  if (!o.shard && !existsSync(join(o.dir, m.design.file))) writeDesignFile(o.dir, e.design);
  // Start from exactly what the journal holds, in run order: a torn last line, refused entries and
  // rows the journal never got are dropped.
  const headers = layout.headers;
  const start = await writeCanonical(o.dir, journalPath, index, headers, e.format, true);
  if (before) o.log(`resuming: ${before} of ${positions.count} runs already done\n`);

  const journal = new Journal(journalPath, start.journalBytes ?? 0, index);
  const csv = e.format === 'csv' ? new Appender(o.dir) : undefined;
  let todoCount = 0;
  for (let p = 0; p < positions.count; p++) if (index.offset[p] < 0) todoCount++;
  const progress = new Progress(todoCount, o.progress);
  const failed: Manifest['failed'] = [];
  const todo = function* () {
    for (let p = 0; p < positions.count; p++) if (index.offset[p] < 0) yield positions.run(p);
  };
  let interrupted = false;
  let fatal: unknown;
  const pool = workerPool.run(tasks(e, todo()), {
    onResult: (task, out) => {
      if (fatal !== undefined) return;
      const entry: JournalEntry = { run: task.run, ms: out.ms, ...layout.format(task.run, out.rows) };
      try {
        journal.append(entry);
        csv?.append(entry);
      } catch (err) {
        // A full disk: stop now. The journal has every run before this one; this one is done again.
        fatal = err;
        void pool.stop();
        return;
      }
      progress.advance();
    },
    onFailure: (task, error) => {
      failed.push({ run: task.run, error: error.split('\n')[0] });
      progress.advance();
    },
  });
  const stop = () => {
    if (interrupted) return;
    interrupted = true;
    // Recorded at once: a scheduler's SIGKILL may follow its SIGTERM within seconds.
    session.status = m.status = 'interrupted';
    session.endedAt = new Date().toISOString();
    tryWriteManifest(o.dir, m);
    void pool.stop();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await pool.done;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    progress.end();
    journal.close();
    csv?.close();
  }
  if (fatal !== undefined) {
    session.status = m.status = 'incomplete';
    session.endedAt = new Date().toISOString();
    tryWriteManifest(o.dir, m);
    throw fatal;
  }

  const complete = !interrupted && failed.length === 0;
  let end;
  try {
    end = await writeCanonical(o.dir, journalPath, index, headers, e.format, false);
  } catch (err) {
    if (!interrupted) {
      session.status = m.status = 'incomplete';
      session.endedAt = new Date().toISOString();
      tryWriteManifest(o.dir, m);
    }
    throw err;
  }
  const seconds = (performance.now() - started) / 1000;
  session.status = m.status = complete ? 'complete' : interrupted ? 'interrupted' : 'incomplete';
  session.endedAt = new Date().toISOString();
  m.files = end.files;
  m.failed = failed.sort((a, b) => a.run - b.run);
  m.runs = { ...m.runs, done: index.size };
  m.timings = {
    ...m.timings,
    finishedAt: new Date().toISOString(),
    wallSeconds: m.timings.wallSeconds + seconds,
    runSeconds: index.msTotal() / 1000,
    sessions: m.timings.sessions + 1,
  };
  writeManifest(o.dir, m);
  const ran = index.size - before;
  if (complete) {
    // The result files now hold every run; the journal has served its purpose.
    rmSync(journalPath, { force: true });
    o.log(`${plural(ran, 'run')} in ${seconds.toFixed(1)} s (${(ran / seconds).toFixed(1)} runs/s, ${plural(workers, 'worker')}): ${o.dir}\n`);
    return 0;
  }
  if (interrupted) {
    o.log(`interrupted: ${index.size} of ${positions.count} runs are safe in ${o.dir}; finish with: ${o.resumeHint}\n`);
    return 130;
  }
  o.log(`${failed.length} runs failed (twice each), e.g. run ${failed[0].run}: ${failed[0].error}; the other ${index.size} runs are in ${o.dir}; retry the failed ones with: ${o.resumeHint}\n`);
  return 1;
}
