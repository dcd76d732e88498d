// manifest.json: everything needed to re-run an experiment and to trust its files — model version
// and commit, the spec, resolved scenarios, seeds and design points, shard, timings, machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../sim/index.ts';
import { VERSION } from '../../sim/version.ts';
import { writeAtomic } from '../common/files.ts';
import type { Design } from './design.ts';
import type { Experiment } from './experiment.ts';
import type { Machine } from './machine.ts';
import { RUN_LAYOUT, SHARD_RULE, type Shard } from './plan.ts';
import type { Spec } from './spec-schema.ts';

export const MANIFEST = 'manifest.json';

export interface Timings {
  startedAt: string;
  finishedAt: string | null;
  /** Wall-clock seconds of the sessions that ended normally or by Ctrl-C (a kill -9 loses its own). */
  wallSeconds: number;
  /** Seconds the finished runs took in their workers, summed. */
  runSeconds: number;
  sessions: number;
}

export interface Manifest {
  kind: 'involution-lab experiment';
  status: 'running' | 'complete' | 'interrupted' | 'incomplete';
  model: { name: 'involution-lab'; version: string; commit: string | null; dirty: boolean | null };
  specFile: string;
  spec: Spec;
  scenarios: Scenario[];
  ticks: number[];
  metrics: string[];
  seeds: number[];
  design: Design;
  runs: { total: number; layout: string; here: number; done: number };
  shard: (Shard & { rule: string }) | null;
  timings: Timings;
  machine: Machine;
  failed: { run: number; error: string }[];
  /** A merged experiment: the shards it was joined from, each with its own machine and timings. */
  mergedFrom?: { dir: string; shard: string; machine: Machine; model: Manifest['model']; timings: Timings }[];
}

export function manifestOf(e: Experiment, specFile: string, shard: Shard | null, here: number): Manifest {
  return {
    kind: 'involution-lab experiment',
    status: 'running',
    model: { name: 'involution-lab', version: VERSION, commit: null, dirty: null },
    specFile,
    spec: e.spec,
    scenarios: e.scenarios,
    ticks: e.ticks,
    metrics: e.metrics,
    seeds: e.seeds,
    design: e.design,
    runs: { total: e.runs, layout: RUN_LAYOUT, here, done: 0 },
    shard: shard && { ...shard, rule: SHARD_RULE },
    timings: { startedAt: new Date().toISOString(), finishedAt: null, wallSeconds: 0, runSeconds: 0, sessions: 0 },
    machine: { os: '', cpus: 0, cpuModel: '', memoryGB: 0, node: '', workers: 0 },
    failed: [],
  };
}

/** What must match for two directories to hold the same experiment (and shard). */
export function differences(a: Manifest, b: Manifest, withShard = true): string[] {
  const out: string[] = [];
  if (a.model.version !== b.model.version) out.push(`model version ${a.model.version} vs ${b.model.version}`);
  const keys = new Set([...Object.keys(a.spec), ...Object.keys(b.spec)]) as Set<keyof Spec>;
  for (const k of keys) if (JSON.stringify(a.spec[k]) !== JSON.stringify(b.spec[k])) out.push(`spec field ${k}`);
  if (JSON.stringify(a.scenarios) !== JSON.stringify(b.scenarios)) out.push('scenario contents');
  const shard = (m: Manifest) => (m.shard ? `${m.shard.index}/${m.shard.count}` : 'none');
  if (withShard && shard(a) !== shard(b)) out.push(`shard ${shard(a)} vs ${shard(b)}`);
  return out;
}

export function readManifest(dir: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    return m.kind === 'involution-lab experiment' ? m : undefined;
  } catch {
    return undefined;
  }
}

export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(join(dir, MANIFEST), JSON.stringify(m, null, 2) + '\n');
}
