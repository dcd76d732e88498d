// The report page: one self-contained HTML file (inline CSS and SVG, no script, no external file).
import type { Loaded as Manifest } from '../experiment/results.ts';
import { esc } from './html.ts';

export const CSS = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; max-width: 980px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
.meta { color: #555; } .note { fill: #666; font-size: 11px; } p.note { color: #666; font-size: .9em; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 1.2em 0; font-size: 12px; font-family: system-ui, sans-serif; }
svg .title { font-size: 14px; font-weight: 600; } svg .label { font-size: 12px; fill: #333; }
svg .axis line { stroke: #888; } svg .axis .grid { stroke: #eee; } svg .axis .zero { stroke: #555; }
svg .ci { stroke: #222; stroke-width: 1.2; }
pre { background: #f6f6f6; padding: 1em; overflow: auto; font-size: 12px; max-height: 40em; }
`;

export interface Section {
  title: string;
  intro?: string;
  svgs: string[];
  /** Shown even without charts (its intro says why there are none). */
  always?: boolean;
}

/** The manifest, with very long lists of design points and seeds shortened (all are in design.csv and manifest.json). */
function shownManifest(m: Manifest): string {
  const cut = <T>(list: T[], where: string): (T | string)[] => (list.length > 40 ? [...list.slice(0, 40), `… ${list.length - 40} more in ${where}`] : list);
  return JSON.stringify({ ...m, seeds: cut(m.seeds, 'manifest.json'), design: { ...m.design, points: cut(m.design.points, 'design.csv') } }, null, 2);
}

/** ", commit abc… (with uncommitted changes)" for a report's header, or nothing outside git. */
export const commitText = (model: { commit: string | null; dirty: boolean | null }): string =>
  model.commit ? `, commit ${model.commit.slice(0, 12)}${model.dirty ? ' (with uncommitted changes)' : ''}` : '';

/** A whole report: title, a line of what it holds, the sections' HTML, and the manifest it came from. */
export function htmlPage(o: { title: string; meta: string; body: string; rerun: string; manifest: string; css?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(o.title)}</title>
<style>${CSS}${o.css ?? ''}</style>
</head>
<body>
<h1>${esc(o.title)}</h1>
<p class="meta">${esc(o.meta)}</p>
${o.body}
<section><h2>Manifest</h2><p class="note">${esc(`Re-run with: ${o.rerun} (the spec is below, as "spec").`)}</p>
<pre>${esc(o.manifest)}</pre></section>
</body>
</html>
`;
}

export function page(m: Manifest, sections: Section[]): string {
  const body = sections
    .filter((s) => s.svgs.length || s.always)
    .map((s) => `<section><h2>${esc(s.title)}</h2>${s.intro ? `<p class="note">${esc(s.intro)}</p>` : ''}\n${s.svgs.join('\n')}</section>`);
  return htmlPage({
    title: m.spec.description ?? `Experiment ${m.specFile}`,
    meta: `${m.scenarios.map((s) => s.id).join(', ')}; ${m.design.points.length} design points (${m.design.type}); ${m.seeds.length} seeds; ${m.runs.total} runs. involution-lab ${m.model.version}${commitText(m.model)}.`,
    body: body.join('\n'),
    rerun: `involution-lab experiment ${m.specFile} --out <dir>`,
    manifest: shownManifest(m),
  });
}
