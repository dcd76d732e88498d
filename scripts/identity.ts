// Is a calibration target an identity of inputs? (docs/calibration.md §The calibration of the model.) Draws the calibration
// spec's free constants from its priors, and the other inputs a closed form could contain over
// declared ranges, across scenarios; runs each draw on two seeds for the spec's months, and prints for
// each target, and for the government share of SO revenue, the adjusted R² of its fit against
// closed forms of the inputs, the most any function of the inputs could explain given the run-to-run
// noise, and the share of that the closed forms explain (lab/analysis/identity.ts).
// Usage: npm run identity -- [--spec FILE] [--draws N] [--first S] [--own]   (defaults: calibration/model.json, 120 draws, seeds from 31001; --own: in the spec's scenario only)
import { readFileSync } from 'node:fs';
import { identityFit, IDENTITY_R2 } from '../lab/analysis/identity.ts';
import { identityDraws, IDENTITY_INPUTS } from '../lab/analysis/identity-draws.ts';
import { findScenario } from '../scenarios/index.ts';

const args = process.argv.slice(2);
const problems: string[] = [];
const option = (name: string, fallback: number, min: number, max: number) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = args[i + 1];
  if (v === undefined || !/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    problems.push(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify((v ?? '').slice(0, 60))}`);
    return fallback;
  }
  return Number(v);
};
const specAt = args.indexOf('--spec');
const specFile = specAt >= 0 ? args[specAt + 1] : new URL('../calibration/model.json', import.meta.url).pathname;
const draws = option('draws', 120, 20, 100_000);
// Seeds first … first + 2 × draws − 1, within the 32-bit seeds the streams read.
const first = option('first', 31001, 1, 2_000_000_000);
let spec:
  | { scenario: string; ticks: number; priors: Record<string, [number, number]>; targets: Record<string, { metric?: string; tick?: number; from?: number }> }
  | undefined;
try {
  spec = JSON.parse(readFileSync(specFile ?? '', 'utf8'));
} catch (err) {
  problems.push(`--spec ${JSON.stringify((specFile ?? '').slice(0, 60))}: ${(err as Error).message}`);
}
if (problems.length > 0 || !spec) {
  console.error(`identity: ${problems.join('; ')}`);
  process.exit(2);
}
// --own: every draw in the calibration's own scenario (where its targets are read), not across six.
const own = args.includes('--own');
const d = identityDraws(spec, draws, first, (id) => findScenario(id)!, own ? [spec.scenario] : undefined);
const varied = [...Object.keys(spec.priors), ...Object.keys(IDENTITY_INPUTS).filter((k) => !(k in spec.priors))];
console.log(`${draws} draws × 2 seeds (from ${first}) over ${d.scenarios.join(', ')}; ${spec.ticks} months; varied: ${varied.join(', ')}`);
console.log(`${'target'.padEnd(24)} adj. R²  ceiling  explained`);
for (const [name, values] of Object.entries(d.values)) {
  const f = identityFit(values, d.inputs);
  const verdict = f.explained > IDENTITY_R2 ? '  an identity of inputs' : '';
  console.log(`${name.padEnd(24)} ${f.r2.toFixed(3).padStart(7)}  ${f.ceiling.toFixed(3).padStart(7)}  ${f.explained.toFixed(3).padStart(9)}${verdict}`);
}
