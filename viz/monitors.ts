// Live monitors, as NetLogo shows them: a run's key figures this month, in large type, each with
// its reference — the first year, as the index reads growth (the mean of months 0–11, or of those
// so far): "×2.3 since the first year", "+1.9 points", "+14"; the index says how much form and
// substance have each grown. They follow the run as it plays (read by screen readers when it
// pauses, through the clock). The Explore tab shows the four below; a lesson shows its own.
import { METRIC_BY_NAME, type MetricName } from '../sim/metric-registry.ts';
import { metricLabel, t, type MessageKey } from './i18n/index.ts';
import { signed } from './lessons.ts';

/** The Explore tab's monitors. */
export const EXPLORE_MONITORS: readonly MetricName[] = ['involutionIndex', 'purchaseSpending', 'needsMet', 'independentSOs'];

/** The first year's mean of a series: the reference the index and the monitors read growth against. */
export function firstYear(col: ArrayLike<number>): number {
  const n = Math.min(12, col.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += col[i];
  return s / n;
}

const kind = (metric: string) => METRIC_BY_NAME.get(metric)?.kind ?? 'amount';

/** A monitor's value, as its kind is written: the index signed, a share in per cent, a count whole. */
export function monitorValue(metric: string, v: number): string {
  if (!Number.isFinite(v)) return '—';
  switch (kind(metric)) {
    case 'growth':
      return signed(v, 2);
    case 'share':
      return `${(v * 100).toFixed(1)} %`;
    case 'count':
      return String(Math.round(v));
    default:
      return v >= 10 ? v.toFixed(0) : String(Number(v.toPrecision(2)));
  }
}

/** The monitor's reference line: this month against the first year. */
export function monitorReference(metric: string, series: Record<string, ArrayLike<number>>): string {
  const col = series[metric];
  if (!col?.length) return '';
  const now = col[col.length - 1];
  const growth = (m: string) => (series[m]?.length ? Math.exp(series[m][series[m].length - 1]).toFixed(1) : '—');
  switch (kind(metric)) {
    case 'growth':
      return metric === 'involutionIndex'
        ? t('monitor.ref.index', { form: growth('formGrowth'), substance: growth('substanceGrowth') })
        : t('monitor.ref.times', { ratio: Math.exp(now).toFixed(1) });
    case 'share':
      return t('monitor.ref.points', { value: signed((now - firstYear(col)) * 100, 1) });
    case 'count':
      return t('monitor.ref.count', { value: signed(now - firstYear(col), 0) });
    default: {
      const base = firstYear(col);
      return base > 0 ? t('monitor.ref.times', { ratio: (now / base).toFixed(1) }) : '';
    }
  }
}

export function createMonitors(root: HTMLElement, metrics: readonly string[] = EXPLORE_MONITORS, id = 'mon') {
  root.replaceChildren();
  const cells = metrics.map((metric) => {
    const cell = root.appendChild(document.createElement('div'));
    cell.className = 'monitor';
    cell.dataset.metric = metric;
    const label = cell.appendChild(document.createElement('span'));
    label.className = 'monitor-label';
    label.id = `${id}-label-${metric}`;
    const value = cell.appendChild(document.createElement('output'));
    value.id = `${id}-${metric}`;
    value.setAttribute('aria-labelledby', label.id);
    value.textContent = '—';
    const unit = cell.appendChild(document.createElement('span'));
    unit.className = 'monitor-unit';
    const ref = cell.appendChild(document.createElement('span'));
    ref.className = 'monitor-ref';
    return { metric, label, value, unit, ref };
  });
  return {
    update(series: Record<string, ArrayLike<number>>): void {
      for (const c of cells) {
        const col = series[c.metric];
        c.value.textContent = col?.length ? monitorValue(c.metric, col[col.length - 1]) : '—';
        c.ref.textContent = monitorReference(c.metric, series);
      }
    },
    relabel(): void {
      for (const c of cells) {
        c.label.textContent = metricLabel(c.metric);
        c.unit.textContent = t(`monitor.${c.metric}` as MessageKey);
      }
    },
  };
}
