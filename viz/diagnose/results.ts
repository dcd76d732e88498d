// A finished calibration on the page: why it stopped, the report's sections — the posterior table,
// the generations, the marginals by generation, the pairwise densities and the predictive check, with
// lab/report's charts (loaded on demand: the page's first bundle has no Plot) in the page's language —
// and its files: posterior.csv, predictive.csv and manifest.json as `involution-lab calibrate` writes
// them, report.html as `involution-lab report` writes it, and the spec.
import { POSTERIOR_CSV, PREDICTIVE_CSV, posteriorCsv, predictiveCsv } from '../../lab/abc/files.ts';
import { manifestJson, type CalibrationManifest } from '../../lab/abc/manifest.ts';
import type { CalibrationRun } from '../../lab/abc/run.ts';
import type { Calibration } from '../../lab/abc/spec.ts';
import { stoppedWords } from '../../lab/report/calibration-words.ts';
import { downloadText } from '../export.ts';
import { t } from '../i18n/index.ts';
import { button, el } from '../experiment/dom.ts';
import { pageWords } from '../experiment/words.ts';

const load = () => import('../../lab/report/index.ts');

export interface Diagnosis {
  c: Calibration;
  run: CalibrationRun & { draws: NonNullable<CalibrationRun['draws']> };
  manifest: CalibrationManifest;
}

/** The report's input from a diagnosis, in the page's language. */
const reportInput = (x: Diagnosis, document: Document, width?: number) => ({
  manifest: x.manifest,
  populations: x.run.populations,
  predictive: x.run.draws.flatMap((e) => e.values),
  document,
  words: pageWords(),
  stop: x.run.result.stop,
  ...(width ? { width } : {}),
});

/** Make each of the report's tables scroll sideways on a phone, reachable by keyboard, named by its section. */
function wrapTables(section: HTMLElement, title: string): void {
  for (const table of section.querySelectorAll('table')) {
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    Object.assign(wrap, { tabIndex: 0, role: 'region' });
    wrap.setAttribute('aria-label', title);
    table.replaceWith(wrap);
    wrap.append(table);
  }
}

/** Draw the results into `box`. */
export function renderDiagnosis(box: HTMLElement, x: Diagnosis, specText: () => string): void {
  const m = x.manifest;
  el(box, 'h2', t('diag.results'));
  const summary = el(
    box,
    'p',
    t('diag.summary', {
      generations: x.run.populations.length,
      runs: m.runs.calibration,
      predictive: m.runs.predictive,
      stopped: stoppedWords(m.stopped, x.run.result.stop, pageWords()),
    }),
  );
  summary.id = 'diag-summary';
  const charts = el(box, 'div', undefined, 'exp-charts diag-charts');
  charts.id = 'diag-charts';
  charts.setAttribute('aria-busy', 'true');
  void load().then(
    (r) => {
      if (!charts.isConnected) return;
      const width = Math.max(300, Math.min(400, Math.floor(charts.clientWidth || 400)));
      for (const s of r.calibrationSections(reportInput(x, document, width)).filter((s) => s.parts.length)) {
        const section = el(charts, 'section');
        el(section, 'h3', s.title);
        if (s.intro) el(section, 'p', s.intro, 'note');
        // The report's markup: lab/charts' own SVG and tables, every text in it escaped (lab/charts/markup.ts).
        section.insertAdjacentHTML('beforeend', s.parts.join('\n'));
        wrapTables(section, s.title);
      }
      charts.removeAttribute('aria-busy');
    },
    () => {
      charts.hidden = true; // Not loaded (the connection dropped): the summary and the files are still there.
    },
  );
  el(box, 'h3', t('diag.files'));
  el(box, 'p', t('diag.filesNote'), 'note');
  const files = el(box, 'div', undefined, 'buttons');
  const { c, run } = x;
  const offer = (id: string, file: string, text: () => string, type: string) =>
    button(files, t('diag.download', { file }), id).addEventListener('click', () => downloadText(text(), file, type));
  offer('diag-export-posterior', POSTERIOR_CSV, () => posteriorCsv(run.populations, c.prior, c.targets), 'text/csv');
  offer('diag-export-predictive', PREDICTIVE_CSV, () => predictiveCsv(run.draws, c.prior, c.targets), 'text/csv');
  offer('diag-export-manifest', 'manifest.json', () => manifestJson(m), 'application/json');
  button(files, t('diag.download', { file: 'report.html' }), 'diag-export-report').addEventListener('click', async () => {
    const r = await load();
    downloadText(r.calibrationReport(reportInput(x, document)), 'report.html', 'text/html');
  });
  offer('diag-export-spec', m.specFile.replace(/^.*[/\\]/, ''), specText, 'application/json');
}
