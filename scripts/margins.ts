import { runScenario } from '../sim/index.ts';
import { findScenario } from '../scenarios/index.ts';
const N = 20;
const run = (id: string, set = {}) => Array.from({ length: N }, (_, i) => runScenario(findScenario(id)!, i + 1, { set }).series);
const fin = (rs: ReturnType<typeof run>, m: string) => rs.map((s) => s[m][s[m].length - 1]);
const mean = (x: number[]) => x.reduce((a, b) => a + b) / x.length;
const t = (a: number[], b: number[]) => { const d = a.map((x, i) => b[i] - x); const m = mean(d); const s = Math.sqrt(d.reduce((q, v) => q + (v - m) ** 2, 0) / (d.length - 1)); return `${m.toFixed(3)} (t=${(m / (s / Math.sqrt(d.length))).toFixed(1)})`; };
const base = run('baseline-involution');
console.log('baseline index', mean(fin(base, 'involutionIndex')).toFixed(3), 'form', mean(fin(base, 'formGrowth')).toFixed(3), 'subst', mean(fin(base, 'substanceGrowth')).toFixed(3));
const fp = run('full-prevention');
console.log('full prevention index', mean(fin(fp, 'involutionIndex')).toFixed(3), 'subst', mean(fin(fp, 'substanceGrowth')).toFixed(3));
const ma = run('money-alone');
console.log('money alone index diff', t(fin(base, 'involutionIndex'), fin(ma, 'involutionIndex')), 'subst diff', t(fin(base, 'substanceGrowth'), fin(ma, 'substanceGrowth')));
for (const c of ['pathDependence', 'politicalRationality', 'dualManagement', 'asymmetricDependence']) {
  const r = run('baseline-involution', { [c]: 0.2 });
  console.log(c, 'index diff', t(fin(base, 'involutionIndex'), fin(r, 'involutionIndex')), 'FT', t(fin(base, 'functionTransfer'), fin(r, 'functionTransfer')), 'comp', t(fin(base, 'competitiveShare'), fin(r, 'competitiveShare')), 'indep', t(fin(base, 'independentSOs'), fin(r, 'independentSOs')));
}
const cs = run('changsha-2011');
for (const m of ['coverage', 'serviceQuality', 'satisfaction']) console.log('changsha', m, t(fin(base, m), fin(cs, m)));
console.log('changsha gov share', mean(fin(cs, 'govRevenueShare')).toFixed(3));
