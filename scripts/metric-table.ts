import { DISTRICT_METRICS, METRIC_SPECS } from '../sim/index.ts';

const district = new Set<string>(DISTRICT_METRICS);

/** The metric table of docs/model.md §7.10, generated from the metric registry, in column order. */
export function metricTable(): string {
  const rows = METRIC_SPECS.map((m) =>
    `| \`${m.name}\` | ${m.group} | ${m.kind} | ${m.unit} | ${district.has(m.name) ? 'yes' : ''} | ${m.label.en} ${m.label.zh} | ${m.about} |`);
  return ['| metric | group | kind | unit | per district | label | what it measures |', '|---|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
