// `involution-lab merge <dirs…> --out <dir> [--format csv|parquet]`: join shards into exactly what one
// unsharded run writes. The shards are read as streams and interleaved row by row in run order (the
// run layout says which shard holds each run), so memory does not grow with the experiment. Every
// row is checked — its run, scenario, seed and design point, its ticks, its column count, its cells
// numbers — and every shard file against the SHA-256 its manifest recorded. Any problem: one line,
// exit 2, nothing left in --out.
import { mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { asFileError, UsageError } from '../common/errors.ts';
import { entriesOf } from '../common/files.ts';
import { fileSha256 } from '../common/lines.ts';
import { isEmptyDirectory, lockDirectory, refuseIfInUse } from '../common/lock.ts';
import { DESIGN_CSV, writeDesignFile } from './design-file.ts';
import type { Format } from '../../lab/spec/resolve.ts';
import { differences, MANIFEST, writeManifest, type FileRecord, type Manifest } from './manifest.ts';
import { breathe } from './outputs.ts';
import { designOf, loadManifest, openResults, requireComplete } from './results.ts';
import { RunLayout } from '../../lab/rows.ts';
import { tableFile, tableWriter, type TableName, type TableReader } from './tables.ts';
import { statSync } from 'node:fs';

const shardName = (m: Manifest) => (m.shard ? `${m.shard.index}/${m.shard.count}` : 'unsharded');

function listed(runs: number[], count: number): string {
  const shown = runs.join(', ');
  return count > runs.length ? `${shown}, … (${count} in all)` : shown;
}

/** Which shards of n are not among those given (when all are shards of the same n). */
function missingShards(ms: Manifest[]): string {
  const n = ms[0].shard?.count;
  if (n === undefined || ms.some((m) => m.shard?.count !== n)) return '; is a shard missing?';
  const given = new Set(ms.map((m) => m.shard!.index));
  const absent = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !given.has(i));
  return absent.length ? `; shard ${absent.map((i) => `${i}/${n}`).join(', ')} not given (involution-lab status lists what is missing)` : '';
}

/** Which directory holds each run, from the manifests alone: every run exactly once. */
function owners(dirs: string[], ms: Manifest[]): Int32Array {
  const total = ms[0].runs.total;
  const owner = new Int32Array(total).fill(-1);
  ms.forEach((m, i) => {
    const first = m.shard ? m.shard.index - 1 : 0, step = m.shard ? m.shard.count : 1;
    for (let r = first; r < total; r += step) {
      if (owner[r] >= 0) throw new UsageError(`run ${r} is in both ${dirs[owner[r]]} and ${dirs[i]}`);
      owner[r] = i;
    }
  });
  const missing: number[] = [];
  let count = 0;
  for (let r = 0; r < total; r++) if (owner[r] < 0 && count++ < 8) missing.push(r);
  if (count) throw new UsageError(`runs missing: ${listed(missing, count)}${missingShards(ms)}`);
  return owner;
}

/** The manifest of the merged experiment: the first shard's, complete, with every shard under mergedFrom. */
function mergedManifest(dirs: string[], ms: Manifest[], format: Format, files: Record<string, FileRecord>): Manifest {
  const sum = (f: (m: Manifest) => number) => ms.reduce((s, m) => s + f(m), 0);
  const first = ms[0];
  return {
    ...first,
    status: 'complete',
    format,
    shard: null,
    files,
    runs: { ...first.runs, here: first.runs.total, done: first.runs.total },
    timings: {
      startedAt: ms.map((m) => m.timings.startedAt).sort()[0],
      finishedAt: ms.map((m) => m.timings.finishedAt ?? '').sort().at(-1) || null,
      wallSeconds: sum((m) => m.timings.wallSeconds),
      runSeconds: sum((m) => m.timings.runSeconds),
      sessions: sum((m) => m.timings.sessions),
    },
    sessions: [],
    failed: [],
    mergedFrom: ms.map((m, i) => ({ dir: dirs[i], shard: shardName(m), machine: m.machine, model: m.model, timings: m.timings, sessions: m.sessions })),
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

/** A shard's table read line by line, with the row number of the line last taken. */
class Cursor {
  private batch: string[] = [];
  private i = 0;
  row = 0;
  constructor(readonly reader: TableReader) {}
  async take(): Promise<string | undefined> {
    if (this.i >= this.batch.length) {
      this.batch = (await this.reader.next()) ?? [];
      this.i = 0;
      if (this.batch.length === 0) return undefined;
    }
    this.row++;
    return this.batch[this.i++];
  }
}

/** Interleave one table of every shard into `out`, checking each row. */
async function mergeTable(table: TableName, dirs: string[], ms: Manifest[], owner: Int32Array, layout: RunLayout, out: string, format: Format): Promise<FileRecord> {
  const header = layout.headers[table].slice(0, -1);
  const cursors: Cursor[] = [];
  const writer = tableWriter(join(out, tableFile(table, format)), format, header);
  try {
    for (const [i, dir] of dirs.entries()) {
      const reader = await openResults(dir, ms[i], table);
      cursors.push(new Cursor(reader));
      if (reader.header !== header) throw new UsageError(`${reader.path} has the header ${JSON.stringify(reader.header.slice(0, 120))}; this experiment's is ${JSON.stringify(header.slice(0, 120))}`);
    }
    const where = (c: Cursor) => `${c.reader.path} row ${c.row}`;
    for (let run = 0; run < owner.length; run++) {
      const c = cursors[owner[run]];
      const front = layout.front(run);
      const rows = table === 'summary' ? 1 : layout.rowsOf(run);
      for (let i = 0; i < rows; i++) {
        const line = await c.take();
        if (line === undefined) throw new UsageError(`${c.reader.path} ends before run ${run}${i ? ` has all its ${rows} rows (it has ${i})` : ''}`);
        const problem = table === 'summary' ? layout.checkSummary(run, line, front) : layout.checkRuns(run, i, line, front);
        if (problem) throw new UsageError(`${where(c)} ${problem}`);
        writer.write(line);
      }
      if (run % 4096 === 4095) await breathe();
    }
    for (const c of cursors) {
      const extra = await c.take();
      if (extra !== undefined) throw new UsageError(`${where(c)} is one row too many: ${JSON.stringify(extra.slice(0, 60))} (a row given twice, or a run that is not this shard's)`);
    }
    return writer.commit();
  } catch (err) {
    writer.abort();
    throw err;
  } finally {
    for (const c of cursors) c.reader.close();
  }
}

/** Every shard file whose manifest recorded its SHA-256 must still have it. */
function checkHashes(dirs: string[], ms: Manifest[]): void {
  ms.forEach((m, i) => {
    for (const [name, record] of Object.entries(m.files ?? {})) {
      const path = join(dirs[i], name);
      if (fileSha256(path) !== record.sha256) throw new UsageError(`${path} is not the file its experiment wrote (its SHA-256 differs from the one in ${join(dirs[i], MANIFEST)}): it was changed or damaged since`);
    }
  });
}

export async function mergeCommand(dirs: string[], out: string | undefined, format: string | undefined, io: { stderr: (text: string) => void }): Promise<number> {
  if (dirs.length === 0) throw new UsageError('merge needs shard directories: involution-lab merge <dirs…> --out <dir>');
  if (out === undefined) throw new UsageError('merge needs --out <dir>');
  if (format !== undefined && format !== 'csv' && format !== 'parquet') throw new UsageError(`--format ${JSON.stringify(format)} is not allowed; allowed: csv, parquet`);
  const ms = dirs.map(loadManifest);
  ms.forEach((m, i) => {
    requireComplete(dirs[i], m);
    const diff = differences(ms[0], m, false);
    if (diff.length) throw new UsageError(`${dirs[i]} holds a different experiment from ${dirs[0]} (differs in ${diff.join(', ')})`);
    const twin = ms.findIndex((o) => o.shard && m.shard && o.shard.index === m.shard.index && o.shard.count === m.shard.count);
    if (twin !== i && m.shard) throw new UsageError(`shard ${shardName(m)} is given twice: ${dirs[twin]} and ${dirs[i]}`);
  });
  let isDir: boolean | undefined;
  try {
    isDir = statSync(out).isDirectory();
  } catch {
    isDir = undefined;
  }
  if (isDir === false) throw new UsageError(`--out ${out} is not a directory: give a new or empty directory`);
  if (isDir) refuseIfInUse(out);
  if (isDir && !isEmptyDirectory(out)) throw new UsageError(`--out ${out} is not empty; choose a new or empty directory`);
  const owner = owners(dirs, ms);
  const design = designOf(dirs[0], ms[0]);
  const first = ms[0];
  const layout = new RunLayout({ ...first, design, every: first.spec.record === 'final' ? 0 : first.spec.record.every });
  checkHashes(dirs, ms);
  const outFormat = (format ?? first.format) as Format;
  const warning = commitWarning(dirs, ms);
  if (warning) io.stderr(warning);
  try {
    mkdirSync(out, { recursive: true });
  } catch (err) {
    throw asFileError(err, 'create directory', out);
  }
  const release = lockDirectory(out, `involution-lab merge ${dirs.join(' ')} --out ${out}`, null, (message) => io.stderr(`warning: ${message}\n`));
  // Looked at again under the lock: another session may have written in it meanwhile.
  if (!isEmptyDirectory(out)) {
    release();
    throw new UsageError(`--out ${out} is not empty; choose a new or empty directory`);
  }
  try {
    const files: Record<string, FileRecord> = {};
    for (const table of ['summary', 'runs'] as const) files[tableFile(table, outFormat)] = await mergeTable(table, dirs, ms, owner, layout, out, outFormat);
    writeDesignFile(out, design);
    writeManifest(out, mergedManifest(dirs, ms, outFormat, files));
  } catch (err) {
    // Nothing partial: --out was empty, so whatever is in it now is ours.
    for (const name of [tableFile('summary', outFormat), tableFile('runs', outFormat), DESIGN_CSV, MANIFEST]) rmSync(join(out, name), { force: true });
    release();
    if (!isDir && entriesOf(out).length === 0) rmdirSync(out);
    throw err;
  }
  release();
  return 0;
}
