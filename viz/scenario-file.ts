// Scenario files in the page, in the command line's format (`involution-lab run --scenario file.json`):
// the run on screen saved as one (the scenario's overrides with the page's, its schedule with the
// interventions), and one loaded and checked. A bad file is refused with a message naming the
// file, the field, the value and what is allowed; nothing on the page is lost.
import { isModelParam, PARAM_BY_NAME, parseParamValue, parseScenario, scenarioSchema, type Change, type Scenario } from '../sim/index.ts';
import { getLang, locale, t, tIn, type MessageKey } from './i18n/index.ts';
import { allowedText } from './controls.ts';
import { ECHO_CHARS } from '../lab/numbers.ts';
import { duplicateKeyList } from '../lab/spec/shape.ts';

export class FileProblem extends Error {}

/** Largest scenario file the page loads (the bundled ones hold 2–3 KB; a long schedule, tens of KB). */
export const MAX_SCENARIO_BYTES = 100_000;

/** A value or field name for a message: at most 60 characters, with an ellipsis and the length. */
const short = (text: string): string => (text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}… (${text.length.toLocaleString('en-US')} characters)` : text);

/** The run's scenario as a file: what `involution-lab run --scenario <file> --seed <seed>` runs again. */
export function scenarioFile(scenario: Scenario, set: Record<string, number>, interventions: Change[]): Scenario {
  const changed = Object.keys(set).length > 0 || interventions.length > 0;
  return {
    id: changed && !scenario.id.endsWith('-modified') ? `${scenario.id}-modified` : scenario.id,
    title: changed ? { en: tIn('en', 'file.modifiedTitle', { title: scenario.title.en }), zh: tIn('zh', 'file.modifiedTitle', { title: scenario.title.zh }) } : scenario.title,
    teaching: scenario.teaching,
    source: scenario.source,
    params: { ...scenario.params, ...set },
    schedule: [...scenario.schedule, ...interventions.map(({ tick, set: s }) => ({ tick, set: s }))],
    ...(scenario.seed !== undefined ? { seed: scenario.seed } : {}),
    decisions: scenario.decisions,
    ...(scenario.lesson ? { lesson: scenario.lesson } : {}),
  };
}

/** Check the parameter values of one `set` (the scenario's `params` or a schedule entry's). */
function checkValues(file: string, field: string, set: unknown, inRun: boolean): void {
  if (!set || typeof set !== 'object' || Array.isArray(set)) return;
  for (const [name, value] of Object.entries(set)) {
    const spec = PARAM_BY_NAME.get(name);
    const at = short(`${field}.${name}`);
    if (!spec || !isModelParam(name)) throw new FileProblem(t('file.key', { file, field: at }));
    if (inRun && spec.structural) throw new FileProblem(t('file.structural', { file, field: at }));
    try {
      parseParamValue(name, typeof value === 'number' ? String(value) : JSON.stringify(value));
    } catch {
      throw new FileProblem(t('file.value', { file, field: at, value: short(JSON.stringify(value) ?? String(value)), allowed: allowedText(spec) }));
    }
  }
}

/**
 * The keys a JSON file gives twice in one object (JSON.parse keeps the last silently), every one
 * named with where it is, in the page's language; null when there are none. `text` is valid JSON.
 */
export function duplicateKeysProblem(file: string, text: string): string | null {
  const twice = duplicateKeyList(text);
  if (!twice.length) return null;
  const list = new Intl.ListFormat(locale(getLang())).format(twice.map(({ key, path }) => t('file.twice', { key: short(key), path: short(path) })));
  return t('file.duplicates', { file, list, count: twice.length });
}

/** A loaded scenario file's text, checked; throws FileProblem with the message to show. */
export function readScenarioFile(file: string, text: string): Scenario {
  if (text.length > MAX_SCENARIO_BYTES) throw new FileProblem(t('file.tooBig', { file, size: text.length, max: MAX_SCENARIO_BYTES }));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new FileProblem(t('file.json', { file, detail: (err as Error).message }));
  }
  const twice = duplicateKeysProblem(file, text);
  if (twice) throw new FileProblem(twice);
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as { params?: unknown; schedule?: unknown };
    checkValues(file, 'params', d.params, false);
    if (Array.isArray(d.schedule)) d.schedule.forEach((c: { set?: unknown }, i) => checkValues(file, `schedule[${i}].set`, c?.set, true));
  }
  const checked = scenarioSchema().safeParse(data);
  if (!checked.success) throw new FileProblem(shapeProblem(file, data, checked.error.issues[0]));
  return parseScenario(data, file);
}

/** What a field of a scenario file must be, by the field's last name (in the page's language). */
const EXPECTED: Record<string, MessageKey> = {
  id: 'file.expect.id', title: 'file.expect.text', teaching: 'file.expect.text', note: 'file.expect.text',
  en: 'file.expect.string', zh: 'file.expect.string', source: 'file.expect.string', tick: 'file.expect.tick',
  schedule: 'file.expect.schedule', params: 'file.expect.params', set: 'file.expect.params',
  lesson: 'file.expect.lesson', question: 'file.expect.text', lookFor: 'file.expect.text',
};

/** One problem of the file's shape, in the page's language: missing, unknown, or of the wrong form. */
function shapeProblem(file: string, data: unknown, issue: { path: PropertyKey[]; code: string; keys?: string[] }): string {
  const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');
  if (issue.path.length === 0 && issue.code === 'invalid_type') return t('file.notObject', { file });
  if (issue.code === 'unrecognized_keys') return t('file.unknown', { file, keys: short((issue.keys ?? []).map(short).join(', ')), field: short(field) || '—' });
  let value: unknown = data;
  for (const p of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  const last = [...issue.path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const expected = t(EXPECTED[last ?? ''] ?? 'file.expect.other');
  if (value === undefined) return t('file.missing', { file, field: short(field), expected });
  return t('file.form', { file, field: short(field), value: short(JSON.stringify(value) ?? String(value)), expected });
}

/** A scenario in a link: its file, as base64url of its JSON (UTF-8). */
export function encodeScenario(s: Scenario): string {
  const bytes = new TextEncoder().encode(JSON.stringify(s));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeScenario(text: string): Scenario {
  // Base64 takes 4 characters for 3 bytes: a longer one holds more than a file may.
  if (text.length > Math.ceil((MAX_SCENARIO_BYTES * 4) / 3) + 4) throw new FileProblem(t('file.tooBig', { file: t('file.link'), size: Math.floor((text.length * 3) / 4), max: MAX_SCENARIO_BYTES }));
  let json: string;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    throw new FileProblem(t('file.json', { file: t('file.link'), detail: 'not base64url' }));
  }
  return readScenarioFile(t('file.link'), json);
}
