// Scenario files in the page, in the command line's format (`involution-lab run --scenario file.json`):
// the run on screen saved as one (the scenario's overrides with the page's, its schedule with the
// interventions), and one loaded and checked. A bad file is refused with a message naming the
// file, the field, the value and what is allowed; nothing on the page is lost.
import { PARAM_BY_NAME, parseParamValue, parseScenario, scenarioSchema, type Change, type Scenario } from '../sim/index.ts';
import { t, tIn, type MessageKey } from './i18n/index.ts';
import { allowedText } from './controls.ts';

export class FileProblem extends Error {}

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
    ...(scenario.lesson ? { lesson: scenario.lesson } : {}),
  };
}

/** Check the parameter values of one `set` (the scenario's `params` or a schedule entry's). */
function checkValues(file: string, field: string, set: unknown, inRun: boolean): void {
  if (!set || typeof set !== 'object' || Array.isArray(set)) return;
  for (const [name, value] of Object.entries(set)) {
    const spec = PARAM_BY_NAME.get(name);
    const at = `${field}.${name}`;
    if (!spec || name === 'seed') throw new FileProblem(t('file.key', { file, field: at }));
    if (inRun && spec.structural) throw new FileProblem(t('file.structural', { file, field: at }));
    try {
      parseParamValue(name, typeof value === 'number' ? String(value) : JSON.stringify(value));
    } catch {
      throw new FileProblem(t('file.value', { file, field: at, value: JSON.stringify(value), allowed: allowedText(spec) }));
    }
  }
}

/** A loaded scenario file's text, checked; throws FileProblem with the message to show. */
export function readScenarioFile(file: string, text: string): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new FileProblem(t('file.json', { file, detail: (err as Error).message }));
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as { params?: unknown; schedule?: unknown };
    checkValues(file, 'params', d.params, false);
    if (Array.isArray(d.schedule)) d.schedule.forEach((c: { set?: unknown }, i) => checkValues(file, `schedule[${i}].set`, c?.set, true));
  }
  const checked = scenarioSchema.safeParse(data);
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
  if (issue.code === 'unrecognized_keys') return t('file.unknown', { file, keys: (issue.keys ?? []).join(', '), field: field || '—' });
  let value: unknown = data;
  for (const p of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  const last = [...issue.path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const expected = t(EXPECTED[last ?? ''] ?? 'file.expect.other');
  if (value === undefined) return t('file.missing', { file, field, expected });
  return t('file.form', { file, field, value: JSON.stringify(value).slice(0, 60), expected });
}

/** A scenario in a link: its file, as base64url of its JSON (UTF-8). */
export function encodeScenario(s: Scenario): string {
  const bytes = new TextEncoder().encode(JSON.stringify(s));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeScenario(text: string): Scenario {
  let json: string;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    throw new FileProblem(t('file.json', { file: t('file.link'), detail: 'not base64url' }));
  }
  return readScenarioFile(t('file.link'), json);
}
