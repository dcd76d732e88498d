// Live monitors, as NetLogo shows them: the run's key figures this month, in large type. They
// follow the run as it plays (read by screen readers when it pauses, through the clock).
import { metricLabel, t, type MessageKey } from './i18n/index.ts';

/** The monitored metrics, and how each is written. */
const MONITORS: { metric: string; format: (v: number) => string }[] = [
  { metric: 'involutionIndex', format: (v) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}` },
  { metric: 'purchaseSpending', format: (v) => v.toFixed(0) },
  { metric: 'needsMet', format: (v) => `${(v * 100).toFixed(1)} %` },
  { metric: 'independentSOs', format: (v) => String(Math.round(v)) },
];

export function createMonitors(root: HTMLElement) {
  const cells = MONITORS.map(({ metric }) => {
    const cell = root.appendChild(document.createElement('div'));
    cell.className = 'monitor';
    cell.dataset.metric = metric;
    const label = cell.appendChild(document.createElement('span'));
    label.className = 'monitor-label';
    label.id = `mon-label-${metric}`;
    const value = cell.appendChild(document.createElement('output'));
    value.id = `mon-${metric}`;
    value.setAttribute('aria-labelledby', label.id);
    value.textContent = '—';
    const unit = cell.appendChild(document.createElement('span'));
    unit.className = 'monitor-unit';
    return { metric, label, value, unit };
  });
  return {
    update(series: Record<string, number[]>): void {
      MONITORS.forEach(({ metric, format }, i) => {
        const col = series[metric];
        cells[i].value.textContent = col?.length ? format(col[col.length - 1]) : '—';
      });
    },
    relabel(): void {
      for (const c of cells) {
        c.label.textContent = metricLabel(c.metric);
        c.unit.textContent = t(`monitor.${c.metric}` as MessageKey);
      }
    },
  };
}
