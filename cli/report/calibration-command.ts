// `involution-lab report <dir>` on a calibration: reads posterior.csv and predictive.csv back and
// writes <dir>/report.html (lab/report/calibration.ts's page).
import { join } from 'node:path';
import type { Population } from '../../lab/abc/smc.ts';
import { effectiveSampleSize } from '../../lab/abc/stats.ts';
import { targetName } from '../../lab/abc/targets.ts';
import { POSTERIOR_CSV, PREDICTIVE_CSV } from '../calibrate/outputs.ts';
import type { CalibrationManifest } from '../calibrate/manifest.ts';
import { UsageError } from '../common/errors.ts';
import { writeAtomic } from '../common/files.ts';
import { echo, parseDecimal } from '../../lab/numbers.ts';
import { readTable, type Table } from '../experiment/results.ts';
import { calibrationReport as calibrationPage } from '../../lab/report/calibration.ts';
import { nodeDocument } from './dom.ts';

/** Numeric columns of a table, each cell checked: a report never draws from an empty or non-numeric cell. */
function numbers(t: Table, names: string[], file: string): number[][] {
  const at = names.map((n) => {
    const i = t.columns.indexOf(n);
    if (i < 0) throw new UsageError(`${file} has no column "${n}"; columns: ${t.columns.join(', ')}`);
    return i;
  });
  return t.rows.map((row, r) =>
    at.map((i, j) => {
      const x = parseDecimal(row[i] ?? '');
      if (x === undefined) throw new UsageError(`${file} line ${r + 2}, column ${names[j]}: ${echo(row[i] ?? '')} is not a number`);
      return x;
    }),
  );
}

export function calibrationReport(dir: string, m: CalibrationManifest, io: { stdout: (t: string) => void }): number {
  if (m.status !== 'complete') throw new UsageError(`the calibration in ${dir} is not complete (${m.status}); finish it with involution-lab calibrate ${m.specFile} --out ${dir} --resume`);
  const names = m.posterior.map((p) => p.name), metrics = m.targets.map(targetName);
  const posterior = readTable(dir, POSTERIOR_CSV);
  const rows = numbers(posterior, ['generation', 'weight', 'distance', ...names, ...metrics], join(dir, POSTERIOR_CSV));
  const pops: Population[] = m.generations.map((g) => {
    const mine = rows.filter((r) => r[0] === g.generation);
    const weights = mine.map((r) => r[1]);
    return {
      generation: g.generation,
      epsilon: g.tolerance ?? Infinity,
      particles: mine.map((r) => r.slice(3, 3 + names.length)),
      weights,
      distances: mine.map((r) => r[2]),
      simulated: mine.map((r) => r.slice(3 + names.length)),
      proposals: g.proposals,
      acceptance: g.acceptance,
      ess: effectiveSampleSize(weights),
    };
  });
  const predictive = numbers(readTable(dir, PREDICTIVE_CSV), metrics, join(dir, PREDICTIVE_CSV));
  const out = join(dir, 'report.html');
  writeAtomic(out, calibrationPage({ manifest: m, populations: pops, predictive, document: nodeDocument() }));
  io.stdout(`${out}\n`);
  return 0;
}
