// The exact decomposition of the involution index by figure (docs/model.md §7.11, "What carries the
// index"). With g the smoothed log growth of each of the six figures — spending S, projects P,
// paperwork W, need-units met U, transfer volume T, capability C —
//   I = (g_S + g_P + g_W)/3 − (g_U + g_T + g_C)/3
//     = (g_P − g_S)/3 + (g_W − g_S)/3 − (g_U − g_S) − (g_T − g_U)/3 − (g_C − g_U)/3,
// each term a ratio of its own kind: project size (projects per money), the paperwork share
// (paperwork per money), need met per money, the autonomous share of the need met, and the
// independent SOs' service per money (capability per need met). Money itself has no term: it enters
// only as the yardstick of what it buys.
import { FIGURES, growthSeries, indexScales, type Figure, type Params } from '../../sim/index.ts';

export const TERMS = ['projectsPerMoney', 'paperworkPerMoney', 'needMetPerMoney', 'autonomousShare', 'serviceLevel'] as const;
export type Term = (typeof TERMS)[number];

export interface FigureGrowth {
  spending: number;
  projects: number;
  paperwork: number;
  needUnits: number;
  transfer: number;
  capability: number;
}

/** The five terms of the index; they add up to it exactly (up to rounding). */
export function decompose(g: FigureGrowth): Record<Term, number> {
  return {
    projectsPerMoney: (g.projects - g.spending) / 3,
    paperworkPerMoney: (g.paperwork - g.spending) / 3,
    needMetPerMoney: -(g.needUnits - g.spending),
    autonomousShare: -(g.transfer - g.needUnits) / 3,
    serviceLevel: -(g.capability - g.needUnits) / 3,
  };
}

/** Each figure's growth at month m (1-based) of a recorded series, exactly as the index computes it. */
export function figureGrowthAt(series: Record<string, number[]>, params: Params, m: number): FigureGrowth {
  const scales = indexScales(params);
  const g = Object.fromEntries(FIGURES.map((f, j) => [f, growthSeries(series[f].slice(0, m), scales[j], params.indexEpsilon)[m - 1]])) as Record<
    Figure,
    number
  >;
  return {
    spending: g.purchaseSpending,
    projects: g.projectsActive,
    paperwork: g.paperworkLoad,
    needUnits: g.needUnitsServed,
    transfer: g.transferVolume,
    capability: g.soCapability,
  };
}
