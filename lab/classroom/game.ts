// A class plays the model: each seat is a district's official, held by a student (or a team), who
// takes the official's three decisions each year (sim/officials.ts, Decision); a seat nobody decides
// for in a year is played by the model's own official. The game is a run of the model, year by year,
// plus the decisions taken: from the scenario, the seed and the decisions it is replayed to the bit,
// by `involution-lab run` and the explorer alike (sessionScenario). No clock, no Node, no DOM: the
// server (cli/classroom/) owns time, storage and sockets.
//
// Year 0 is the year the class inherits, run by the model's officials before anyone decides: the
// involution index measures growth against the first year, so a class that chose the first year
// itself would have its own choices as the reference and read as no growth at all (seeds 9–12,
// three seats buying half the budget in showcase projects with the most paperwork: index +0.2 to
// +0.5 against the first year they chose, +2.4 to +2.7 against the year they inherited; the model's
// officials +0.7 to +0.9). The students decide years 1 … years.
import {
  createSim,
  decide,
  decisionProblems,
  MIN_DECIDED_SHARE,
  ParamError,
  runSim,
  standings,
  type Decision,
  type Scenario,
  type Series,
  type Sim,
} from '../../sim/index.ts';
import { resolveParams } from '../../sim/param-check.ts';
import type { DistrictMetricName, MetricName } from '../../sim/metric-registry.ts';

export interface GameSettings {
  /** The scenario the class plays (a bundled one). */
  readonly scenario: Scenario;
  readonly seed: number;
  /** Years the class decides (each one a budget round per district), after the inherited year 0. */
  readonly years: number;
  /** Seats: one district each. */
  readonly seats: number;
}

/** One decision as a seat took it (the model's own decisions are in the run, not here). */
export type SeatDecision = Omit<Decision, 'district' | 'year'>;

/** What an official sees of a district at the end of a year, and what she does not see (need met). */
export interface DistrictYear {
  readonly year: number;
  readonly district: number;
  /** Who decided this year: a seat's person, or the model's official. */
  readonly decidedBy: 'seat' | 'model';
  readonly purchaseShare: number;
  readonly grain: number;
  readonly demand: number;
  /** The district's service budget over the year (money). */
  readonly budget: number;
  /** Active projects at the year's end. */
  readonly projects: number;
  /** SOs holding the district's projects at the year's end. */
  readonly sos: number;
  /** What the superiors see: projects shown upward and the paperwork reports show. */
  readonly visible: number;
  /** Service the official sees (monitored quality × citizens served, in-house too) per money. */
  readonly seenPerMoney: number;
  /** The official's standing against the other districts (the reward that decides promotion). */
  readonly standing: number;
  /** Not seen by the official: the share of the district's need met, over the year's last month. */
  readonly needsMet: number;
  /** The district's own involution index at the year's end. */
  readonly index: number;
}

export interface CityYear {
  readonly year: number;
  readonly index: number;
  readonly form: number;
  readonly substance: number;
  readonly needsMet: number;
}

/** The metric columns the game reads, at a year's last month. */
const at = (series: Series, name: MetricName | `${DistrictMetricName}.d${number}`, year: number): number => series[name][year * 12 + 11];

export function cityYears(series: Series, years: number): CityYear[] {
  const out: CityYear[] = [];
  for (let y = 0; y < years; y++) {
    if (series.involutionIndex.length < y * 12 + 12) break;
    out.push({
      year: y,
      index: at(series, 'involutionIndex', y),
      form: at(series, 'formGrowth', y),
      substance: at(series, 'substanceGrowth', y),
      needsMet: at(series, 'needsMet', y),
    });
  }
  return out;
}

export class Game {
  readonly settings: GameSettings;
  readonly sim: Sim;
  /** Decisions taken by seats, by year then district. */
  private readonly taken = new Map<number, Map<number, SeatDecision>>();
  /** What each district looked like at the end of each year played. */
  readonly history: DistrictYear[][] = [];

  /**
   * A game at its start (the inherited year 0 run), or replayed up to the year being decided,
   * `deciding`, with the decisions of the years before it (and the pending ones of that year).
   */
  constructor(settings: GameSettings, decisions: readonly Decision[] = [], deciding = 1) {
    this.settings = settings;
    const params = resolveParams(settings.scenario.params, { ticks: (settings.years + 1) * 12, districts: settings.seats });
    this.sim = createSim(
      params,
      settings.seed,
      settings.scenario.schedule.map(({ tick, set }) => ({ tick, set })),
    );
    for (const d of decisions) this.submit(d.district, d.year, d);
    while (this.year < Math.max(1, deciding)) this.runYear();
  }

  /** The year being decided: 1 … years (0, the inherited year, runs at the start); years + 1 when the game is over. */
  get year(): number {
    return Math.floor(this.sim.state.tick / 12);
  }

  get over(): boolean {
    return this.year > this.settings.years;
  }

  /** The bounds of each decision, from the model's own (sim/officials.ts). */
  get bounds(): { purchaseShare: [number, number]; grain: [number, number]; demand: [number, number] } {
    return { purchaseShare: [MIN_DECIDED_SHARE, 1], grain: [0, 1], demand: [0, this.sim.state.params.maxDemand] };
  }

  /** The decisions in force for a district now: what the last year's round left. */
  current(district: number): SeatDecision {
    const dist = this.sim.state.districts;
    const p = this.sim.state.params;
    // Before the first round: what the model's officials start from (sim/officials.ts).
    if (this.sim.state.tick === 0) return { purchaseShare: p.initialPurchaseShare, grain: p.initialGrain, demand: Math.min(p.maxDemand, p.initialDemand) };
    return { purchaseShare: dist.purchaseShare[district], grain: dist.grain[district], demand: dist.demand[district] };
  }

  /** A seat's decision for a year not yet run (it may be changed until the year runs). Throws ParamError naming the field. */
  submit(district: number, year: number, values: SeatDecision): void {
    const decision: Decision = { year, district, purchaseShare: values.purchaseShare, grain: values.grain, demand: values.demand };
    // Placed in the run only when its year runs: until then a seat may change its mind.
    const problems = decisionProblems(this.sim.state, decision);
    if (year === 0)
      problems.push("decision.year = 0: must be from 1 (year 0 is the year the class inherits, the model officials' and the reference of the index)");
    if (problems.length > 0) throw new ParamError(problems.join('; '));
    if (!this.taken.has(year)) this.taken.set(year, new Map());
    this.taken.get(year)!.set(district, { purchaseShare: values.purchaseShare, grain: values.grain, demand: values.demand });
  }

  /** The decision a seat has taken for a year, if any. */
  decision(district: number, year: number): SeatDecision | undefined {
    return this.taken.get(year)?.get(district);
  }

  /** Run the current year: the seats' decisions hold at their districts' rounds, the model's officials decide the rest. */
  runYear(): void {
    // Year 0 has no seats' decisions: the constructor runs it.
    if (this.over) throw new Error('the game is over');
    const year = this.year;
    for (const [district, values] of this.taken.get(year) ?? []) decide(this.sim, { year, district, ...values });
    runSim(this.sim, (year + 1) * 12);
    this.history.push(this.districtYears(year));
  }

  private districtYears(year: number): DistrictYear[] {
    const s = this.sim.state;
    const series = this.sim.series;
    const stand = standings(s);
    const sos = Array.from({ length: this.settings.seats }, () => new Set<number>());
    const c = s.contracts;
    for (let i = 0; i < c.n; i++) if (c.active[i]) sos[c.buyer[i]].add(c.so[i]);
    return stand.map((st, d) => {
      const own = this.taken.get(year)?.get(d);
      const values = this.current(d);
      return {
        year,
        district: d,
        decidedBy: own ? 'seat' : 'model',
        ...values,
        budget: s.districts.budget[d] * 12,
        projects: at(series, `projectsActive.d${d}`, year),
        sos: sos[d].size,
        visible: st.visible,
        seenPerMoney: st.seenPerMoney,
        standing: st.standing,
        needsMet: at(series, `needsMet.d${d}`, year),
        index: at(series, `involutionIndex.d${d}`, year),
      };
    });
  }

  /** Every decision the seats took, in order of year and district. */
  decisions(): Decision[] {
    const out: Decision[] = [];
    for (const year of [...this.taken.keys()].sort((a, b) => a - b)) {
      for (const district of [...this.taken.get(year)!.keys()].sort((a, b) => a - b)) out.push({ year, district, ...this.taken.get(year)!.get(district)! });
    }
    return out;
  }

  city(): CityYear[] {
    return cityYears(this.sim.series, this.year);
  }

  /**
   * The session as a scenario file: the scenario played, with the game's length, seats, seed and the
   * decisions of the years run, which `involution-lab run --scenario <file>` and the explorer replay
   * to the same numbers.
   */
  sessionScenario(label: string): Scenario {
    const sc = this.settings.scenario;
    const played = this.year;
    return {
      id: `${sc.id}-class`,
      title: { en: `${sc.title.en} — played by a class (${label})`, zh: `${sc.title.zh}——课堂对局（${label}）` },
      teaching: sc.teaching,
      source: `${sc.source}; decisions of district officials taken by students in a classroom game (involution-lab classroom)`,
      params: { ...sc.params, ticks: (this.settings.years + 1) * 12, districts: this.settings.seats },
      schedule: sc.schedule,
      seed: this.settings.seed,
      decisions: this.decisions().filter((d) => d.year < played),
    };
  }
}

/** The counterfactual: the same scenario, seed, length and seats with the model's officials in every seat. */
export function modelGame(settings: GameSettings, deciding = settings.years + 1): Game {
  return new Game(settings, [], deciding);
}
