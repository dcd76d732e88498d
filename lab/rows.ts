// Rows of a run, in runs (one per recorded tick) and summary (the final values). Numbers in
// JavaScript's shortest round-trip form (String(x)), so the text holds the exact doubles. The layout
// also checks rows read back (from the journal, a shard, a file): every cell of the run's front (run,
// scenario, seed, design point) exactly as the experiment defines it, the ticks, and numeric cells.
// Cells are joined as they are, not through d3-dsv (lab/csv.ts): a row holds numbers and a scenario
// id ([a-z0-9-]), which d3-dsv would write the same, and this is the hot path of a million runs
// written, and of every line read back and checked against its expected front.
import type { Series } from '../sim/index.ts';
import type { Design } from './design/design.ts';
import { decodeRun } from './plan.ts';

export interface Headers {
  runs: string;
  summary: string;
}

/** What the layout of an experiment's rows depends on (an Experiment, or a manifest and its design). */
export interface LayoutSource {
  scenarios: readonly { id: string }[];
  seeds: readonly number[];
  design: Pick<Design, 'params' | 'points'>;
  ticks: readonly number[];
  metrics: readonly string[];
  every: number;
}

/** Whether entry i of a series of n is recorded: every k-th and the last (k = 0: the last only). */
const isRecorded = (i: number, n: number, every: number): boolean => i === n - 1 || (every > 0 && i % every === 0);

/** Rows [tick, ...metrics] at every k-th tick and at the last one (k = 0: the last one only). */
export function recordedRows(series: Series, metrics: readonly string[], every: number): number[][] {
  const n = series.tick.length;
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) if (isRecorded(i, n, every)) rows.push([series.tick[i], ...metrics.map((m) => series[m][i])]);
  return rows;
}

/** The ticks a run of `ticks` months records (its series holds months 0 … ticks − 1). */
export function recordedTicks(ticks: number, every: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ticks; i++) if (isRecorded(i, ticks, every)) out.push(i);
  return out;
}

export interface RunText {
  runs: string;
  summary: string;
}

/** A finite number as String(x) writes it, and nothing else (no blank, no NaN, no CR). */
export const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]\d+)?$/;

export class RunLayout {
  readonly headers: Headers;
  readonly summaryColumns: number;
  readonly runsColumns: number;
  private readonly ticksOf: string[][];
  private readonly points: number;
  /** Cells of a row's front: run, scenario, seed and the design point's values. */
  private readonly frontCells: number;

  constructor(private readonly s: LayoutSource) {
    const front = ['run', 'scenario', 'seed', ...s.design.params];
    this.headers = { runs: [...front, 'tick', ...s.metrics].join(',') + '\n', summary: [...front, ...s.metrics].join(',') + '\n' };
    this.summaryColumns = front.length + s.metrics.length;
    this.runsColumns = this.summaryColumns + 1;
    this.ticksOf = s.ticks.map((t) => recordedTicks(t, s.every).map(String));
    this.points = s.design.points.length;
    this.frontCells = front.length;
  }

  /** "run,scenario,seed,<point values>": the cells every row of the run starts with. */
  front(run: number): string {
    const { scenario, point, replicate } = decodeRun(run, this.points, this.s.seeds.length);
    return [run, this.s.scenarios[scenario].id, this.s.seeds[replicate], ...this.s.design.points[point]].join(',');
  }

  /** Rows of the run in runs (one per recorded tick). */
  rowsOf(run: number): number {
    return this.ticksOf[decodeRun(run, this.points, this.s.seeds.length).scenario].length;
  }

  /** The run's lines of runs and its line of summary. */
  format(run: number, rows: number[][]): RunText {
    const front = this.front(run);
    const runs = rows.map((r) => `${front},${r.join(',')}\n`).join('');
    const summary = `${front},${rows[rows.length - 1].slice(1).join(',')}\n`;
    return { runs, summary };
  }

  /** What is wrong with a summary line of `run`, or undefined. */
  checkSummary(run: number, line: string, front = this.front(run)): string | undefined {
    return this.checkCells(line, front, this.summaryColumns);
  }

  /** What is wrong with the i-th runs line of `run`, or undefined. */
  checkRuns(run: number, i: number, line: string, front = this.front(run)): string | undefined {
    const problem = this.checkCells(line, front, this.runsColumns);
    if (problem) return problem;
    const ticks = this.ticksOf[decodeRun(run, this.points, this.s.seeds.length).scenario];
    const tick = line.slice(front.length + 1, line.indexOf(',', front.length + 1) >>> 0);
    if (tick !== ticks[i]) return `tick ${JSON.stringify(tick)} where the run's row ${i + 1} records month ${ticks[i] ?? '(none: too many rows)'}`;
    return undefined;
  }

  private checkCells(line: string, front: string, columns: number): string | undefined {
    if (!line.startsWith(front + ',')) {
      const got = line.split(',').slice(0, this.frontCells).join(',');
      return `starts ${JSON.stringify(got.slice(0, 80))}; run ${front.slice(0, front.indexOf(','))} must start "${front.slice(0, 80)}" (run, scenario, seed, design point)`;
    }
    const cells = line.slice(front.length + 1).split(',');
    if (cells.length + this.frontCells !== columns) return `has ${cells.length + this.frontCells} columns; the header has ${columns}`;
    for (let i = 0; i < cells.length; i++) {
      if (!NUMBER.test(cells[i])) return `column ${this.frontCells + i + 1} holds ${JSON.stringify(cells[i].slice(0, 40))}, not a number`;
    }
    return undefined;
  }
}
