// The classroom game's model side: a seat's decisions are what its district does, a year without one
// is the model's official's, and a game is data — replayed from its session file by `run` and by a
// restarted server to the bit.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Game, modelGame, type GameSettings } from '../lab/classroom/game.ts';
import { findScenario } from '../scenarios/index.ts';
import { createSim, decide, ParamError, parseScenario, runScenario, runSim, scenarioRunText, resolveParams, type Series } from '../sim/index.ts';
import { BIN } from './portable-cli.ts';

const scenario = findScenario('baseline-involution')!;
const settings: GameSettings = { scenario, seed: 4242, years: 4, seats: 6 };
const ALL = Object.keys(createSim(resolveParams(scenario.params, { ticks: 12 }), 1).series);

function sameSeries(a: Series, b: Series, ticks: number): string[] {
  const diff: string[] = [];
  for (const k of ALL)
    for (let i = 0; i < ticks; i++)
      if (!Object.is(a[k][i], b[k][i])) {
        diff.push(`${k}[${i}]`);
        break;
      }
  return diff;
}

/** A class of three seats deciding unlike the model's officials, in years 1 … `years` (year 0 is the inherited one). */
function played(years: number): Game {
  const g = new Game(settings);
  for (let y = 1; y <= years; y++) {
    g.submit(0, y, { purchaseShare: [0.4, 0.5, 0.6, 0.7][y], grain: 1, demand: 0.6 });
    g.submit(3, y, { purchaseShare: 0.05, grain: 0, demand: 0 });
    if (y % 2 === 1) g.submit(5, y, { purchaseShare: 0.2, grain: 0.5, demand: 0.3 });
    g.runYear();
  }
  return g;
}

describe('a seat decides for its district', () => {
  it("the district's decisions are the seat's through the year, at every round of that year", () => {
    const g = played(3);
    // Rounds are staggered: district d's round is in month 2d of the year (6 districts), and a
    // year's decision holds from it to the next year's round.
    for (let y = 1; y <= 3; y++) {
      for (let m = y * 12; m < y * 12 + 12; m++) {
        // Granularity and demand are recorded as the district holds them each month.
        expect(g.sim.series['projectGranularity.d0'][m]).toBe(1);
        expect(g.sim.series['paperworkDemand.d0'][m]).toBe(0.6);
        if (m + 6 >= 48) continue;
        expect(g.sim.series['projectGranularity.d3'][m + 6]).toBe(0);
        expect(g.sim.series['paperworkDemand.d3'][m + 6]).toBe(0);
      }
    }
    expect(g.sim.series['paperworkDemand.d3'][12 + 5]).not.toBe(0);
    expect(g.history[3][0]).toMatchObject({ decidedBy: 'seat', purchaseShare: 0.7, grain: 1, demand: 0.6 });
    expect(g.history[2][5].decidedBy).toBe('model');
    expect(g.history[1][5]).toMatchObject({ decidedBy: 'seat', purchaseShare: 0.2 });
    // Year 0 is the inherited year: the model's officials', the reference of the index.
    expect(g.history[0].every((d) => d.decidedBy === 'model')).toBe(true);
    expect(() => new Game(settings).submit(0, 0, { purchaseShare: 0.5, grain: 0, demand: 0 })).toThrow(/year 0 is the year the class inherits/);
  });

  it("a year without the seat's decision is the model official's: she tries again from where the seat left", () => {
    const g = new Game(settings);
    g.submit(2, 1, { purchaseShare: 0.3, grain: 0.5, demand: 0.3 });
    g.runYear();
    g.runYear();
    const after = g.history[2][2];
    expect(after.decidedBy).toBe('model');
    // One decision tried, the others kept: the official's trial and error goes on from the seat's values.
    const moved = [after.purchaseShare !== 0.3, after.grain !== 0.5, after.demand !== 0.3].filter(Boolean).length;
    expect(moved).toBe(1);
  });

  it('a game where nobody decides is the scenario run itself, to the bit', () => {
    const g = modelGame(settings);
    const plain = runScenario(scenario, settings.seed, { ticks: 60 }).series;
    expect(g.over).toBe(true);
    expect(sameSeries(g.sim.series, plain, 60)).toEqual([]);
  });

  it("the students' choices change the city (the seats are not decoration)", () => {
    const g = played(3);
    const m = modelGame(settings, 4);
    expect(g.city()[0]).toEqual(m.city()[0]);
    expect(g.city()[3].index).not.toBe(m.city()[3].index);
    // Political rationality from the inside: the showcase-and-paperwork seat shows more upward than the model's official of the same district.
    expect(g.history[3][0].visible).toBeGreaterThan(m.history[3][0].visible);
  });
});

describe('a game is data', () => {
  it('its session file, run by `involution-lab run`, gives the live game numbers to the bit', () => {
    const g = played(3);
    const file = g.sessionScenario('test');
    expect(file.seed).toBe(settings.seed);
    expect(file.decisions.length).toBe(3 * 2 + 2);
    const dir = mkdtempSync(join(tmpdir(), 'involution-class-'));
    const path = join(dir, 'session.json');
    writeFileSync(path, JSON.stringify(file, null, 2));
    // Its own seed: no --seed given. Only the months played.
    const out = JSON.parse(
      execFileSync(process.execPath, [BIN, 'run', '--scenario', path, '--ticks', '48', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 }),
    );
    expect(out.manifest.seed).toBe(settings.seed);
    expect(out.manifest.decisions).toEqual(file.decisions);
    expect(sameSeries(out.series, g.sim.series, 48)).toEqual([]);
  });

  it('a server restarted mid-game replays the stored decisions and the pending ones to the same state', () => {
    const g = played(2);
    g.submit(1, 3, { purchaseShare: 0.9, grain: 0.9, demand: 0.5 });
    const again = new Game(settings, g.decisions(), 3);
    expect(again.year).toBe(3);
    expect(again.decision(1, 3)).toEqual({ purchaseShare: 0.9, grain: 0.9, demand: 0.5 });
    g.runYear();
    again.runYear();
    expect(sameSeries(again.sim.series, g.sim.series, 48)).toEqual([]);
    expect(again.history).toEqual(g.history);
  });

  it('a scenario without decisions keeps its run text (resume and merge of older experiments still match)', () => {
    expect(scenarioRunText(scenario)).toBe(
      JSON.stringify({ id: scenario.id, params: scenario.params, schedule: scenario.schedule.map((c) => ({ tick: c.tick, set: c.set })) }),
    );
    const file = played(1).sessionScenario('x');
    expect(scenarioRunText(parseScenario(JSON.parse(JSON.stringify(file))))).toContain('"decisions"');
  });
});

describe('bad decisions are refused whole, naming each field, and change nothing', () => {
  it('every problem at once', () => {
    const params = resolveParams(scenario.params, { ticks: 24 });
    expect(() => createSim(params, 1, [], [{ year: 0.5, district: 6, purchaseShare: 0, grain: 1.5, demand: 0.9 }])).toThrow(
      /decisions\[0\]\.year = 0.5: must be a whole year from 0 to 1.*decisions\[0\]\.district = 6: must be a district from 0 to 5.*decisions\[0\]\.purchaseShare = 0: must be from 0.01 to 1.*decisions\[0\]\.grain = 1.5.*decisions\[0\]\.demand = 0.9: must be from 0 to maxDemand \(0.6\)/,
    );
    expect(() =>
      createSim(
        params,
        1,
        [],
        [
          { year: 0, district: 1, purchaseShare: 0.2, grain: 0, demand: 0 },
          { year: 0, district: 1, purchaseShare: 0.3, grain: 0, demand: 0 },
        ],
      ),
    ).toThrow(/decisions\[1\]: district 1 already has a decision for year 0/);
  });

  it('a year already begun cannot be decided, and the refusal leaves the run as it was', () => {
    const sim = createSim(resolveParams(scenario.params, { ticks: 36 }), 3);
    runSim(sim, 13);
    const before = Float64Array.from(sim.state.takenDecisions);
    expect(() => decide(sim, { year: 1, district: 0, purchaseShare: 0.2, grain: 0, demand: 0 })).toThrow(ParamError);
    expect(() => decide(sim, { year: 1, district: 0, purchaseShare: 0.2, grain: 0, demand: 0 })).toThrow(/year 1 has already begun \(now at month 13\)/);
    expect(Array.from(sim.state.takenDecisions)).toEqual(Array.from(before));
    const g = new Game(settings);
    expect(() => g.submit(0, 1, { purchaseShare: Number.NaN, grain: 0, demand: 0 })).toThrow(/purchaseShare = null/);
    expect(g.decisions()).toEqual([]);
  });

  it('a decision after the run never applies: the run leaves it out and `run` says so', () => {
    const file = played(3).sessionScenario('x');
    const dir = mkdtempSync(join(tmpdir(), 'involution-class-'));
    const path = join(dir, 'session.json');
    writeFileSync(path, JSON.stringify(file));
    const r = spawnSync(process.execPath, [BIN, 'run', '--scenario', path, '--ticks', '30', '--format', 'summary'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("has officials' decisions for year 3, after the run's last month (29); they never apply");
    const short = runScenario(file, settings.seed, { ticks: 30 }).series;
    expect(sameSeries(short, played(3).sim.series, 30)).toEqual([]);
  });

  it('a scenario file with bad decisions is refused by the schema, naming the field', () => {
    const file = { ...JSON.parse(JSON.stringify(played(1).sessionScenario('x'))) };
    file.decisions[0].grain = 2;
    expect(() => parseScenario(file, 'session.json')).toThrow(/session\.json: field decisions\.0\.grain = 2/);
  });
});
