// Fan charts from the runs table, read as a stream: per chosen metric, the mean and 5–95 % band
// across seeds over months, one fan per scenario × design point (or per scenario, over all points,
// when there are too many). The fans are lab/summaries.ts's, in bounded memory: where a month has
// more values than a cell keeps, the band is from a seeded sample, and the chart says so.
import { decodeRun } from '../../lab/plan.ts';
import { NUMBER, recordedTicks } from '../../lab/rows.ts';
import { Fans, type Fan } from '../../lab/summaries.ts';
import type { Manifest } from '../experiment/manifest.ts';
import { breathe } from '../experiment/outputs.ts';
import { openResults, type Loaded } from '../experiment/results.ts';
import { UsageError } from '../common/errors.ts';
import { fmt } from './html.ts';
import { fanChart } from './fan.ts';
import { metricLabel } from './units.ts';

export const MAX_FANS = 8;
export const MAX_METRICS = 6;
/** Values kept for the bands of all cells together (8 bytes each). */
const BUDGET = 4_000_000;

/** How many values each cell keeps: the budget shared among every (fan, metric, month). */
function capOf(m: Loaded, fans: number, metrics: number): number {
  const months = Math.max(...m.ticks.map((t) => recordedTicks(t, m.spec.record === 'final' ? 0 : m.spec.record.every).length));
  return Math.max(200, Math.floor(BUDGET / Math.max(1, fans * metrics * months)));
}

function groupsOf(m: Loaded): { keyOf: (scenario: number, point: number) => number; labels: string[]; note: string; across: string } {
  const S = m.scenarios.length, P = m.design.points.length;
  const perPoint = S * P <= MAX_FANS;
  const pointLabel = (p: number) => m.design.params.map((name, i) => `${name} ${fmt(m.design.points[p][i])}`).join(', ');
  const labels = perPoint
    ? m.scenarios.flatMap((s) => m.design.points.map((_, p) => (P > 1 ? `${S > 1 ? `${s.id}: ` : ''}${pointLabel(p)}` : s.id)))
    : m.scenarios.slice(0, MAX_FANS).map((s) => (P > 1 ? `${s.id} (all ${P} points)` : s.id));
  const note = perPoint ? '' : P > 1 ? `With ${S * P} scenario × design point combinations, each fan pools one scenario's ${P} design points and all seeds.` : '';
  const capped = !perPoint && S > MAX_FANS ? ` Showing the first ${MAX_FANS} of ${S} scenarios.` : '';
  return {
    keyOf: (s, p) => (perPoint ? s * P + p : s < MAX_FANS ? s : -1),
    labels,
    note: note + capped,
    across: perPoint || P === 1 ? `${m.seeds.length} seeds` : `${P} design points × ${m.seeds.length} seeds`,
  };
}

/** A numeric cell of a runs row, or an error naming the file and the row. */
function numberAt(cells: string[], i: number, name: string, path: string, row: number): number {
  const cell = cells[i];
  if (cell === undefined || !NUMBER.test(cell)) throw new UsageError(`${path} row ${row} (line ${row + 1}), column ${name}: ${JSON.stringify((cell ?? '').slice(0, 40))} is not a number${cell ? '' : ' (empty)'}`);
  return Number(cell);
}

const SAMPLED_NOTE = ' Where a month has more values than the report keeps, its band is computed from a seeded uniform sample of them (the means from all).';

export async function fanCharts(dir: string, manifest: Manifest, m: Loaded): Promise<{ svgs: string[]; note: string }> {
  const { keyOf, labels, note, across } = groupsOf(m);
  const metrics = m.metrics.slice(0, MAX_METRICS);
  const fans = new Fans(labels, metrics.length, capOf(m, labels.length, metrics.length));
  const reader = await openResults(dir, manifest, 'runs', 0, ['run', 'tick', ...metrics]);
  try {
    const header = reader.header.split(',');
    const runCol = header.indexOf('run'), tickCol = header.indexOf('tick');
    const cols = metrics.map((name) => header.indexOf(name));
    let row = 0;
    for (let batch = await reader.next(); batch; batch = await reader.next()) {
      for (const line of batch) {
        row++;
        const cells = line.split(',');
        const { scenario, point } = decodeRun(numberAt(cells, runCol, 'run', reader.path, row), m.design.points.length, m.seeds.length);
        const key = keyOf(scenario, point);
        if (key < 0) continue;
        const tick = numberAt(cells, tickCol, 'tick', reader.path, row);
        for (let i = 0; i < cols.length; i++) fans.add(key, i, tick, numberAt(cells, cols[i], metrics[i], reader.path, row));
      }
      await breathe();
    }
  } finally {
    reader.close();
  }
  const svgs = metrics.map((name, i) => fanChart({ title: `${name}: mean and 90 % band across ${across}`, xLabel: 'month (tick)', yLabel: metricLabel(name), series: fans.series(i) }));
  return { svgs, note: note + (fans.sampled ? SAMPLED_NOTE : '') };
}

/**
 * Paired fans over time: for each scenario other than the baseline, the difference scenario −
 * baseline of each run and its twin (same design point, same seed: common random numbers), per
 * recorded month; one chart per metric, the fan pooling the design points.
 */
export async function pairedFanCharts(dir: string, manifest: Manifest, m: Loaded, baseline: string): Promise<string[]> {
  const P = m.design.points.length, R = m.seeds.length;
  const across = P > 1 ? `${P} design points × ${R} seeds` : `${R} seeds`;
  return (await pairedDifferences(dir, manifest, m, baseline)).map(({ metric, series }) =>
    fanChart({ title: `${metric}: difference from ${baseline}, paired on common seeds (mean and 90 % band across ${across})`, xLabel: 'month (tick)', yLabel: `difference in ${metricLabel(metric)}`, series }),
  );
}

/** A table's rows grouped by run, from a given row on: the rows of one run at a time. */
class RunRows {
  private pending: string[] = [];
  private i = 0;
  row: number;
  constructor(
    private readonly reader: Awaited<ReturnType<typeof openResults>>,
    from: number,
  ) {
    this.row = from;
  }
  async take(count: number): Promise<string[]> {
    const out: string[] = [];
    while (out.length < count) {
      if (this.i >= this.pending.length) {
        this.pending = (await this.reader.next()) ?? [];
        this.i = 0;
        if (!this.pending.length) throw new UsageError(`${this.reader.path} ends at row ${this.row}, before every run's rows`);
      }
      out.push(this.pending[this.i++]);
      this.row++;
    }
    return out;
  }
}

/**
 * The fans of pairedFanCharts, per metric (up to MAX_METRICS): one per scenario other than the
 * baseline. The runs table is in run order, each scenario a block: the baseline's block and each
 * other scenario's are read side by side, one run at a time.
 */
export async function pairedDifferences(dir: string, manifest: Manifest, m: Loaded, baseline: string): Promise<{ metric: string; series: Fan[] }[]> {
  const b = m.scenarios.findIndex((s) => s.id === baseline);
  if (m.scenarios.length < 2 || b < 0) return [];
  const P = m.design.points.length, R = m.seeds.length;
  const every = m.spec.record === 'final' ? 0 : m.spec.record.every;
  const rowsOf = m.ticks.map((t) => recordedTicks(t, every).length);
  /** First row of each scenario's block. */
  const start = m.scenarios.map((_, s) => rowsOf.slice(0, s).reduce((a, n) => a + n * P * R, 0));
  const metrics = m.metrics.slice(0, MAX_METRICS);
  const labels = m.scenarios.filter((_, s) => s !== b).map((s) => `${s.id} − ${baseline}`);
  const fans = new Fans(labels, metrics.length, capOf(m, labels.length, metrics.length));
  let fan = 0;
  for (let s = 0; s < m.scenarios.length; s++) {
    if (s === b) continue;
    const baseReader = await openResults(dir, manifest, 'runs', start[b], ['tick', ...metrics]);
    const reader = await openResults(dir, manifest, 'runs', start[s], ['tick', ...metrics]);
    try {
      const header = reader.header.split(',');
      const tickCol = header.indexOf('tick');
      const cols = metrics.map((name) => header.indexOf(name));
      const base = new RunRows(baseReader, start[b]), mine = new RunRows(reader, start[s]);
      for (let twin = 0; twin < P * R; twin++) {
        const baseRows = await base.take(rowsOf[b]);
        const rows = await mine.take(rowsOf[s]);
        const byTick = new Map<number, string[]>();
        for (const line of baseRows) {
          const cells = line.split(',');
          byTick.set(Number(cells[tickCol]), cells);
        }
        for (const [k, line] of rows.entries()) {
          const cells = line.split(',');
          const twinCells = byTick.get(numberAt(cells, tickCol, 'tick', reader.path, mine.row - rows.length + k + 1));
          if (!twinCells) continue;
          const tick = Number(cells[tickCol]);
          for (let i = 0; i < cols.length; i++) {
            const row = mine.row - rows.length + k + 1;
            fans.add(fan, i, tick, numberAt(cells, cols[i], metrics[i], reader.path, row) - numberAt(twinCells, cols[i], metrics[i], baseReader.path, base.row));
          }
        }
        if (twin % 2048 === 2047) await breathe();
      }
    } finally {
      baseReader.close();
      reader.close();
    }
    fan++;
  }
  return metrics.map((metric, i) => ({ metric, series: fans.series(i) }));
}
