// Model constants: the involution index. Read by sim/metrics.ts.
import type { ParamSpec } from '../params.ts';

export const INDEX = [
  {
    name: 'indexEpsilon',
    group: 'calibration',
    min: 0.01,
    max: 0.2,
    default: 0.05,
    basis: 'assumed',
    source: 'Model design (docs/model.md §7.11)',
    unit: 'share of scale',
    en: "Smoothing of the index's log growth, as a share of each figure's scale: its first-year level, never under a tenth of its natural scale.",
    zh: '内卷指数对数增长的平滑量，占各指标尺度的比例：尺度为其第一年水平，但不低于自然尺度的十分之一。',
  },
] as const satisfies readonly ParamSpec[];
