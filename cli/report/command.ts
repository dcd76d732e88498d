// `involution-lab report <dir>`: writes <dir>/report.html from the experiment's (or calibration's)
// files. The experiment's tables (CSV or Parquet) are read as streams, every cell used checked.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../common/errors.ts';
import { writeAtomic } from '../common/files.ts';
import { loadManifest, readColumns, readTable, requireComplete, withDesign } from '../experiment/results.ts';
import { readCalibrationManifest } from '../calibrate/manifest.ts';
import { calibrationReport } from './calibration-command.ts';
import { fanCharts, pairedFanCharts } from './fans.ts';
import { heatmaps } from './heatmaps.ts';
import { page } from './page.ts';
import { sensitivityCharts } from './sensitivity.ts';

/** The baseline chosen for `analyze --method paired`, when it was run. */
function pairedBaseline(dir: string): string | undefined {
  const file = readdirSync(dir).filter((f) => /^analysis-paired-.+\.csv$/.test(f)).sort()[0];
  if (!file) return undefined;
  const t = readTable(dir, file);
  return t.rows[0]?.[t.columns.indexOf('baseline')];
}

export async function reportCommand(positionals: string[], io: { stdout: (t: string) => void }): Promise<number> {
  const [dir, ...extra] = positionals;
  if (dir === undefined) throw new UsageError('report needs an experiment directory: involution-lab report <dir>');
  if (extra.length) throw new UsageError(`report takes one directory; unexpected: ${extra.join(' ')}`);
  const calibration = readCalibrationManifest(dir);
  if (calibration) return calibrationReport(dir, calibration, io);
  const manifest = loadManifest(dir);
  requireComplete(dir, manifest);
  const m = withDesign(dir, manifest);
  const summary = await readColumns(dir, manifest, 'summary', ['run', ...m.metrics], m.runs.total);
  const overTime = m.spec.record !== 'final';
  const fans = overTime ? await fanCharts(dir, manifest, m) : { svgs: [], note: '' };
  const sensitivity = sensitivityCharts(dir, m, summary);
  const baseline = pairedBaseline(dir) ?? m.scenarios[0].id;
  const pairedFans = overTime ? await pairedFanCharts(dir, manifest, m, baseline) : [];
  const html = page(m, [
    {
      title: 'Over time',
      intro: overTime
        ? `Each line is the mean over seeds; the band holds 90 % of the seeds (5th to 95th percentile). ${fans.note}`
        : 'The runs recorded their final month only (record: "final"); record {"every": k} months for charts over time.',
      svgs: overTime ? fans.svgs : [],
      always: true,
    },
    {
      title: `Differences from ${baseline} over time`,
      intro: `Each run minus its twin in ${baseline}: the same design point and the same seed, so the citizens' needs are the same (common random numbers). Line: mean; band: 90 % of the pairs.`,
      svgs: pairedFans,
    },
    {
      title: 'Sensitivity and comparisons',
      intro: `Final-month values: Morris and Sobol' analyses use the mean over seeds at each design point, paired comparisons the difference seed by seed; ${sensitivity.source}.`,
      svgs: sensitivity.svgs,
    },
    { title: 'Two-parameter grid', intro: 'Mean final-month value over seeds in each cell of the grid.', svgs: heatmaps(m, summary) },
  ]);
  const out = join(dir, 'report.html');
  writeAtomic(out, html);
  io.stdout(`${out}\n`);
  return 0;
}
