// The page's catalogs (viz/i18n/messages/*.json): files a translator edits, checked here so that a
// new or changed one cannot break the page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogsOf, LANGS, languageName, locale, paramName, pick, setLang, t, tIn, type MessageKey } from '../viz/i18n/index.ts';
import { ENGLISH, KEYS_FILE, keysSource, withReportWords } from '../scripts/i18n-keys.ts';
import { english, REPORT_MESSAGES } from '../lab/charts/words.ts';

const DIR = 'viz/i18n/messages';
const read = (file: string): Record<string, string> => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const en = read('en.json');

/** The arguments a message uses, by name (in plural and select branches too); intl-messageformat's AST. */
function argumentsOf(message: string, lang: string): string[] {
  type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> };
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural: `value` is the argument's name.
      if (e.type >= 1 && e.type <= 6) names.add(String(e.value));
      for (const option of Object.values(e.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, lang, undefined, { ignoreTag: true }).getAst() as Element[]);
  return [...names].sort();
}

describe('message catalogs', () => {
  it('type their keys from the English file: viz/i18n/keys.ts is current (npm run i18n)', () => {
    expect(readFileSync(KEYS_FILE, 'utf8')).toBe(keysSource(JSON.parse(readFileSync(ENGLISH, 'utf8'))));
  });

  it("hold the report's English as lab/charts/words.ts writes it, word for word (npm run i18n copies it)", () => {
    const report = Object.fromEntries(Object.entries(en).filter(([k]) => k.startsWith('report.')));
    expect(report).toEqual(REPORT_MESSAGES);
    expect(withReportWords(en)).toEqual(en);
    // The page's English and the CLI's are one text: the same message, the same arguments, the same words.
    const vars = { outcome: 'needsMet', parameter: 'pathDependence', several: 'yes', scenario: 'full-prevention' };
    expect(tIn('en', 'report.grid.title', vars)).toBe(english('report.grid.title', vars));
    expect(english('report.grid.title', vars)).toBe('needsMet (final month) against pathDependence, by scenario');
    expect(english('report.overTime.final')).toBe('The runs recorded their final month only (record: "final"); record {"every": k} months for charts over time.');
  });

  for (const file of FILES) {
    it(`${file}: has exactly the English keys, each a valid ICU message with the English arguments, and names its language`, () => {
      const catalog = read(file);
      const lang = file.replace(/\.json$/, '');
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      expect(catalog._language.length).toBeGreaterThan(0);
      expect(Intl.getCanonicalLocales(catalog._locale)).toEqual([catalog._locale]);
      expect(Number(catalog._minExplanationChars)).toBeGreaterThan(0);
      for (const [key, message] of Object.entries(catalog)) {
        if (key.startsWith('_')) continue;
        expect(message.trim().length, key).toBeGreaterThan(0);
        expect(argumentsOf(message, lang), `${file}: ${key}`).toEqual(argumentsOf(en[key], 'en'));
      }
    });
  }

  it('are the languages: one per file, English first, each by its own name', () => {
    expect([...LANGS].sort()).toEqual(FILES.map((f) => f.replace(/\.json$/, '')).sort());
    expect(LANGS[0]).toBe('en');
    for (const file of FILES) expect(languageName(file.replace(/\.json$/, ''))).toBe(read(file)._language);
    expect(locale('zh')).toBe('zh-CN');
  });

  it('take a third language from a third file, with no code changed', () => {
    const fr = { ...en, _language: 'Français', _locale: 'fr', appTitle: 'Laboratoire de l’involution' };
    const { catalogs, langs } = catalogsOf({ './messages/zh.json': read('zh.json'), './messages/fr.json': fr, './messages/en.json': en });
    expect(langs).toEqual(['en', 'fr', 'zh']);
    expect(catalogs.fr.appTitle).toBe('Laboratoire de l’involution');
  });

  it('show a message without arguments or quoting as the formatter would: every such message of every catalog', () => {
    let plain = 0;
    for (const f of FILES) {
      const lang = f.replace('.json', '');
      for (const [key, message] of Object.entries(read(f))) {
        if (/[{}]|''/.test(message)) continue;
        plain++;
        expect(tIn(lang as (typeof LANGS)[number], key as MessageKey), `${f} ${key}`).toBe(String(new IntlMessageFormat(message, locale(lang as (typeof LANGS)[number]), undefined, { ignoreTag: true }).format()));
      }
    }
    expect(plain).toBeGreaterThan(500);
  });

  it('count in plurals and fill arguments as given, numbers unformatted', () => {
    expect(tIn('en', 'compareProgress', { done: 0, total: 1 })).toBe('0 of 1 run finished');
    expect(tIn('en', 'compareProgress', { done: 3, total: 4 })).toBe('3 of 4 runs finished');
    expect(tIn('en', 'confirm.reset', { n: 1 })).toBe('Reset starts the run again. What should happen to your intervention?');
    expect(tIn('en', 'confirm.reset', { n: 2 })).toBe('Reset starts the run again. What should happen to your 2 interventions?');
    expect(tIn('zh', 'confirm.reset', { n: 2 })).toBe('重置会重新开始运行。你的 2 次干预要如何处理？');
    expect(tIn('en', 'url.seed', { value: 'x', min: 0, max: 4294967295 })).toBe('seed "x" must be an integer in [0, 4294967295]');
    expect(tIn('zh', 'unit.nothing' as MessageKey), 'a key built from a name with no message: its name').toBe('nothing');
    expect(tIn('en', 'file.expect.text')).toBe('an object with an English and a Chinese text, {"en": "…", "zh": "…"}');
  });

  it('pick a registry or scenario text in the page\'s language, English where it has none', () => {
    setLang('zh');
    const both = { en: 'Baseline', zh: '基线' };
    expect(pick(both)).toBe('基线');
    expect(pick({ en: 'Only English' })).toBe('Only English');
    // A parameter's label is the registry's; a model constant has none and is named by its identifier.
    expect(paramName('partnership')).toBe('伙伴关系');
    expect(paramName('effortLearning')).toBe('effortLearning');
    expect(t('appTitle')).toBe('内卷实验室');
    setLang('xx');
    expect(t('appTitle')).toBe('Involution Lab');
    setLang('en');
  });
});
