// A calibration's key in the browser's store: a hash of what decides its simulations — the spec as
// resolved (defaults filled in; the description left out, it changes no number), what its scenario
// asks of the model (not its texts) and the model's version. The same calibration gets the same key
// after a reload, so its stored simulations are found again; a changed model version starts afresh.
import type { Calibration } from '../../lab/abc/spec.ts';
import { scenarioRunText } from '../../sim/scenario.ts';
import { VERSION } from '../../sim/version.ts';
import { hashText } from '../experiment/key.ts';

export const calibrationKey = (c: Calibration): string =>
  hashText(JSON.stringify({ kind: 'calibration', version: VERSION, spec: { ...c.spec, description: undefined }, scenario: scenarioRunText(c.scenario) }));
