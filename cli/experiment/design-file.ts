// design.csv: the design points, once, in the experiment directory (`point, <parameters>[, changed]`,
// numbers in shortest round-trip form); the manifest holds its SHA-256, so that two shards are known
// to share a design without comparing it, and a changed file is caught when it is read back.
import { join } from 'node:path';
import { UsageError } from '../common/errors.ts';
import { AtomicFile } from '../common/files.ts';
import { LineReader } from '../common/lines.ts';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { buildDesign, type Design } from '../../lab/design/design.ts';
import type { Spec } from '../../lab/spec/schema.ts';

export const DESIGN_CSV = 'design.csv';

/** The design as the manifest records it: everything but the points, which are in the file. */
export interface DesignRecord {
  type: Design['type'];
  params: string[];
  ranges?: Record<string, [number, number]>;
  /** Number of design points. */
  size: number;
  file: string;
  sha256: string;
}

function designText(d: Design): Generator<string> {
  return (function* () {
    yield ['point', ...d.params, ...(d.changed ? ['changed'] : [])].join(',') + '\n';
    for (let p = 0; p < d.points.length; p++) yield [p, ...d.points[p], ...(d.changed ? [d.changed[p]] : [])].join(',') + '\n';
  })();
}

/** The record of a design (its file's hash computed, nothing written). */
export function designRecord(d: Design): DesignRecord {
  const hash = createHash('sha256');
  for (const line of designText(d)) hash.update(line);
  return { type: d.type, params: d.params, ...(d.ranges ? { ranges: d.ranges } : {}), size: d.points.length, file: DESIGN_CSV, sha256: hash.digest('hex') };
}

/** Write design.csv into `dir` (atomically). */
export function writeDesignFile(dir: string, d: Design): void {
  const file = new AtomicFile(join(dir, DESIGN_CSV));
  for (const line of designText(d)) file.write(line);
  file.commit();
}

/** A design as older manifests held it: the points inline. */
type InlineDesign = Design & { size?: undefined };

/**
 * Read a directory's design back, checked against the hash in its manifest. A shard holds no
 * design.csv (the design is as large as its results at a million points): its design is built again
 * from the spec, deterministically, and checked against the same hash.
 */
export function readDesign(dir: string, record: DesignRecord | InlineDesign, spec: Spec): Design {
  if (Array.isArray((record as InlineDesign).points)) return record as InlineDesign;
  const r = record as DesignRecord;
  const path = join(dir, r.file);
  if (!existsSync(path)) {
    const problems: string[] = [];
    const d = buildDesign(spec, problems);
    if (!d || designRecord(d).sha256 !== r.sha256) throw new UsageError(`${dir} holds no ${r.file}, and its spec does not give the design its manifest names (by SHA-256): ${problems[0] ?? 'a different design'}`);
    return d;
  }
  const reader = new LineReader(path, { hash: true });
  try {
    const header = reader.next()?.text.split(',') ?? [];
    const withChanged = header.at(-1) === 'changed';
    const k = r.params.length;
    if (header.length !== 1 + k + (withChanged ? 1 : 0) || header.slice(1, 1 + k).join(',') !== r.params.join(',')) {
      throw new UsageError(`${path} has columns ${header.join(',')}; the manifest's design has point,${r.params.join(',')}`);
    }
    const points: number[][] = [];
    const changed: number[] = [];
    for (let line = reader.next(); line; line = reader.next()) {
      if (!line.text) continue;
      const cells = line.text.split(',').map(Number);
      points.push(cells.slice(1, 1 + k));
      if (withChanged) changed.push(cells[1 + k]);
    }
    if (reader.digest() !== r.sha256 || points.length !== r.size) {
      throw new UsageError(`${path} is not the design the manifest names (its SHA-256 or its ${r.size} points differ): it was changed or damaged after it was written`);
    }
    return { type: r.type, params: r.params, points, ...(r.ranges ? { ranges: r.ranges } : {}), ...(withChanged ? { changed } : {}) };
  } finally {
    reader.close();
  }
}
