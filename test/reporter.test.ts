// The reporter only reads (docs/model.md §3): the metrics step writes its own series and trackers,
// never the model's state, so a run without it is the same run to the bit.
import { describe, expect, it } from 'vitest';
import { createSim, resolveParams, type Process, type Sim } from '../sim/index.ts';
import { expectSameState, scenario, stateSnapshot } from './helpers.ts';

// Without the metrics step there are no series to compare: the state, ledger and streams are.
const snapshot = (sim: Sim) => stateSnapshot(sim, { series: false });

function run(id: string, seed: number, ticks: number, without: string[]): Sim {
  const sim = createSim(resolveParams(scenario(id).params, { citizens: 3000, ticks }), seed);
  const processes = sim.processes as Process[];
  for (const name of without) {
    const at = processes.findIndex((p) => p.name === name);
    // A name missing from the schedule would remove nothing (or, spliced at −1, the last process).
    if (at < 0) throw new Error(`no process ${name} in the schedule`);
    processes.splice(at, 1);
  }
  while (sim.state.tick < ticks) sim.tick();
  return sim;
}

describe('the reporter only reads', () => {
  for (const id of ['baseline-involution', 'changsha-2011', 'full-prevention']) {
    it(`${id}: without the metrics step the state after 60 months is identical to the bit`, () => {
      const a = snapshot(run(id, 11, 60, []));
      const b = snapshot(run(id, 11, 60, ['metrics']));
      expectSameState(b, a);
    });
  }

  it('the settlement step closes the month: without it SOs keep being credited last month’s payments', () => {
    const a = snapshot(run('baseline-involution', 11, 24, []));
    const b = snapshot(run('baseline-involution', 11, 24, ['settlement']));
    expect(b['sos.reserves']).not.toEqual(a['sos.reserves']);
  });
});
