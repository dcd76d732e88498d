// The involution index (MODEL.md §6): I = ΔF − ΔS, the mean smoothed log growth of three form
// volumes minus that of three substance figures, against the mean of the first 12 months.
import { log } from './math.ts';
import { EPSILON, REF_MONTHS } from './constants.ts';

export const FORM = ['purchaseSpending', 'projectsActive', 'paperworkLoad'] as const;
export const SUBSTANCE = ['functionTransfer', 'soDevelopment', 'needsMet'] as const;

export interface Growth {
  form: number;
  substance: number;
  index: number;
}

/** Tracks the reference (mean of the first REF_MONTHS values) of each figure. */
export class IndexTracker {
  private readonly refSum: Float64Array;
  private months = 0;

  /** scales: each figure's natural scale s, form figures first. */
  constructor(private readonly scales: readonly number[]) {
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
      const smooth = EPSILON * this.scales[j];
      const g = log((values[j] + smooth) / (this.refSum[j] / this.months + smooth));
      if (j < half) form += g / half;
      else substance += g / half;
    }
    return { form, substance, index: form - substance };
  }
}
