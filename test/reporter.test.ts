// The reporter only reads (docs/model.md §3): the metrics step writes its own series and trackers,
// never the model's state, so a run without it is the same run to the bit.
import { describe, expect, it } from 'vitest';
import { createSim, resolveParams, STREAMS, type Process, type Sim } from '../sim/index.ts';
import { scenario } from './helpers.ts';

/** Every typed array of the state, every number of the ledger, and the next draw of every stream. */
function snapshot(sim: Sim): Record<string, number[]> {
  const s = sim.state;
  const out: Record<string, number[]> = {};
  const parts = { citizens: s.citizens, communities: s.communities, districts: s.districts, contracts: s.contracts, sos: s.sos };
  for (const [part, value] of Object.entries(parts)) {
    const n = 'n' in value ? (value.n as number) : undefined;
    for (const [key, col] of Object.entries(value)) {
      if (!ArrayBuffer.isView(col)) continue;
      const a = Array.from(col as Float64Array);
      // SO and contract columns beyond the rows in use are spare capacity.
      out[`${part}.${key}`] = part === 'sos' || part === 'contracts' ? a.slice(0, (n ?? 0) * (a.length / (value as { capacity: number }).capacity)) : a;
    }
  }
  out.ledger = Object.values(s.ledger);
  out.scalars = [s.tick, s.ageing, s.sos.n, s.contracts.n];
  out.draws = STREAMS.map((name) => s.rng[name]());
  return out;
}

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
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const key of Object.keys(a)) expect(b[key], key).toEqual(a[key]);
    });
  }

  it('the settlement step closes the month: without it SOs keep being credited last month’s payments', () => {
    const a = snapshot(run('baseline-involution', 11, 24, []));
    const b = snapshot(run('baseline-involution', 11, 24, ['settlement']));
    expect(b['sos.reserves']).not.toEqual(a['sos.reserves']);
  });
});
