// manifest.json: everything needed to re-run an experiment and to trust its files — model version
// and commit, the spec, resolved scenarios and seeds, the design (a file and its hash), the format
// and SHA-256 of the result files, the shard, where each session ran (host, job), timings, machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioRunText, type Scenario } from '../../sim/index.ts';
import { VERSION } from '../../sim/version.ts';
import { writeAtomic } from '../common/files.ts';
import { designRecord, type DesignRecord } from './design-file.ts';
import type { Experiment, Format } from '../../lab/spec/resolve.ts';
import type { Machine } from '../runs/machine.ts';
import { RUN_LAYOUT, SHARD_RULE, type Shard } from '../../lab/plan.ts';
import type { SchedulerInfo } from '../runs/scheduler.ts';
import type { Spec } from '../../lab/spec/schema.ts';

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

/** One session in the directory: where it ran and how it ended. */
export interface SessionRecord {
  host: string;
  pid: number;
  scheduler: SchedulerInfo;
  startedAt: string;
  endedAt: string | null;
  status: Manifest['status'];
}

/** A result file as written: its SHA-256 and size, checked by merge. */
export interface FileRecord {
  sha256: string;
  bytes: number;
  rows: number;
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
  design: DesignRecord;
  format: Format;
  runs: { total: number; layout: string; here: number; done: number };
  shard: (Shard & { rule: string }) | null;
  /** The result files once the directory is complete (runs and summary, by file name). */
  files: Record<string, FileRecord>;
  timings: Timings;
  machine: Machine;
  sessions: SessionRecord[];
  failed: { run: number; error: string }[];
  /** A merged experiment: the shards it was joined from, each with its own machine and timings. */
  mergedFrom?: { dir: string; shard: string; machine: Machine; model: Manifest['model']; timings: Timings; sessions: SessionRecord[] }[];
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
    design: designRecord(e.design),
    format: e.format,
    runs: { total: e.runs, layout: RUN_LAYOUT, here, done: 0 },
    shard: shard && { ...shard, rule: SHARD_RULE },
    files: {},
    timings: { startedAt: new Date().toISOString(), finishedAt: null, wallSeconds: 0, runSeconds: 0, sessions: 0 },
    machine: { host: '', os: '', cpus: 0, cpuModel: '', memoryGB: 0, node: '', workers: 0 },
    sessions: [],
    failed: [],
  };
}

const shardText = (m: Manifest) => (m.shard ? `${m.shard.index}/${m.shard.count}` : 'none');

/**
 * What must match for two directories to hold the same experiment: model version, spec (but its
 * output format), scenarios, design; and, for the same directory, the shard.
 */
export function differences(a: Manifest, b: Manifest, sameDirectory = true): string[] {
  const out: string[] = [];
  if (a.model.version !== b.model.version) out.push(`model version ${a.model.version} vs ${b.model.version}`);
  const keys = new Set([...Object.keys(a.spec), ...Object.keys(b.spec)]) as Set<keyof Spec>;
  for (const k of keys) if (k !== 'format' && JSON.stringify(a.spec[k]) !== JSON.stringify(b.spec[k])) out.push(`spec field ${k}`);
  if (a.scenarios.map(scenarioRunText).join() !== b.scenarios.map(scenarioRunText).join()) out.push('scenario contents');
  if (a.design?.sha256 !== b.design?.sha256) out.push('design points');
  if (sameDirectory && shardText(a) !== shardText(b)) out.push(`shard ${shardText(a)} vs ${shardText(b)}`);
  if (sameDirectory && (a.format ?? 'csv') !== (b.format ?? 'csv')) out.push(`format ${a.format ?? 'csv'} vs ${b.format ?? 'csv'}`);
  return out;
}

export function readManifest(dir: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
    if (m.kind !== 'involution-lab experiment') return undefined;
    // Manifests of 0.1 had neither format nor file records nor sessions.
    return { ...m, format: m.format ?? 'csv', files: m.files ?? {}, sessions: m.sessions ?? [] } as Manifest;
  } catch {
    return undefined;
  }
}

/** JSON indented by two, but lists of numbers and strings kept on one line: compact and readable. */
export function compactJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    return value.length ? `[\n${value.map((v) => inner + compactJson(v, inner)).join(',\n')}\n${indent}]` : '[]';
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`).join(',\n')}\n${indent}}` : '{}';
}

export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(join(dir, MANIFEST), compactJson(m) + '\n');
}
