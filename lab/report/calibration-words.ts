// A calibration's results in words (lab/charts/words.ts): an observation, the months a target reads,
// why it stopped. Apart from the report (calibration.ts), which draws charts, so that a page can say
// them without loading Plot.
import type { Stop } from '../abc/smc.ts';
import type { Observation } from '../abc/targets.ts';
import type { Words } from '../charts/words.ts';

/** An observation in words: "0.7 ± 0.05" or "[0.6, 0.9]" (lab/abc/targets.ts's describeObservation in English). */
export const observed = (o: Observation, w: Words): string =>
  'value' in o ? w.say('report.calibration.value', { value: o.value, sd: o.sd }) : w.say('report.calibration.range', { low: o.range[0], high: o.range[1] });

/** The month or months a target reads, in words. */
export const months = (t: { tick: number; from?: number }, w: Words): string =>
  t.from === undefined ? w.say('report.calibration.atMonth', { tick: t.tick }) : w.say('report.calibration.overMonths', { from: t.from, tick: t.tick });

/** Why it stopped, in the words' language when the rule is known; the manifest's English otherwise. */
export function stoppedWords(stopped: string | null, stop: Stop | undefined, w: Words): string {
  if (!stop || stop.rule === 'interrupted') return String(stopped);
  switch (stop.rule) {
    case 'generations':
      return w.say('report.calibration.stop.generations', { generations: stop.generations });
    case 'tolerance':
      return w.say('report.calibration.stop.tolerance', { tolerance: stop.tolerance, minimum: stop.minimum });
    case 'exact':
      return w.say('report.calibration.stop.exact');
    case 'acceptance':
      return w.say('report.calibration.stop.acceptance', {
        generation: stop.generation,
        accepted: stop.accepted,
        cap: stop.cap,
        rate: (stop.accepted / stop.cap).toFixed(4),
        minimum: stop.minimum,
        previous: stop.generation - 1,
      });
  }
}
