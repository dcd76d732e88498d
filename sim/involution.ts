// The involution index (docs/model.md §Index): I = ΔF − ΔS, the mean smoothed log growth of three
// form volumes minus that of three substance volumes, against the mean of the first 12 months.
// Geertz's involution: input grows, output per unit of input does not. Form is what goes in and what
// is shown — money, projects, procedure (SO staff time on paperwork, in money) — and substance is
// what comes out — quality-weighted need-units met by all supply, the part of them met by autonomous
// independent SOs, and the need met valued at the independent SOs' service per money (capability).
// All six are volumes, so when money and real service grow in proportion the index stays at zero;
// money itself cancels out, and the index reads what a unit of it buys.
import { log } from './math.ts';
import { REF_MONTHS } from './constants.ts';

export const FORM = ['purchaseSpending', 'projectsActive', 'paperworkLoad'] as const;
export const SUBSTANCE = ['needUnitsServed', 'transferVolume', 'soCapability'] as const;
/** The index's six figures in the order the tracker, the scales and every reader take them: form, then substance. */
export const FIGURES = [...FORM, ...SUBSTANCE] as const;
export type Figure = (typeof FIGURES)[number];
/** A figure's values in the order of FIGURES. */
export const inFigureOrder = (values: Record<Figure, number>): number[] => FIGURES.map((f) => values[f]);

export interface Growth {
  form: number;
  substance: number;
  index: number;
}

/** Tracks the reference (mean of the first REF_MONTHS values) of each figure. */
export class IndexTracker {
  private readonly refSum: Float64Array;
  private months = 0;

  /** floors: each figure's natural scale s, form figures first (the scale is never below a tenth of it); epsilon: the smoothing, as a share of the scale. */
  constructor(
    private readonly scales: readonly number[],
    private readonly epsilon: number,
  ) {
    this.refSum = new Float64Array(scales.length);
  }

  /** Add this month's figures (form first, then substance) and return the growth against the reference. */
  push(values: ArrayLike<number>): Growth {
    if (this.months < REF_MONTHS) {
      for (let j = 0; j < values.length; j++) this.refSum[j] += values[j];
      this.months++;
    }
    const half = this.scales.length / 2;
    let form = 0;
    let substance = 0;
    for (let j = 0; j < this.scales.length; j++) {
      const ref = this.refSum[j] / this.months;
      const g = figureGrowth(values[j], ref, figureScale(ref, this.scales[j]), this.epsilon);
      if (j < half) form += g / half;
      else substance += g / half;
    }
    return { form, substance, index: form - substance };
  }
}

/**
 * The scale of a figure: its own reference level, so that the index reads relative growth, but never
 * below a tenth of the figure's natural scale (a figure that starts near zero would otherwise read
 * any growth as enormous).
 */
export function figureScale(ref: number, natural: number): number {
  return Math.max(ref, 0.1 * natural);
}

/** Smoothed log growth of one figure against its reference: log((x + εs) / (ref + εs)). */
export function figureGrowth(value: number, ref: number, scale: number, epsilon: number): number {
  const smooth = epsilon * scale;
  return log((value + smooth) / (ref + smooth));
}

/**
 * The growth of one recorded figure, month by month, exactly as the index computes it (against the
 * running mean of its first REF_MONTHS months): for charts of the six figures behind the index.
 */
export function growthSeries(values: ArrayLike<number>, natural: number, epsilon: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (i < REF_MONTHS) sum += values[i];
    const ref = sum / Math.min(i + 1, REF_MONTHS);
    out.push(figureGrowth(values[i], ref, figureScale(ref, natural), epsilon));
  }
  return out;
}
