// Writes viz/i18n/keys.ts, the type of the page's message keys, from the English catalog
// (viz/i18n/messages/en.json): `npm run i18n`. Keys starting with "_" describe the file (the
// language's own name, its locale), not messages. A test checks that the written file is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(KEYS_FILE, keysSource(JSON.parse(readFileSync(ENGLISH, 'utf8'))));
}
