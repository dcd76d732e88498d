// The report page: one self-contained HTML file (inline CSS and SVG, no script, no external file).
import { esc } from '../charts/markup.ts';
import { ENGLISH, type Words } from '../charts/words.ts';

const CSS = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; max-width: 980px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
.meta { color: #555; } p.note { color: #666; font-size: .9em; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 1.2em 0; }
table { border-collapse: collapse; font-size: 13px; margin: 1em 0; } th, td { padding: .25em .7em; border-bottom: 1px solid #e4e4e4; text-align: left; }
pre { background: #f6f6f6; padding: 1em; overflow: auto; font-size: 12px; max-height: 40em; }
`;

export interface Section {
  title: string;
  intro?: string;
  /** The charts' markup, or any HTML. */
  parts: string[];
  /** Shown even without charts (its intro says why there are none). */
  always?: boolean;
}

export interface ModelVersion {
  version: string;
  commit: string | null;
  dirty: boolean | null;
}

/** ", commit abc… (with uncommitted changes)" for a report's header, or nothing outside git. */
export const commitText = (model: ModelVersion): string =>
  model.commit ? `, commit ${model.commit.slice(0, 12)}${model.dirty ? ' (with uncommitted changes)' : ''}` : '';

/** The sections that have something to show, as HTML. */
export const sectionsHtml = (sections: Section[]): string =>
  sections
    .filter((s) => s.parts.length || s.always)
    .map((s) => `<section><h2>${esc(s.title)}</h2>${s.intro ? `<p class="note">${esc(s.intro)}</p>` : ''}\n${s.parts.join('\n')}</section>`)
    .join('\n');

/** A whole report: title, a line of what it holds, the sections' HTML, and the manifest it came from. */
export function htmlPage(o: { title: string; meta: string; body: string; rerun: string; manifest: string; css?: string; words?: Words }): string {
  const w = o.words ?? ENGLISH;
  return `<!doctype html>
<html lang="${esc(w.lang)}">
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
<section><h2>${esc(w.say('report.page.manifest'))}</h2><p class="note">${esc(w.say('report.page.rerun', { command: o.rerun }))}</p>
<pre>${esc(o.manifest)}</pre></section>
</body>
</html>
`;
}
