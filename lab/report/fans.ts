// The report's fans over time: per metric (the first MAX_METRICS), the mean and 5–95 % band
// across seeds, one fan per scenario × design point (or per scenario, pooling its points, when
// there are too many); and the paired fans, each run minus its twin in the baseline. How runs are
// grouped is decided here, for the CLI (which streams runs.csv) and the browser (which holds the
// runs) alike; fans are lab/summaries.ts's, in bounded memory, so that both give the same bands.
import { decodeRun } from '../plan.ts';
import type { ExperimentResults } from '../results.ts';
import type { RunSource } from '../analysis/outcomes.ts';
import { Fans, type Fan } from '../summaries.ts';
import { fmt } from '../charts/style.ts';
import { english, ENGLISH, joined, type Words } from '../charts/words.ts';

const MAX_FANS = 8;
const MAX_METRICS = 6;
/** Values kept for the bands of all cells together (8 bytes each). */
const BUDGET = 4_000_000;

/** The sentence said of bands computed from a sample, with a space before it (English: the CLI's). */
export const SAMPLED_NOTE = ` ${english('report.fans.sampled')}`;

/** Fans to draw: one chart per metric; what each band is taken across; what the reader should know. */
export interface FanSet {
  charts: { metric: string; series: Fan[] }[];
  /** "4 seeds", "6 design points × 4 seeds". */
  across: string;
  /** Sentences for the section's introduction (pooled points, sampled bands), or "". */
  note: string;
}

/** Paired fans: scenario − baseline, run by run. */
export interface PairedFanSet extends FanSet {
  baseline: string;
}

export interface FanSource extends RunSource {
  metrics: readonly string[];
}

export const fanMetrics = (m: FanSource): string[] => m.metrics.slice(0, MAX_METRICS);

/** How many values each cell keeps: the budget shared among every (fan, metric, month). */
export const fanCap = (fans: number, metrics: number, months: number): number => Math.max(200, Math.floor(BUDGET / Math.max(1, fans * metrics * months)));

/** Which fan a run belongs to (−1: none shown), the fans' labels, and what the reader should know. */
export function fanGroups(m: FanSource, w: Words = ENGLISH): { keyOf: (scenario: number, point: number) => number; labels: string[]; note: string; across: string } {
  const S = m.scenarios.length, P = m.design.points.length;
  const perPoint = S * P <= MAX_FANS;
  const pointLabel = (p: number) =>
    joined(
      w,
      'report.join.comma',
      m.design.params.map((name, i) => `${name} ${fmt(m.design.points[p][i])}`),
    );
  const labels = perPoint
    ? m.scenarios.flatMap((s) =>
        m.design.points.map((_, p) => (P > 1 ? (S > 1 ? w.say('report.fans.pointLabel', { scenario: w.scenario(s.id), point: pointLabel(p) }) : pointLabel(p)) : w.scenario(s.id))),
      )
    : m.scenarios.slice(0, MAX_FANS).map((s) => (P > 1 ? w.say('report.fans.allPoints', { scenario: w.scenario(s.id), points: P }) : w.scenario(s.id)));
  const note = perPoint ? '' : P > 1 ? w.say('report.fans.pooled', { combinations: S * P, points: P }) : '';
  const capped = !perPoint && S > MAX_FANS ? w.say('report.fans.capped', { shown: MAX_FANS, scenarios: S }) : '';
  return {
    keyOf: (s, p) => (perPoint ? s * P + p : s < MAX_FANS ? s : -1),
    labels,
    note: note && capped ? joined(w, 'report.join.sentences', [note, capped]) : capped ? ` ${capped}` : note,
    across: perPoint || P === 1 ? w.say('report.fans.seeds', { seeds: m.seeds.length }) : w.say('report.fans.pointsSeeds', { points: P, seeds: m.seeds.length }),
  };
}

/** What the paired fans' bands are taken across. */
export const pairedAcross = (m: FanSource, w: Words = ENGLISH): string =>
  m.design.points.length > 1 ? w.say('report.fans.pointsSeeds', { points: m.design.points.length, seeds: m.seeds.length }) : w.say('report.fans.seeds', { seeds: m.seeds.length });

/** The paired fans' labels: every scenario but the baseline. */
export const pairedLabels = (m: FanSource, baseline: string, w: Words = ENGLISH): string[] =>
  m.scenarios.filter((s) => s.id !== baseline).map((s) => `${w.scenario(s.id)} − ${w.scenario(baseline)}`);

const monthsOf = (results: ExperimentResults): number => Math.max(0, ...results.finished().map((run) => results.recorded(run)!.length));

/** The fans of the runs held in memory (the browser's), the same as the CLI's from runs.csv; none when the runs recorded their final month only. */
export function experimentFans(results: ExperimentResults, w: Words = ENGLISH): FanSet | undefined {
  const m = results.experiment;
  if (m.every === 0) return undefined;
  const { keyOf, labels, note, across } = fanGroups(m, w);
  const metrics = fanMetrics(m);
  const fans = new Fans(labels, metrics.length, fanCap(labels.length, metrics.length, monthsOf(results)));
  const cols = metrics.map((name) => m.metrics.indexOf(name) + 1);
  for (const run of results.finished()) {
    const { scenario, point } = decodeRun(run, m.design.points.length, m.seeds.length);
    const key = keyOf(scenario, point);
    if (key < 0) continue;
    for (const row of results.recorded(run)!) cols.forEach((c, i) => fans.add(key, i, row[0], row[c]));
  }
  const sampled = fans.sampled ? w.say('report.fans.sampled') : '';
  return { charts: metrics.map((metric, i) => ({ metric, series: fans.series(i) })), across, note: note && sampled ? joined(w, 'report.join.sentences', [note, sampled]) : note || (sampled && ` ${sampled}`) };
}

/**
 * The paired fans of the runs held in memory: each run minus its twin (same point, same seed) in
 * the baseline; none with one scenario, an unknown baseline, or runs that recorded their final month only.
 */
export function pairedExperimentFans(results: ExperimentResults, baseline: string, w: Words = ENGLISH): PairedFanSet | undefined {
  const m = results.experiment;
  const b = m.scenarios.findIndex((s) => s.id === baseline);
  if (m.scenarios.length < 2 || b < 0 || m.every === 0) return undefined;
  const P = m.design.points.length, R = m.seeds.length;
  const metrics = fanMetrics(m);
  const labels = pairedLabels(m, baseline, w);
  const fans = new Fans(labels, metrics.length, fanCap(labels.length, metrics.length, monthsOf(results)));
  const cols = metrics.map((name) => m.metrics.indexOf(name) + 1);
  let fan = 0;
  m.scenarios.forEach((_, s) => {
    if (s === b) return;
    for (let twin = 0; twin < P * R; twin++) {
      const rows = results.recorded(s * P * R + twin), base = results.recorded(b * P * R + twin);
      if (!rows || !base) continue;
      const byTick = new Map(base.map((row) => [row[0], row]));
      for (const row of rows) {
        const other = byTick.get(row[0]);
        if (other) cols.forEach((c, i) => fans.add(fan, i, row[0], row[c] - other[c]));
      }
    }
    fan++;
  });
  const note = fans.sampled ? w.say('report.fans.sampled') : '';
  return { baseline, charts: metrics.map((metric, i) => ({ metric, series: fans.series(i) })), across: pairedAcross(m, w), note };
}
