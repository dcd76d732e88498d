import { CATALOGS, type Lang, type MessageKey } from './messages.ts';

let lang: Lang = 'en';

export function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

export function getLang(): Lang {
  return lang;
}

/** A message in the current language, with {name} placeholders filled in. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Pick the current language from a bilingual text of the registry or a scenario. */
export function pick(text: { en: string; zh: string }): string {
  return text[lang];
}

export type { Lang, MessageKey };
