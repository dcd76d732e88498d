// `involution-lab report <dir>`: writes <dir>/report.html from the experiment's (or calibration's)
// files. The experiment's tables (CSV or Parquet) are read as streams, every cell used checked; the
// page is lab/report's, built from what was read, its charts in linkedom's document.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportAnalysis } from '../../lab/report/analyses.ts';
import { experimentReport } from '../../lab/report/experiment.ts';
import { UsageError } from '../common/errors.ts';
import { writeAtomic } from '../common/files.ts';
import { withDirectoryLock } from '../common/lock.ts';
import { loadManifest, readColumns, readTable, requireComplete, withDesign } from '../experiment/results.ts';
import { readCalibrationManifest } from '../calibrate/manifest.ts';
import { calibrationReport } from './calibration-command.ts';
import { nodeDocument } from './dom.ts';
import { fansOverTime, pairedDifferences } from './fans.ts';
import { runsTable } from '../analysis/command.ts';

const ANALYSIS_FILE = /^(?:analysis|discovery|robustness)-.+\.csv$/;

/** The analyses `involution-lab analyze`, `discover` and `robust` wrote in the directory (analysis-<method>-<outcome>.csv, discovery-<outcome>.csv, robustness-<outcome>.csv), by file name. */
function readAnalyses(dir: string): { files: string[]; analyses: ReportAnalysis[] } {
  const files = readdirSync(dir).filter((f) => ANALYSIS_FILE.test(f)).sort();
  const analyses = files.map((f) => {
    const t = readTable(dir, f);
    const [method = '', outcome = ''] = t.rows[0] ?? [];
    return { method, outcome, result: { columns: t.columns.slice(2), rows: t.rows.map((r) => r.slice(2)) } };
  });
  return { files, analyses };
}

export async function reportCommand(positionals: string[], io: { stdout: (t: string) => void }): Promise<number> {
  const [dir, ...extra] = positionals;
  if (dir === undefined) throw new UsageError('report needs an experiment directory: involution-lab report <dir>');
  if (extra.length) throw new UsageError(`report takes one directory; unexpected: ${extra.join(' ')}`);
  const calibration = readCalibrationManifest(dir);
  if (calibration) return withDirectoryLock(dir, `involution-lab report ${dir}`, () => calibrationReport(dir, calibration, io));
  const manifest = loadManifest(dir);
  requireComplete(dir, manifest);
  const m = withDesign(dir, manifest);
  const summary = await readColumns(dir, manifest, 'summary', ['run', ...m.metrics], m.runs.total);
  const overTime = m.spec.record !== 'final';
  const { files, analyses } = readAnalyses(dir);
  // The baseline chosen for `analyze --method paired`, when it was run.
  const pairedRun = analyses.find((a) => a.method === 'paired');
  const baseline = String(pairedRun?.result.rows[0]?.[pairedRun.result.columns.indexOf('baseline')] ?? m.scenarios[0].id);
  const html = experimentReport({
    experiment: m,
    summary,
    overTime: overTime ? await fansOverTime(dir, manifest, m) : undefined,
    paired: overTime ? await pairedDifferences(dir, manifest, m, baseline) : undefined,
    // A grid's result over time, for the metrics the report draws it for (the first three).
    runs: m.design.type === 'grid' ? await runsTable(dir, manifest, m, m.metrics.slice(0, 3)) : undefined,
    analyses: files.length ? analyses : undefined,
    analysesFrom: files.join(', '),
    specFile: m.specFile,
    model: m.model,
    manifest: m,
    document: nodeDocument(),
  });
  const out = join(dir, 'report.html');
  await withDirectoryLock(dir, `involution-lab report ${dir}`, () => writeAtomic(out, html));
  io.stdout(`${out}\n`);
  return 0;
}
