// The Compare tab as the page wires it: its controls (the scenarios ticked, the outcome, the
// baseline, the seeds) read into a CompareConfig and filled in the page's language, their events,
// and the results view (viz/compare.ts) they drive. The page (viz/main.ts) keeps the chosen
// settings in its share link and says when the tab is shown.
import { SCENARIOS } from '../scenarios/index.ts';
import { metricLabel, pick, t } from './i18n/index.ts';
import type { createCompare } from './compare.ts';
import { COMPARE_DEFAULTS, COMPARE_METRICS, COMPARE_SCENARIOS, COMPARE_SEEDS, isCompareMetric, type CompareConfig, type Settings } from './compare-config.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export interface CompareTabHost {
  /** The sidebar's settings now. */
  settings(): Settings;
  /** The settings chosen so far (the link's), or null before any: the controls start from them. */
  chosen(): CompareConfig | null;
  /** The controls changed: `config` is what they now make (null with fewer than two scenarios). */
  changed(config: CompareConfig | null): void;
  /** Run was pressed with a comparison the controls make; the tab runs it after this. */
  chose(config: CompareConfig): void;
  /** A comparison ended (complete or not): the share link may now bring back its results. */
  ended(): void;
}

/** Compare's controls and results; the returned object is the results view's, with `config` and `fill`. */
export function createCompareTab(host: CompareTabHost) {
  /** Compare's settings as its controls are now; null unless two to four scenarios are chosen. */
  function config(): CompareConfig | null {
    const scenarios = [...$('compare-scenarios').querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    if (scenarios.length < COMPARE_SCENARIOS.min || scenarios.length > COMPARE_SCENARIOS.max) return null;
    const baseline = $<HTMLSelectElement>('compare-baseline').value;
    const seeds = Math.max(
      COMPARE_SEEDS.min,
      Math.min(COMPARE_SEEDS.max, Math.round(Number($<HTMLInputElement>('compare-seeds').value) || COMPARE_DEFAULTS.seeds)),
    );
    const metric = $<HTMLSelectElement>('compare-metric').value;
    return {
      scenarios: scenarios.includes(baseline) ? scenarios : [baseline, ...scenarios].slice(0, COMPARE_SCENARIOS.max),
      seeds,
      metric: isCompareMetric(metric) ? metric : COMPARE_DEFAULTS.metric,
      baseline,
    };
  }

  /** The scenarios' boxes, the outcomes and the baselines in the page's language, keeping what is chosen. */
  function fill(): void {
    const chosen = host.chosen() ?? COMPARE_DEFAULTS;
    const cmp = $('compare-scenarios');
    const checked = new Set([...cmp.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value));
    if (!checked.size) chosen.scenarios.forEach((id) => checked.add(id));
    cmp.querySelectorAll('label').forEach((l) => l.remove());
    for (const s of SCENARIOS) {
      const label = cmp.appendChild(document.createElement('label'));
      const box = label.appendChild(document.createElement('input'));
      box.type = 'checkbox';
      box.value = s.id;
      box.checked = checked.has(s.id);
      label.append(pick(s.title));
    }
    const metric = $<HTMLSelectElement>('compare-metric');
    const mv = metric.value || chosen.metric;
    metric.replaceChildren(...COMPARE_METRICS.map((m) => new Option(metricLabel(m), m, false, m === mv)));
    const base = $<HTMLSelectElement>('compare-baseline');
    const bv = base.value || chosen.baseline;
    base.replaceChildren(...SCENARIOS.map((s) => new Option(pick(s.title), s.id, false, s.id === bv)));
  }

  /**
   * The results view (its charts, the pool's runs, the exports) is loaded when the tab is first
   * opened or a comparison is run: the page's first screen does not need it. Until then Compare has
   * no results to keep, redraw or share.
   */
  let view: ReturnType<typeof createCompare> | undefined;
  let loading: Promise<ReturnType<typeof createCompare>> | undefined;
  const load = () =>
    (loading ??= import('./compare.ts').then(({ createCompare }) => {
      const v = createCompare(
        {
          panel: $('panel-compare'),
          root: $('compare-views'),
          progress: $('compare-progress'),
          announce: $('compare-announce'),
          bar: $<HTMLProgressElement>('compare-bar'),
          note: $('compare-settings'),
          estimate: $('compare-estimate'),
          stale: $('compare-stale'),
          runButton: $<HTMLButtonElement>('compare-run'),
          cancelButton: $<HTMLButtonElement>('compare-cancel'),
          exportSpec: $<HTMLButtonElement>('compare-export-spec'),
          exportCsv: $<HTMLButtonElement>('compare-export-csv'),
        },
        { settings: host.settings, config, changed: host.ended },
      );
      view = v;
      v.refresh();
      return v;
    }));

  // The settings go to the page as they are chosen (the estimate and the results follow them), and
  // the comparison runs with them.
  const changed = () => host.changed(config());
  $('panel-compare').addEventListener('change', changed);
  $('panel-compare').addEventListener('input', changed);
  $('compare-run').addEventListener('click', () => {
    const c = config();
    if (!c) {
      $('compare-progress').textContent = t('compareNeedTwo');
      return;
    }
    host.chose(c);
    void load().then((v) => v.run(c));
  });
  const start = host.chosen();
  if (start) $<HTMLInputElement>('compare-seeds').value = String(start.seeds);

  return {
    config,
    fill,
    open: () => void load().then((v) => v.open()),
    run: (c: CompareConfig, fromLink = false) => load().then((v) => v.run(c, fromLink)),
    refresh: () => view?.refresh(),
    relabel: () => view?.relabel(),
    current: () => view?.current() ?? false,
    cancel: () => view?.cancel(),
  };
}
