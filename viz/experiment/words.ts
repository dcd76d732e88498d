// The report's words in the page's language (lab/charts/words.ts): its messages from the page's
// catalogs (viz/i18n/messages/*.json, where `npm run i18n` keeps the English the report's). In
// another language than English, metrics and parameters are named as the page names them (the
// registry's names in that language) and bundled scenarios by their titles; in English by their
// identifiers, as the CLI's report names them, so that the page's report is the CLI's; an axis
// carries the registry's unit in the page's language (sim/units.ts). The Experiment and Diagnose
// tabs' charts and their HTML reports speak them.
import { ENGLISH, type WordKey, type Words } from '../../lab/charts/words.ts';
import { metricSpec, PARAM_BY_NAME, unitIn } from '../../sim/index.ts';
import { getLang, locale, metricLabel, t, type MessageKey } from '../i18n/index.ts';
import { paramLabel, scenarioName } from './dom.ts';

/** "label (unit)" in the page's language; the label alone for a unitless name. */
function withUnit(label: string, unit: string | undefined): string {
  return unit ? t('report.axisUnit', { label, unit: unitIn(unit, getLang()) }) : label;
}

/** A parameter's name in the page's language (a model constant has none: its identifier). */
const paramName = (name: string): string =>
  PARAM_BY_NAME.get(name)?.group === 'calibration' || !PARAM_BY_NAME.has(name) ? name : t(`param.${name}` as MessageKey);

/** The page's language as the report's words. */
export function pageWords(): Words {
  // Numbers are passed as text, so that a count reads as the report writes it.
  const say = (key: WordKey, vars: Record<string, string | number> = {}) => t(key, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)])));
  if (getLang() === 'en') return { ...ENGLISH, say };
  return {
    lang: locale(getLang()),
    say,
    metric: metricLabel,
    metricAxis: (name) => withUnit(metricLabel(name), metricSpec(name)?.unit),
    param: paramLabel,
    // On an axis a parameter is named once: by its name in the page's language, else its identifier.
    paramAxis: (name) => withUnit(paramName(name), PARAM_BY_NAME.get(name)?.unit),
    scenario: scenarioName,
  };
}
