// The page's languages are the files of messages/: one ICU MessageFormat catalog per language,
// `<lang>.json`, read with intl-messageformat. A new file is a new language in the switch and in
// `?lang=`; no code names a language but English, the fallback. Keys starting with "_" describe the
// file: `_language` (its own name, for the switch), `_locale` (BCP 47, for plurals and <html lang>),
// `_minExplanationChars` (how long a one-sentence explanation is, in characters, for the lesson).
/// <reference types="vite/client" />
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { metricSpec } from '../../sim/metric-registry.ts';
import { PARAM_BY_NAME } from '../../sim/params.ts';
import type { MessageKey } from './keys.ts';

type Catalog = Record<string, string>;

/** A language: the name of its file in messages/ ("en", "zh", …). */
export type Lang = string;

const FALLBACK: Lang = 'en';

/** The catalogs by language, from the files found (path → catalog); the languages, English first, then by code. */
export function catalogsOf(files: Record<string, Catalog>): { catalogs: Record<Lang, Catalog>; langs: Lang[] } {
  const catalogs = Object.fromEntries(Object.entries(files).map(([path, catalog]) => [path.replace(/^.*\/|\.json$/g, ''), catalog]));
  return { catalogs, langs: [FALLBACK, ...Object.keys(catalogs).filter((l) => l !== FALLBACK).sort()] };
}

const { catalogs: CATALOGS, langs } = catalogsOf(import.meta.glob<Catalog>('./messages/*.json', { eager: true, import: 'default' }));

/** Every language with a catalog in messages/, English first. */
export const LANGS: readonly Lang[] = langs;

let lang: Lang = FALLBACK;

/** A language's own name, as its switch shows it. */
export const languageName = (l: Lang): string => CATALOGS[l]?._language ?? l;

/** A language's BCP 47 tag (plural rules, `<html lang>`). */
export const locale = (l: Lang): string => CATALOGS[l]?._locale ?? l;

export function setLang(next: Lang): void {
  lang = Object.hasOwn(CATALOGS, next) ? next : FALLBACK;
  if (typeof document !== 'undefined') document.documentElement.lang = locale(lang);
}

export function getLang(): Lang {
  return lang;
}

/** A setting of the current language's file (`_name`), or English's. */
export function langSetting(name: `_${string}`): string {
  return CATALOGS[lang][name] ?? CATALOGS[FALLBACK][name];
}

const formats = new Map<string, IntlMessageFormat>();

/** A function of JSON-able arguments, computed once for each. */
function once<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  const made = new Map<string, R>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    let r = made.get(key);
    if (r === undefined) made.set(key, (r = make(...args)));
    return r;
  };
}

// The formatter resolves its locale and makes its own Intl formatters for every message it is built
// for; both depend on the language alone, so each is made once for the page (they were its main
// cost at start: about 0.1 s of main thread with the CPU slowed 4 times, as Lighthouse does for a phone).
const resolveLocale = IntlMessageFormat.resolveLocale;
IntlMessageFormat.resolveLocale = once((locales: string | string[]) => resolveLocale(locales));
const FORMATTERS: Formatters = {
  getNumberFormat: once((locales?: string | string[], opts?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locales, opts)),
  getDateTimeFormat: once((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
  getPluralRules: once((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
};

/** A message in a given language (English where that language has none), its arguments filled in. */
export function tIn(l: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const from = CATALOGS[l]?.[key] !== undefined ? l : FALLBACK;
  // A key built from a name (`unit.${unit}`, `monitor.${metric}`) may have no message: its name
  // is shown, rather than the page failing.
  if (CATALOGS[from][key] === undefined) return key.slice(key.lastIndexOf('.') + 1);
  const message = CATALOGS[from][key];
  // A message with no argument and no quoting (ICU's '' and '{…}') is its own text: no formatter is
  // built for it (building one resolves its locale, the page's main cost at start).
  if (!/[{}]|''/.test(message)) return message;
  const id = `${from}\u0000${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(message, locale(from), undefined, { ignoreTag: true, formatters: FORMATTERS });
    formats.set(id, format);
  }
  try {
    return String(format.format(vars));
  } catch (err) {
    // A missing argument is a bug: said in the console, and the message shown unfilled rather than none.
    console.error(`message ${key} (${from}): ${(err as Error).message}`);
    return CATALOGS[from][key];
  }
}

/** A message in the current language. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return tIn(lang, key, vars);
}

/** Pick the current language from a text of the registry or a scenario; English where it has none. */
export function pick(text: { readonly en: string }): string {
  return (text as { readonly [l: string]: string | undefined })[lang] ?? text.en;
}

/** A parameter's label, from the parameter registry; its name where the registry has none (a model constant). */
export function paramName(name: string): string {
  const label = PARAM_BY_NAME.get(name)?.label;
  return label ? pick(label) : name;
}

/** A metric's label, from the metric registry; its name where the registry has none. */
export function metricLabel(name: string): string {
  const spec = metricSpec(name);
  return spec ? pick(spec.label) : name;
}

export type { MessageKey };
