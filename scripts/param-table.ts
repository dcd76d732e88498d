import { PARAMS } from '../sim/index.ts';

/**
 * The parameter table of docs/model.md, generated from the registry. For the model constants (group
 * `calibration`) the range is the prior range and `basis` says where the value comes from
 * (published, calibrated or assumed); for the other parameters `basis` is empty.
 */
export function paramTable(): string {
  const rows = PARAMS.map((p) => {
    const range = `${p.min}–${p.max}${'integer' in p && p.integer ? ' (integer)' : ''}`;
    const basis = 'basis' in p && p.basis ? p.basis : '';
    return `| ${p.group} | \`${p.name}\` | ${p.default} | ${range} | ${basis} | ${p.unit || '—'} | ${p.en} ${p.zh} | ${p.source.replace(/\|/g, '\\|')} |`;
  });
  return ['| group | parameter | default | range | basis | unit | meaning | source |', '|---|---|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
