// ABC sequential Monte Carlo (ABC population Monte Carlo: Toni et al. 2009; Beaumont et al. 2009),
// with the tolerance set adaptively from a quantile of the last generation's distances (Del Moral
// et al. 2012) and a Gaussian perturbation kernel: the optimal local covariance matrix (Filippi et
// al. 2013) or twice the weighted covariance (Beaumont et al. 2009).
//
// Reproducible whatever runs the simulations: proposal k of generation g is a pure function of
// (seed, g, k) and of the previous population, and a generation keeps the first N accepted
// proposals *in index order*. Simulations may finish in any order, on any number of workers, and
// be interrupted and resumed: the population is the same to the bit.
import { exp, log } from '../../sim/math.ts';
import { createRng, mix32, type Rng } from '../random.ts';
import { Gaussian, lowerTimes, robustCholesky, weightedCovariance, weightedMean, type Matrix } from './linalg.ts';
import { effectiveSampleSize, normalise, weightedPicker, weightedQuantile } from './stats.ts';
import { distance, type Target } from './targets.ts';

/** Independent uniform priors on a box: parameter a lies in [lo[a], hi[a]]. */
export interface Prior {
  names: string[];
  lo: number[];
  hi: number[];
}

export type KernelType = 'olcm' | 'twice-covariance';

export interface SmcSettings {
  particles: number;
  /** The most generations to run (generation 0 samples the prior). */
  generations: number;
  /** The next tolerance is this weighted quantile of the last generation's distances. */
  quantile: number;
  /** Stop when a generation would accept fewer than this share of its proposals. */
  minAcceptance: number;
  /** Stop once the tolerance is at or below this distance (0: never). */
  minTolerance: number;
  kernel: KernelType;
  replicates: number;
  seed: number;
}

export interface Proposal {
  generation: number;
  index: number;
  theta: number[];
  /** The model's seed for each replicate. */
  seeds: number[];
}

/** A finished simulation of a proposal: target values averaged over replicates, and its distance. */
export interface Outcome {
  simulated: number[];
  distance: number;
}

export interface Population {
  generation: number;
  /** Infinity for generation 0, which accepts every draw from the prior. */
  epsilon: number;
  particles: number[][];
  /** Normalised importance weights. */
  weights: number[];
  distances: number[];
  simulated: number[][];
  /** Proposals up to and including the N-th accepted one: the simulations this generation needed. */
  proposals: number;
  acceptance: number;
  ess: number;
}

/** A 32-bit seed from a path of integers: the same path always gives the same seed. */
export function seedOf(...path: number[]): number {
  let h = mix32(path[0] >>> 0);
  for (let i = 1; i < path.length; i++) h = mix32((h ^ mix32(path[i] >>> 0)) >>> 0);
  return h;
}

/** Purposes of the seeds derived from the calibration's seed (distinct streams). */
const PROPOSAL = 1, RUN = 2, PREDICTIVE = 3;

/** A standard normal draw (Marsaglia's polar method: only log and sqrt, exact on every engine). */
function normal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng() - 1, v = 2 * rng() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * log(s)) / s);
  }
}

/** The largest value (a loop: spreading 10⁵ arguments into Math.max overflows the stack). */
function maximum(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

function logSumExp(terms: readonly number[]): number {
  const max = maximum(terms);
  let sum = 0;
  for (const t of terms) sum += exp(t - max);
  return max + log(sum);
}

const inside = (theta: readonly number[], prior: Prior) => theta.every((v, a) => v >= prior.lo[a] && v <= prior.hi[a]);

/** How a generation draws its proposals and weighs its particles. */
export interface Step {
  generation: number;
  epsilon: number;
  /** Accepted proposals the generation keeps (N). */
  particles: number;
  /** Proposals a generation may use before it stops for a low acceptance rate. */
  cap: number;
  propose: (k: number) => Proposal;
  /** Log of the unnormalised importance weight of an accepted particle. */
  logWeight: (theta: readonly number[]) => number;
}

function seedsOf(s: SmcSettings, generation: number, k: number): number[] {
  return Array.from({ length: s.replicates }, (_, r) => seedOf(s.seed, RUN, generation, k, r));
}

/** Generation 0: draws from the prior, all accepted. */
export function firstStep(prior: Prior, s: SmcSettings): Step {
  return {
    generation: 0,
    epsilon: Infinity,
    particles: s.particles,
    cap: s.particles,
    propose: (k) => {
      const rng = createRng(seedOf(s.seed, PROPOSAL, 0, k));
      const theta = prior.lo.map((lo, a) => lo + rng() * (prior.hi[a] - lo));
      return { generation: 0, index: k, theta, seeds: seedsOf(s, 0, k) };
    },
    logWeight: () => 0,
  };
}

/** Kernel covariance for each previous particle (the same matrix for all with twice-covariance). */
function kernels(prev: Population, epsilon: number, s: SmcSettings, scales: number[]): Gaussian[] {
  const { particles, weights, distances } = prev;
  if (s.kernel === 'twice-covariance') {
    const cov = weightedCovariance(particles, weights, weightedMean(particles, weights));
    const g = new Gaussian(robustCholesky(cov.map((row) => row.map((v) => 2 * v)), scales));
    return particles.map(() => g);
  }
  // Filippi et al. (2013), eq. 9: the covariance of the particles that already meet the new
  // tolerance, plus the offset of each particle from their mean.
  const keep = distances.map((d, i) => (d <= epsilon ? i : -1)).filter((i) => i >= 0);
  const chosen = keep.length >= 2 ? keep : particles.map((_, i) => i);
  const w = normalise(chosen.map((i) => weights[i]));
  const pts = chosen.map((i) => particles[i]);
  const mean = weightedMean(pts, w);
  const cov = weightedCovariance(pts, w, mean);
  return particles.map((theta) => {
    const shift = mean.map((m, a) => m - theta[a]);
    const local: Matrix = cov.map((row, a) => row.map((v, b) => v + shift[a] * shift[b]));
    return new Gaussian(robustCholesky(local, scales));
  });
}

/** The tolerance after a population: the chosen quantile of its distances, never above the last. */
export function nextEpsilon(prev: Population, s: SmcSettings): number {
  const q = weightedQuantile(prev.distances, prev.weights, s.quantile);
  return Math.min(q, prev.epsilon);
}

/** Generation g + 1 from population g: resample by weight, perturb, stay inside the prior's box. */
export function nextStep(prior: Prior, s: SmcSettings, prev: Population): Step {
  const generation = prev.generation + 1;
  const epsilon = nextEpsilon(prev, s);
  const scales = prior.hi.map((hi, a) => hi - prior.lo[a]);
  const K = kernels(prev, epsilon, s, scales);
  const pick = weightedPicker(prev.weights);
  const logW = prev.weights.map((w) => log(w));
  return {
    generation,
    epsilon,
    particles: s.particles,
    cap: Math.ceil(s.particles / s.minAcceptance),
    propose: (k) => {
      const rng = createRng(seedOf(s.seed, PROPOSAL, generation, k));
      // Redraw the ancestor as well as the move when a move leaves the box: the accepted proposals
      // then have density proportional to the untruncated mixture inside the box, so the weights
      // below need no per-ancestor normaliser.
      for (let attempt = 0; attempt < 100_000; attempt++) {
        const j = pick(rng());
        const z = prior.names.map(() => normal(rng));
        const step = lowerTimes(K[j].L, z);
        const theta = prev.particles[j].map((v, a) => v + step[a]);
        if (inside(theta, prior)) return { generation, index: k, theta, seeds: seedsOf(s, generation, k) };
      }
      throw new Error(`generation ${generation}: proposal ${k} found no point inside the prior after 100000 tries`);
    },
    // Uniform prior: π(θ) is constant inside the box, so w ∝ 1 / Σ_j W_j K_j(θ | θ_j).
    logWeight: (theta) => -logSumExp(prev.particles.map((p, j) => logW[j] + K[j].logDensity(theta, p))),
  };
}

export type Closing =
  | { kind: 'closed'; population: Population }
  /** Proposal `index` has no outcome yet: simulate it (and those after it) first. */
  | { kind: 'waiting'; index: number }
  /** The cap was reached with fewer than N acceptances: the acceptance rate is below the minimum. */
  | { kind: 'exhausted'; accepted: number };

/**
 * Close a generation from its outcomes: the first N proposals, in index order, within the tolerance.
 * Decided only when every proposal before the N-th acceptance has an outcome.
 */
export function closeGeneration(step: Step, outcomes: (k: number) => Outcome | undefined): Closing {
  const accepted: { k: number; theta: number[]; outcome: Outcome }[] = [];
  for (let k = 0; k < step.cap; k++) {
    const outcome = outcomes(k);
    if (!outcome) return { kind: 'waiting', index: k };
    if (!(outcome.distance <= step.epsilon)) continue;
    accepted.push({ k, theta: step.propose(k).theta, outcome });
    if (accepted.length < step.particles) continue;
    const logs = accepted.map((a) => step.logWeight(a.theta));
    const max = maximum(logs);
    const weights = normalise(logs.map((l) => exp(l - max)));
    return {
      kind: 'closed',
      population: {
        generation: step.generation,
        epsilon: step.epsilon,
        particles: accepted.map((a) => a.theta),
        weights,
        distances: accepted.map((a) => a.outcome.distance),
        simulated: accepted.map((a) => a.outcome.simulated),
        proposals: k + 1,
        acceptance: step.particles / (k + 1),
        ess: effectiveSampleSize(weights),
      },
    };
  }
  return { kind: 'exhausted', accepted: accepted.length };
}

/** An outcome from each replicate's target values: their mean, and its distance. */
export function outcomeOf(replicates: readonly number[][], targets: readonly Target[]): Outcome {
  const simulated = targets.map((_, i) => replicates.reduce((sum, r) => sum + r[i], 0) / replicates.length);
  return { simulated, distance: distance(simulated, targets) };
}

/**
 * Why a calibration stopped: the rule that ended it, with its numbers (a page says it in its
 * language, lab/report/calibration.ts); `stopText` says it in the manifest's English.
 */
export type Stop =
  | { rule: 'generations'; generations: number }
  | { rule: 'tolerance'; tolerance: number; minimum: number }
  | { rule: 'exact' }
  | { rule: 'acceptance'; generation: number; accepted: number; cap: number; minimum: number }
  | { rule: 'interrupted' };

/** A stop as the manifest's `stopped` says it. */
export function stopText(s: Stop): string {
  switch (s.rule) {
    case 'generations':
      return `reached the maximum of ${s.generations} generations`;
    case 'tolerance':
      return `tolerance ${s.tolerance} reached the minimum ${s.minimum}`;
    case 'exact':
      return 'every particle matches the targets exactly (distance 0)';
    case 'acceptance':
      return `generation ${s.generation} accepted ${s.accepted} of ${s.cap} proposals (${(s.accepted / s.cap).toFixed(4)}), below the minimum acceptance rate ${s.minimum}; the posterior is generation ${s.generation - 1}`;
    case 'interrupted':
      return 'interrupted';
  }
}

/** The rule that ends a calibration after a closed population, or undefined to go on. */
export function stopRule(pop: Population, s: SmcSettings): Stop | undefined {
  if (pop.generation + 1 >= s.generations) return { rule: 'generations', generations: s.generations };
  if (s.minTolerance > 0 && pop.epsilon <= s.minTolerance) return { rule: 'tolerance', tolerance: pop.epsilon, minimum: s.minTolerance };
  if (pop.distances.every((d) => d === 0)) return { rule: 'exact' };
  return undefined;
}

/** Posterior predictive draws: particles resampled by weight, each run on fresh seeds. */
export function predictiveDraws(pop: Population, draws: number, replicates: number, seed: number): Proposal[] {
  const pick = weightedPicker(pop.weights);
  return Array.from({ length: draws }, (_, k) => {
    const rng = createRng(seedOf(seed, PREDICTIVE, k));
    const j = pick(rng());
    return {
      generation: -1,
      index: k,
      theta: pop.particles[j],
      seeds: Array.from({ length: replicates }, (_, r) => seedOf(seed, PREDICTIVE, k, r + 1)),
    };
  });
}

/** Where the simulations come from: a worker pool with a journal (CLI), or a plain loop (tests, browser). */
export interface Simulator {
  /** Outcomes of the step's generation known so far, by proposal index; run() adds to it. */
  known(step: Step): Map<number, Outcome>;
  /**
   * Simulate the step's proposals that have no outcome yet, in index order from 0, until the known
   * outcomes hold N acceptances or the cap is reached. False when stopped (interrupted, failed).
   */
  run(step: Step): Promise<boolean>;
}

export interface SmcResult {
  populations: Population[];
  /** Why it stopped: the rule that ended it, or "interrupted" (stopText of `stop`). */
  stopped: string;
  stop: Stop;
  complete: boolean;
  /** Proposals simulated by a generation that ended the run by exhausting its cap (else 0). */
  exhausted: number;
}

const ended = (populations: Population[], stop: Stop, exhausted = 0): SmcResult => ({ populations, stopped: stopText(stop), stop, complete: stop.rule !== 'interrupted', exhausted });

/** Run generations until a stopping rule holds; `onPopulation` sees each population as it closes. */
export async function runSmc(prior: Prior, s: SmcSettings, sim: Simulator, onPopulation: (p: Population) => void = () => {}): Promise<SmcResult> {
  const populations: Population[] = [];
  let step = firstStep(prior, s);
  for (;;) {
    const known = sim.known(step);
    let closing = closeGeneration(step, (k) => known.get(k));
    while (closing.kind === 'waiting') {
      if (!(await sim.run(step))) return ended(populations, { rule: 'interrupted' });
      closing = closeGeneration(step, (k) => known.get(k));
      if (closing.kind === 'waiting') throw new Error(`generation ${step.generation}: proposal ${closing.index} was not simulated`);
    }
    if (closing.kind === 'exhausted') return ended(populations, { rule: 'acceptance', generation: step.generation, accepted: closing.accepted, cap: step.cap, minimum: s.minAcceptance }, step.cap);
    populations.push(closing.population);
    onPopulation(closing.population);
    const rule = stopRule(closing.population, s);
    if (rule) return ended(populations, rule);
    step = nextStep(prior, s, closing.population);
  }
}

/** A simulator that runs proposals one after another in this thread. */
export function inProcess(simulate: (p: Proposal) => Outcome): Simulator {
  const store = new Map<number, Map<number, Outcome>>();
  const known = (step: Step) => {
    if (!store.has(step.generation)) store.set(step.generation, new Map());
    return store.get(step.generation)!;
  };
  return {
    known,
    run: async (step) => {
      const map = known(step);
      let accepted = 0;
      for (let k = 0; k < step.cap && accepted < step.particles; k++) {
        let o = map.get(k);
        if (!o) map.set(k, (o = simulate(step.propose(k))));
        if (o.distance <= step.epsilon) accepted++;
      }
      return true;
    },
  };
}
