// Seeded runs of the model, computed once and kept on disk, for the expensive set-ups of the pattern
// tests (test/validation.test.ts, test/mechanisms.test.ts). A run is a pure function of the model's
// code, the scenarios, the packages the model imports and its options, so the cache is keyed by a
// hash of all of them: any change under sim/ or scenarios/ (or to this file) computes the runs
// again. The series are stored exactly (64-bit floats, gzip), under
// node_modules/.cache/involution-lab/runs/<model>/, the last three models kept (about 40 MB each).
// INVOLUTION_LAB_RUN_CACHE=off computes every run afresh (npm run mutants: each mutant is a model).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { runScenario, type Series } from '../sim/index.ts';
import { scenario } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');
export const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'involution-lab', 'runs');

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

/** A hash of everything a seeded run depends on but its options: the model's source, the scenarios, the model's packages, the engine, and this file's storage format. */
export function modelFingerprint(root = ROOT): string {
  const h = createHash('sha256');
  const sources = [
    ...files(join(root, 'sim')).filter((f) => f.endsWith('.ts')),
    ...files(join(root, 'scenarios')),
    join(root, 'test', 'run-cache.ts'),
    join(root, 'test', 'helpers.ts'),
  ];
  for (const f of sources.sort())
    h.update(`${relative(root, f)}\0`)
      .update(readFileSync(f))
      .update('\0');
  for (const pkg of ['seedrandom', 'zod']) h.update(`${pkg}@${JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version}\0`);
  return h.update(process.version).digest('hex');
}

let fingerprint: string | undefined;

export interface RunsOptions {
  ticks?: number;
  set?: Record<string, number>;
}

/** The series of a scenario's runs over the seeds, from the cache when the model and scenarios are unchanged. */
export function cachedSeries(id: string, seeds: number[], options: RunsOptions = {}): Series[] {
  const compute = () => seeds.map((seed) => runScenario(scenario(id), seed, options).series);
  if (process.env.INVOLUTION_LAB_RUN_CACHE === 'off') return compute();
  fingerprint ??= modelFingerprint();
  const dir = join(CACHE_DIR, fingerprint.slice(0, 16));
  const key = createHash('sha256')
    .update(JSON.stringify([fingerprint, id, seeds, options.ticks ?? null, Object.entries(options.set ?? {}).sort()]))
    .digest('hex');
  const file = join(dir, `${key}.bin.gz`);
  try {
    return decode(gunzipSync(readFileSync(file)));
  } catch {
    // Not cached yet (or unreadable): compute, then store it atomically, so that a concurrent run reads a whole file or none.
    const runs = compute();
    mkdirSync(dir, { recursive: true });
    prune(dir);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, gzipSync(encode(runs), { level: 1 }));
    renameSync(tmp, file);
    return runs;
  }
}

/** Keeps the runs of the last KEEP models (by when their folder was last written to); older ones go. */
const KEEP = 3;
export function prune(current: string, root = CACHE_DIR): void {
  const others = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && join(root, e.name) !== current)
    .map((e) => ({ path: join(root, e.name), written: statSync(join(root, e.name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const old of others.slice(KEEP - 1)) rmSync(old.path, { recursive: true, force: true });
}

/** A header (JSON: each run's metric names and lengths) then every value as a 64-bit float: exact, NaN included. */
export function encode(runs: Series[]): Buffer {
  const header = runs.map((s) => Object.entries(s).map(([k, v]) => [k, v.length] as const));
  const count = header.flat().reduce((a, [, n]) => a + n, 0);
  const values = new Float64Array(count);
  let at = 0;
  for (const s of runs) for (const v of Object.values(s)) for (const x of v) values[at++] = x;
  const json = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length);
  return Buffer.concat([size, json, Buffer.from(values.buffer)]);
}

export function decode(buf: Buffer): Series[] {
  const size = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + size).toString()) as [string, number][][];
  const data = buf.subarray(4 + size);
  const values = new Float64Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  let at = 0;
  const runs = header.map((metrics) => Object.fromEntries(metrics.map(([k, n]) => [k, Array.from(values.subarray(at, (at += n)))])));
  if (at !== values.length) throw new Error('cached runs: length mismatch');
  return runs;
}
