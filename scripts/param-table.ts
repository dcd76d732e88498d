import { PARAMS } from '../sim/index.ts';

/** The parameter table of docs/model.md, generated from the registry. */
export function paramTable(): string {
  const rows = PARAMS.map((p) => {
    const range = `${p.min}–${p.max}${'integer' in p && p.integer ? ' (integer)' : ''}`;
    return `| ${p.group} | \`${p.name}\` | ${p.default} | ${range} | ${p.unit || '—'} | ${p.en} ${p.zh} | ${p.source.replace(/\|/g, '\\|')} |`;
  });
  return ['| group | parameter | default | range | unit | meaning | source |', '|---|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
