// An experiment's results held in memory, for a host without files (the browser): each finished
// run's recorded rows, and from them summary.csv and runs.csv as text — byte for byte what
// `involution-lab experiment` writes for the same spec — and the summary's columns for analysis.
import type { Series } from '../sim/index.ts';
import type { RunsTable } from './analysis/designs.ts';
import type { Columns } from './analysis/outcomes.ts';
import { recordedRows, RunLayout, type RunText } from './rows.ts';
import type { Experiment } from './spec/resolve.ts';

export class ExperimentResults {
  private readonly layout: RunLayout;
  /** Recorded rows [tick, ...metrics] of each finished run, by run index. */
  private readonly rows = new Map<number, number[][]>();

  constructor(readonly experiment: Experiment) {
    this.layout = new RunLayout(experiment);
  }

  /** A finished run from its series (the model's output for the run's task): its lines of runs and summary. */
  add(run: number, series: Series): RunText {
    return this.addRows(run, recordedRows(series, this.experiment.metrics, this.experiment.every));
  }

  /** A finished run from its recorded rows (what the CLI's workers send back): its lines of runs and summary. */
  addRows(run: number, rows: number[][]): RunText {
    if (!Number.isInteger(run) || run < 0 || run >= this.experiment.runs) throw new RangeError(`run ${run} is not a run of this experiment (0 to ${this.experiment.runs - 1})`);
    const expected = this.layout.rowsOf(run);
    if (rows.length !== expected) throw new RangeError(`run ${run} records ${expected} months; got ${rows.length} rows`);
    this.rows.set(run, rows);
    return this.layout.format(run, rows);
  }

  /** Runs finished so far. */
  get size(): number {
    return this.rows.size;
  }

  /** The finished runs' indices, ascending: the order of runs.csv. */
  finished(): number[] {
    return [...this.rows.keys()].sort((a, b) => a - b);
  }

  /** The recorded rows [tick, ...metrics] of a finished run (undefined while it is not). */
  recorded(run: number): readonly number[][] | undefined {
    return this.rows.get(run);
  }

  /** summary.csv: the header, then the final values of each finished run, in run order. */
  summaryCsv(): string {
    return this.layout.headers.summary + this.finished().map((run) => this.layout.format(run, this.rows.get(run)!).summary).join('');
  }

  /** runs.csv: the header, then each finished run's recorded months, in run order. */
  runsCsv(): string {
    return this.layout.headers.runs + this.finished().map((run) => this.layout.format(run, this.rows.get(run)!).runs).join('');
  }

  /** The summary's columns ("run" and each metric's final value, in run order): what the analyses read. */
  summaryColumns(): Columns {
    const runs = this.finished();
    const { metrics } = this.experiment;
    const values: Record<string, Float64Array> = { run: Float64Array.from(runs) };
    metrics.forEach((m, i) => (values[m] = Float64Array.from(runs, (run) => this.rows.get(run)!.at(-1)![i + 1])));
    return { rows: runs.length, values };
  }

  /**
   * The runs' recorded months as columns ("run", "tick" and these metrics, a row a run and month, in
   * run order: runs.csv's rows), with each scenario's months: what a grid's result over time reads.
   * Undefined when the runs recorded their final month only.
   */
  runsTable(metrics: readonly string[] = this.experiment.metrics): RunsTable | undefined {
    const { every, ticks } = this.experiment;
    if (every === 0) return undefined;
    const runs = this.finished();
    const rows = runs.reduce((n, run) => n + this.rows.get(run)!.length, 0);
    const run = new Float64Array(rows), tick = new Float64Array(rows);
    const cols = metrics.map((m) => this.experiment.metrics.indexOf(m) + 1);
    const values: Record<string, Float64Array> = { run, tick };
    metrics.forEach((m) => (values[m] = new Float64Array(rows)));
    let i = 0;
    for (const r of runs) {
      for (const row of this.rows.get(r)!) {
        run[i] = r;
        tick[i] = row[0];
        metrics.forEach((m, k) => (values[m][i] = row[cols[k]]));
        i++;
      }
    }
    return { table: { rows, values }, ticks, every };
  }
}
