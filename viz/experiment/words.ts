// The report's words in the page's language (lab/charts/words.ts): its messages from the page's
// catalogs (viz/i18n/messages/*.json, where `npm run i18n` keeps the English the report's). In
// another language than English, metrics and parameters are named as the page names them (the
// registry's names in that language) and bundled scenarios by their titles; in English by their
// identifiers, as the CLI's report names them, so that the page's report is the CLI's. The
// Experiment tab's charts and its HTML report speak them.
import { ENGLISH, type WordKey, type Words } from '../../lab/charts/words.ts';
import { getLang, locale, metricLabel, t } from '../i18n/index.ts';
import { paramLabel, scenarioName } from './dom.ts';

/** The page's language as the report's words. */
export function pageWords(): Words {
  // Numbers are passed as text, so that a count reads as the report writes it.
  const say = (key: WordKey, vars: Record<string, string | number> = {}) => t(key, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)])));
  if (getLang() === 'en') return { ...ENGLISH, say };
  return {
    lang: locale(getLang()),
    say,
    metric: metricLabel,
    metricAxis: metricLabel,
    param: paramLabel,
    paramAxis: paramLabel,
    scenario: scenarioName,
  };
}
