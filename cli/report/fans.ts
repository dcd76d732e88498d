// The fans of the report, from the runs table read as a stream (in bounded memory): per chosen
// metric, the mean and 5–95 % band across seeds over months, and the paired differences from a
// baseline. Which runs make a fan, and how many values a band keeps, is lab/report/fans.ts's: the
// browser, holding its runs, gets the same fans.
import { decodeRun } from '../../lab/plan.ts';
import { NUMBER, recordedTicks } from '../../lab/rows.ts';
import { fanCap, fanGroups, fanMetrics, pairedAcross, pairedLabels, SAMPLED_NOTE, type FanSet, type PairedFanSet } from '../../lab/report/fans.ts';
import { Fans } from '../../lab/summaries.ts';
import type { Manifest } from '../experiment/manifest.ts';
import { breathe } from '../experiment/outputs.ts';
import { openResults, type Loaded } from '../experiment/results.ts';
import { UsageError } from '../common/errors.ts';

/** How many values each cell keeps (lab/report/fans.ts's rule, for the longest run's months). */
function capOf(m: Loaded, fans: number, metrics: number): number {
  return fanCap(fans, metrics, Math.max(...m.ticks.map((t) => recordedTicks(t, m.spec.record === 'final' ? 0 : m.spec.record.every).length)));
}

/** A numeric cell of a runs row, or an error naming the file and the row. */
function numberAt(cells: string[], i: number, name: string, path: string, row: number): number {
  const cell = cells[i];
  if (cell === undefined || !NUMBER.test(cell)) throw new UsageError(`${path} row ${row} (line ${row + 1}), column ${name}: ${JSON.stringify((cell ?? '').slice(0, 40))} is not a number${cell ? '' : ' (empty)'}`);
  return Number(cell);
}

/** The fans over time of the runs table. */
export async function fansOverTime(dir: string, manifest: Manifest, m: Loaded): Promise<FanSet> {
  const { keyOf, labels, note, across } = fanGroups(m);
  const metrics = fanMetrics(m);
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
  return { charts: metrics.map((metric, i) => ({ metric, series: fans.series(i) })), across, note: note + (fans.sampled ? SAMPLED_NOTE : '') };
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
 * Paired fans over time: for each scenario other than the baseline, the difference scenario −
 * baseline of each run and its twin (same design point, same seed: common random numbers), per
 * recorded month; one chart per metric, the fan pooling the design points. The runs table is in
 * run order, each scenario a block: the baseline's block and each other scenario's are read side
 * by side, one run at a time.
 */
export async function pairedDifferences(dir: string, manifest: Manifest, m: Loaded, baseline: string): Promise<PairedFanSet | undefined> {
  const b = m.scenarios.findIndex((s) => s.id === baseline);
  if (m.scenarios.length < 2 || b < 0) return undefined;
  const P = m.design.points.length, R = m.seeds.length;
  const every = m.spec.record === 'final' ? 0 : m.spec.record.every;
  const rowsOf = m.ticks.map((t) => recordedTicks(t, every).length);
  /** First row of each scenario's block. */
  const start = m.scenarios.map((_, s) => rowsOf.slice(0, s).reduce((a, n) => a + n * P * R, 0));
  const metrics = fanMetrics(m);
  const labels = pairedLabels(m, baseline);
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
  return { baseline, charts: metrics.map((metric, i) => ({ metric, series: fans.series(i) })), across: pairedAcross(m), note: fans.sampled ? SAMPLED_NOTE.trim() : '' };
}
