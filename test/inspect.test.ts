// The inspector's reader (viz/worker/inspect.ts) only reads: a run read every month, every SO
// watched, is the same run to the bit; what it records is the model's own numbers, by the SO's
// stable id through compaction.
import { describe, expect, it } from 'vitest';
import { createSim, resolveParams } from '../sim/index.ts';
import { createReader, type DistrictHistory, type SoHistory } from '../viz/worker/inspect.ts';
import { buildUrl, parseUrl } from '../viz/url.ts';
import { expectSameState, scenario, stateSnapshot } from './helpers.ts';

const sim = (id: string, seed: number, ticks: number) =>
  createSim(resolveParams(scenario(id).params, { citizens: 3000, ticks }), seed, scenario(id).schedule, scenario(id).decisions);

describe('the inspector reads the run without changing it', () => {
  for (const id of ['baseline-involution', 'changsha-2011', 'full-prevention', 'reform-at-year-3']) {
    it(`${id}: every SO and district read every month, the state and series after 72 months are identical to the bit`, () => {
      const a = sim(id, 5, 72);
      while (a.state.tick < 72) a.tick();
      const b = sim(id, 5, 72);
      const reader = createReader(
        b.state,
        Array.from({ length: 400 }, (_, i) => i),
      );
      while (b.state.tick < 72) {
        b.tick();
        reader.read();
        // New SOs are watched as they are founded, as a selection made mid-run would be.
        for (let so = 0; so < b.state.sos.n; so++) reader.watch(b.state.sos.id[so]);
      }
      expectSameState(stateSnapshot(b), stateSnapshot(a));
    });
  }
});

describe('what the inspector records', () => {
  it("is the model's: a district's decisions and projects are its series' columns", () => {
    const a = sim('baseline-involution', 3, 120);
    const reader = createReader(a.state);
    while (a.state.tick < 120) {
      a.tick();
      reader.read();
    }
    for (let d = 0; d < a.state.districts.count; d++) {
      const h = reader.history({ kind: 'district', d }) as DistrictHistory;
      expect(h.grain).toEqual(a.series[`projectGranularity.d${d}`]);
      expect(h.demand).toEqual(a.series[`paperworkDemand.d${d}`]);
      const projects = h.projects[0].map((_, m) => h.projects.reduce((sum, p) => sum + p[m], 0));
      expect(projects).toEqual(a.series[`projectsActive.d${d}`]);
    }
  });

  it('follows an SO by its id when closed SOs are compacted: the same history as a run whose rows never move', () => {
    // Heavy churn (test/determinism.test.ts), so that closed rows are dropped many times.
    const params = resolveParams(scenario('full-prevention').params, {
      citizens: 2000,
      ticks: 240,
      exitMonths: 1,
      fixedCostBase: 0.05,
      altMarket: 0.02,
      spinUpYears: 0,
    });
    const compacted = createSim(params, 5);
    const kept = createSim(params, 5);
    const processes = kept.processes as unknown as { name: string }[];
    processes.splice(
      processes.findIndex((p) => p.name === 'compaction'),
      1,
    );
    const ids = [0, 7, 25, 60, 90];
    const reader = createReader(compacted.state, ids);
    const byRow = createReader(kept.state, ids);
    for (let m = 0; m < 240; m++) {
      compacted.tick();
      reader.read();
      kept.tick();
      byRow.read();
    }
    expect(kept.state.sos.n).toBeGreaterThan(2 * compacted.state.sos.n);
    // Without compaction an SO's row is its id.
    for (let so = 0; so < kept.state.sos.n; so++) expect(kept.state.sos.id[so]).toBe(so);
    for (const id of ids) {
      const h = reader.history({ kind: 'so', id }) as SoHistory;
      expect(h.exists, `SO ${id}`).toBe(true);
      expect(h).toEqual(byRow.history({ kind: 'so', id }));
      // Each contract's money is in its mode's monthly money.
      for (const c of h.contracts) {
        expect(c.to).toBeGreaterThanOrEqual(c.from);
        expect(h.moneyByMode[c.mode][c.from]).toBeGreaterThanOrEqual(c.payment - 1e-9);
      }
    }
  });

  it('a selection made mid-run and read again from month 0 by a second run is the history of a run watched from the start', () => {
    const whole = sim('changsha-2011', 8, 90);
    const early = createReader(whole.state, [3, 30]);
    while (whole.state.tick < 90) {
      whole.tick();
      early.read();
    }
    const late = sim('changsha-2011', 8, 90);
    const main = createReader(late.state);
    while (late.state.tick < 50) {
      late.tick();
      main.read();
    }
    for (const id of [3, 30]) {
      const again = sim('changsha-2011', 8, 90);
      const shadow = createReader(again.state, [id]);
      while (again.state.tick < 50) {
        again.tick();
        shadow.read();
      }
      main.adopt(shadow, id);
    }
    while (late.state.tick < 90) {
      late.tick();
      main.read();
    }
    for (const id of [3, 30]) expect(main.history({ kind: 'so', id })).toEqual(early.history({ kind: 'so', id }));
  });
});

describe('the inspect= field of a link (viz/url.ts)', () => {
  it('reads so:<n> and d:<n> (districts from 1, as the page shows them) and writes them back the same', () => {
    expect(parseUrl('?inspect=so:12').state.inspect).toEqual({ kind: 'so', id: 12 });
    expect(parseUrl('?inspect=d:2').state.inspect).toEqual({ kind: 'district', d: 1 });
    for (const text of ['so:0', 'so:12', 'd:1', 'd:32']) {
      const { state, problems } = parseUrl(`?inspect=${text}`);
      expect(problems).toEqual([]);
      expect(new URLSearchParams(buildUrl(state)).get('inspect')).toBe(text);
    }
  });

  it('names a malformed value, in short, and drops it', () => {
    for (const text of ['so:abc', 'so:-1', 'd:0', 'd:33', 'so:1e3', 'x:1', '', 'so:99999999999', 'd:2;so:1']) {
      const { state, problems } = parseUrl(`?inspect=${encodeURIComponent(text)}`);
      expect(state.inspect, text).toBeUndefined();
      expect(
        problems.map((p) => p.key),
        text,
      ).toEqual(['url.inspect']);
    }
    const long = parseUrl(`?inspect=so:${'9'.repeat(400)}`);
    expect(String(long.problems[0].vars.value).length).toBeLessThan(100);
  });
});
