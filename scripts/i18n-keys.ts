// Writes viz/i18n/keys.ts, the type of the page's message keys, from the English catalog
// (viz/i18n/messages/en.json): `npm run i18n`. First it writes the report's words (the messages
// `report.*` of lab/charts/words.ts, written there once) into that catalog, as its English. Keys starting with "_" describe the file (the
// language's own name, its locale), not messages. A test checks that the written file is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REPORT_MESSAGES } from '../lab/charts/words.ts';

export const ENGLISH = 'viz/i18n/messages/en.json';
export const KEYS_FILE = 'viz/i18n/keys.ts';

/** The text of viz/i18n/keys.ts for an English catalog. */
export function keysSource(catalog: Record<string, string>): string {
  const keys = Object.keys(catalog).filter((k) => !k.startsWith('_'));
  return [
    `// Generated from ${ENGLISH} by scripts/i18n-keys.ts (npm run i18n): do not edit.`,
    '/** A message of the catalogs (viz/i18n/messages/*.json). */',
    'export type MessageKey =',
    ...keys.map((k, i) => `  | ${JSON.stringify(k).replace(/^"|"$/g, "'")}${i === keys.length - 1 ? ';' : ''}`),
    '',
  ].join('\n');
}

/** The English catalog with the report's words as lab/charts/words.ts says them (after the page's own messages). */
export function withReportWords(catalog: Record<string, string>): Record<string, string> {
  return { ...Object.fromEntries(Object.entries(catalog).filter(([k]) => !k.startsWith('report.'))), ...REPORT_MESSAGES };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const english = withReportWords(JSON.parse(readFileSync(ENGLISH, 'utf8')));
  writeFileSync(ENGLISH, `${JSON.stringify(english, null, 2)}\n`);
  writeFileSync(KEYS_FILE, keysSource(english));
}
