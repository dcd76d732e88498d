// The headless runner: `involution-lab run | scenarios | params | experiment | calibrate | merge |
// analyze | discover | report`. Bad input prints one line naming what is wrong and what is allowed, and exits 2.
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import { parseArgs } from 'node:util';
import { isModelParam, knownParams, lateWarnings, PARAM_BY_NAME, PARAMS, ParamError, parseParamValue, runScenario, ScenarioError, SEED, TICKS, type Scenario } from '../sim/index.ts';
import { VERSION } from '../sim/version.ts';
import { SCENARIOS, findScenario } from '../scenarios/index.ts';
import { loadScenarioFile } from './load.ts';
import { toCsv, toSummary } from './output.ts';
import { FileError, fsErrorLine, UsageError } from './common/errors.ts';
import { integerFlag, paramNumber } from './common/flags.ts';
import { echo } from '../lab/numbers.ts';
import { requirePath, writeAll } from './common/files.ts';
import { FORBIDDEN_KEYS } from '../lab/spec/shape.ts';
import { writeOut } from './common/out.ts';
import type { ClassroomFlags } from './classroom/command.ts';
// Every command but run, scenarios and params is imported when it is given (below, in dispatch): a
// run must not pay at start-up for Plot, linkedom, hyparquet, proper-lockfile, SQLite or the
// classroom's server, none of which it uses (test/cli-imports.test.ts checks it).

export { UsageError };

const HELP = `involution-lab ${VERSION}: agent-based model of involution in government purchase of public services

Usage:
  involution-lab run --scenario <id|file.json> [--seed <int>] [--ticks N] [--set name=value]...
                     [--format json|csv|summary] [--out FILE|-]
  involution-lab scenarios [--format text|json]
  involution-lab params [--format text|json]
  involution-lab experiment <spec.json> --out <dir> [--workers N] [--shard i/n|auto|auto/N]
                            [--format csv|parquet] [--resume] [--dry-run]
  involution-lab calibrate <spec.json> --out <dir> [--workers N] [--resume] [--dry-run]
  involution-lab merge <dirs…> --out <dir> [--format csv|parquet]
  involution-lab status <dirs…> [--script FILE]
  involution-lab analyze <dir> --method morris|sobol|paired|grid|replications|lhs --outcome <metric>
                         [--baseline <scenario>] [--out file.csv] [--resamples N] [--seed N]
  involution-lab discover <dir> --outcome <metric> --where "> x"|">= x"|"< x"|"<= x"|"a..b"
                          [--threshold 0.8] [--alpha 0.05] [--boxes 3] [--format text|csv] [--out file.csv]
  involution-lab robust <dir> --outcome <metric> [--threshold 0] [--higher-is-better] [--policy <scenario>]
                        [--format text|csv] [--out file.csv]
  involution-lab report <dir>
  involution-lab classroom [--scenario <id>] [--seats N] [--years N] [--lang en|zh] [--seed N]
                           [--port 8080] [--host <address>] [--db FILE] [--new] [--no-open]
  involution-lab --help | --version

run       one run; JSON is {"manifest": {...}, "series": {"tick": [...], ...}}, CSV one row per tick,
          summary a readable table, one row a year
scenarios the bundled scenarios (ids for --scenario)
params    every parameter: group, range, default, unit, meaning, and for model constants their basis (for --set)
experiment many runs from a spec (scenarios × design points × seeds) on all cores; writes runs.csv,
          summary.csv (or .parquet), design.csv and manifest.json in <dir>; --resume finishes an
          interrupted one; --shard i/n does the runs with index ≡ i − 1 (mod n), --shard auto the
          shard of a SLURM, PBS or Kubernetes job array; --dry-run counts the runs and estimates the time
calibrate infers parameters from observed indicators (ABC-SMC); writes posterior.csv, predictive.csv
          and manifest.json in <dir>, prints the posterior and the predictive check; see docs/calibration.md
merge     joins shard directories into what one unsharded experiment writes, checking every row
status    which shards are complete, running, stopped or missing, and the command that runs the
          missing ones again (exit status 1 until all are complete)
analyze   Morris elementary effects, Sobol' indices (with bootstrap intervals), paired scenario
          differences (t intervals), or what a grid, replications or a Latin hypercube say (means with
          t intervals per point and month, distributions over seeds, binned means against each
          parameter) of a metric; writes CSV, prints a table
discover  scenario discovery: PRIM boxes of the parameters where a condition on a metric's final
          value holds (trade-off curve, restrictions with quasi-p-values, covering) and a
          classification tree for comparison; writes CSV, prints them
robust    robustness of the scenarios as policies over the states of the world (design point × seed):
          satisficing share (Wilson interval), regret (mean, median, 90th percentile, max), the
          outcome's distribution, rankings, and PRIM boxes of one policy's vulnerable states
report    writes <dir>/report.html: fan charts, sensitivity bars, heatmaps and the manifest (for a
          calibration: posterior marginals by generation, pairwise densities, predictive check)
classroom a class plays the model: students take the district officials' yearly decisions from their
          phones; prints the address, a QR code and the room code, and opens the teacher's page;
          the game is kept in --db (involution-classroom.sqlite) and resumed by the same command
See docs/experiments.md for the spec format.`;

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
const COMMANDS: Record<string, Options> = {
  run: {
    scenario: { type: 'string' },
    seed: { type: 'string' },
    ticks: { type: 'string' },
    set: { type: 'string', multiple: true },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  scenarios: { format: { type: 'string' } },
  params: { format: { type: 'string' } },
  experiment: {
    out: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    resume: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    format: { type: 'string' },
  },
  calibrate: {
    out: { type: 'string' },
    workers: { type: 'string' },
    resume: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  merge: { out: { type: 'string' }, format: { type: 'string' } },
  status: { script: { type: 'string' } },
  analyze: {
    method: { type: 'string' },
    outcome: { type: 'string' },
    baseline: { type: 'string' },
    out: { type: 'string' },
    resamples: { type: 'string' },
    seed: { type: 'string' },
  },
  discover: {
    outcome: { type: 'string' },
    where: { type: 'string' },
    threshold: { type: 'string' },
    alpha: { type: 'string' },
    boxes: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  robust: {
    outcome: { type: 'string' },
    threshold: { type: 'string' },
    'higher-is-better': { type: 'boolean' },
    policy: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  report: {},
  classroom: {
    port: { type: 'string' },
    host: { type: 'string' },
    lang: { type: 'string' },
    scenario: { type: 'string' },
    seats: { type: 'string' },
    years: { type: 'string' },
    seed: { type: 'string' },
    db: { type: 'string' },
    new: { type: 'boolean' },
    'no-open': { type: 'boolean' },
  },
};
/** Commands whose operands (a spec file, directories) are positional. */
const POSITIONAL = new Set(['experiment', 'calibrate', 'merge', 'analyze', 'discover', 'robust', 'report', 'status']);

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Standard output redirected to a file or a device is written synchronously, every byte checked
 * (writeAll): Node's own stream for a file drops the rest of a short write (a nearly full disk) and
 * reports success. A pipe or a terminal goes through process.stdout, whose errors index.ts reports.
 */
function stdoutWriter(): (text: string) => void {
  let direct: boolean;
  try {
    const s = fstatSync(1);
    direct = s.isFile() || s.isBlockDevice() || s.isCharacterDevice();
    if (direct && isatty(1)) direct = false;
  } catch {
    direct = false;
  }
  return direct ? (t) => writeAll(1, t, 'standard output') : (t) => void process.stdout.write(t);
}

let stdout: ((text: string) => void) | undefined;
const defaultIo: Io = {
  stdout: (t) => (stdout ??= stdoutWriter())(t),
  stderr: (t) => process.stderr.write(t),
};

/** Run the CLI; returns the exit code. */
export function main(argv: string[], io: Io = defaultIo): number {
  try {
    return dispatch(argv, io);
  } catch (err) {
    const message = userError(err);
    if (message === undefined) throw err;
    io.stderr(`involution-lab: ${message}\n`);
    return 2;
  }
}

/**
 * The one-line message of an error the user can mend: bad input, or a path that cannot be read or
 * written (a file where a directory should be, no permission, a full disk). Undefined for a bug.
 */
function userError(err: unknown): string | undefined {
  if (err instanceof UsageError || err instanceof ParamError || err instanceof ScenarioError || err instanceof FileError) return err.message;
  const e = err as NodeJS.ErrnoException & { dest?: string };
  if (e instanceof Error && typeof e.code === 'string' && e.syscall && e.path) return `${fsErrorLine(e.syscall, e.path, e.code)}${e.dest ? ` (to ${e.dest})` : ''}`;
  return undefined;
}

function dispatch(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (command === '--version') {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const options = COMMANDS[command];
  if (!options) throw new UsageError(`unknown command "${command}"; allowed: ${Object.keys(COMMANDS).join(', ')} (see --help)`);
  const { values, positionals } = parseFlags(command, rest, options);
  if (command === 'run') return run(values, io);
  if (command === 'experiment') {
    const progress = { isTTY: process.stderr.isTTY === true, write: io.stderr };
    const flags = values as Record<string, unknown>;
    const args = { ...values, out: requirePath('--out', values.out), positionals, resume: flags.resume === true, 'dry-run': flags['dry-run'] === true };
    return settle(import('./experiment/command.ts').then((m) => m.experimentCommand(args, { ...io, progress })), io);
  }
  if (command === 'calibrate') {
    const progress = { isTTY: process.stderr.isTTY === true, write: io.stderr };
    const flags = values as Record<string, unknown>;
    const args = { positionals, out: requirePath('--out', values.out), workers: values.workers, resume: flags.resume === true, 'dry-run': flags['dry-run'] === true };
    return settle(import('./calibrate/command.ts').then((m) => m.calibrateCommand(args, { ...io, progress })), io);
  }
  if (command === 'merge') {
    const out = requirePath('--out', values.out);
    return settle(import('./experiment/merge.ts').then((m) => m.mergeCommand(positionals, out, values.format, io)), io);
  }
  if (command === 'analyze') {
    const flags = { method: values.method, outcome: values.outcome, baseline: values.baseline, resamples: values.resamples, seed: values.seed, out: requirePath('--out', values.out) };
    return settle(import('./analysis/command.ts').then((m) => m.analyzeCommand(positionals, flags, io)), io);
  }
  if (command === 'discover') {
    const { outcome, where, threshold, alpha, boxes, format } = values;
    const flags = { outcome, where, threshold, alpha, boxes, format, out: requirePath('--out', values.out) };
    return settle(import('./analysis/discover.ts').then((m) => m.discoverCommand(positionals, flags, io)), io);
  }
  if (command === 'robust') {
    const flags = { ...(values as Record<string, string | boolean | undefined>), out: requirePath('--out', values.out) };
    return settle(import('./analysis/robust.ts').then((m) => m.robustCommand(positionals, flags, io)), io);
  }
  if (command === 'report') return settle(import('./report/command.ts').then((m) => m.reportCommand(positionals, io)), io);
  if (command === 'classroom') return settle(import('./classroom/command.ts').then((m) => m.classroomCommand(values as ClassroomFlags, io).then(() => 0)), io);
  if (command === 'status') return settle(import('./experiment/status.ts').then((m) => m.statusCommand(positionals, { script: values.script }, io)), io);
  const format = oneOf('--format', values.format ?? 'text', ['text', 'json']);
  io.stdout(command === 'scenarios' ? listScenarios(format) : listParams(format));
  return 0;
}

type Values = Record<string, string | undefined> & { set?: string[] };

/**
 * A command imported on demand, or asynchronous (experiment), sets the exit code itself when it
 * ends: index.ts assigns main's return value at once, before the work is done.
 */
function settle(result: number | Promise<number>, io: Io): number {
  if (typeof result === 'number') return result;
  result.then(
    (code) => (process.exitCode = code),
    (err: Error) => {
      const message = userError(err);
      io.stderr(`involution-lab: ${message ?? err.stack ?? err.message}\n`);
      process.exitCode = message === undefined ? 1 : 2;
    },
  );
  return 0;
}

function parseFlags(command: string, args: string[], options: Options): { values: Values; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: POSITIONAL.has(command), tokens: true });
  } catch (err) {
    const message = (err as Error).message;
    const allowed = Object.keys(options).map((o) => `--${o}`).join(', ');
    const flag = /'(-[^']*)'/.exec(message)?.[1];
    if (/Unknown option/.test(message)) throw new UsageError(`unknown flag ${flag} for ${command}; allowed: ${allowed}`);
    if (/argument missing/.test(message)) throw new UsageError(`flag ${flag?.split(' ')[0]} needs a value`);
    if (/ambiguous/.test(message)) throw new UsageError(`flag ${flag} has a value starting with "-"; write it as ${flag}=VALUE`);
    if (/positional/.test(message)) throw new UsageError(`unexpected argument for ${command}: ${message.match(/'([^']*)'/)?.[1]}; allowed flags: ${allowed}`);
    throw new UsageError(message.split('\n')[0]);
  }
  // A flag given twice would silently lose one of its values: refuse it.
  const seen = new Map<string, string[]>();
  for (const t of parsed.tokens ?? []) if (t.kind === 'option' && !options[t.name]?.multiple) seen.set(t.name, [...(seen.get(t.name) ?? []), t.value === undefined ? '(no value)' : JSON.stringify(t.value)]);
  const twice = [...seen].filter(([, v]) => v.length > 1);
  if (twice.length) throw new UsageError(twice.map(([name, v]) => `flag --${name} is given ${v.length} times (${v.join(', ')}); give it once`).join('; '));
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new UsageError(`${flag} ${JSON.stringify(value)} is not allowed; allowed: ${allowed.join(', ')}`);
  return value as T;
}

function resolveScenario(ref: string | undefined): Scenario {
  if (ref === undefined) throw new UsageError(`run needs --scenario <id|file.json>; ids: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  if (ref.endsWith('.json')) return loadScenarioFile(ref);
  const found = findScenario(ref);
  if (!found) throw new UsageError(`unknown scenario ${echo(ref)}; allowed: ${SCENARIOS.map((s) => s.id).join(', ')}, or a path to a .json file`);
  return found;
}

function run(values: Values, io: Io): number {
  const scenario = resolveScenario(values.scenario);
  // A scenario played with a seed (a classroom game's session file) runs with it unless --seed says otherwise.
  const seed = values.seed === undefined ? (scenario.seed ?? SEED.default) : integerFlag('--seed', values.seed, SEED.min, SEED.max);
  const format = oneOf('--format', values.format ?? 'json', ['json', 'csv', 'summary']);
  const out = requirePath('--out', values.out);
  const set: Record<string, number> = {};
  for (const item of values.set ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set ${echo(item)} is not name=value (for example --set pathDependence=0.5)`);
    const name = item.slice(0, eq).trim();
    if (PARAM_BY_NAME.has(name) && !isModelParam(name)) throw new UsageError(`use --${name}, not --set ${name}=…`);
    if (!FORBIDDEN_KEYS.has(name) && !PARAM_BY_NAME.has(name)) throw new UsageError(`--set: unknown parameter ${echo(name)}; ${knownParams(name)}`);
    if (FORBIDDEN_KEYS.has(name) || Object.hasOwn(set, name)) throw new UsageError(FORBIDDEN_KEYS.has(name) ? `--set ${name}=… is not allowed: ${name} is not a parameter (see involution-lab params)` : `--set ${name} is given twice; give each parameter once`);
    set[name] = parseParamValue(name, String(paramNumber(name, item.slice(eq + 1), '--set')));
  }
  if (values.ticks !== undefined && set.ticks !== undefined) throw new UsageError(`--ticks ${echo(values.ticks)} and --set ticks=${set.ticks} both give the run's length; give one`);
  if (values.ticks !== undefined) set.ticks = integerFlag('--ticks', values.ticks, TICKS.min, TICKS.max);
  const ticks = set.ticks ?? scenario.params.ticks ?? TICKS.default;
    for (const warning of lateWarnings(scenario, ticks)) io.stderr(`${warning}\n`);
  const result = runScenario(scenario, seed, { set });
  const text = format === 'json' ? JSON.stringify(result) + '\n' : format === 'csv' ? toCsv(result.series) : toSummary(result);
  writeOut(out ?? '-', text, io);
  return 0;
}

function listScenarios(format: 'text' | 'json'): string {
  if (format === 'json') return JSON.stringify(SCENARIOS, null, 2) + '\n';
  const width = Math.max(...SCENARIOS.map((s) => s.id.length));
  return SCENARIOS.map((s) => `${s.id.padEnd(width)}  ${s.title.en}${s.schedule.length ? ' (scheduled)' : ''}`).join('\n') + '\n';
}

const NAME_WIDTH = Math.max(...PARAMS.map((p) => p.name.length));
const UNIT_WIDTH = Math.max(...PARAMS.map((p) => p.unit.length));

function listParams(format: 'text' | 'json'): string {
  if (format === 'json') return JSON.stringify(PARAMS, null, 2) + '\n';
  const lines = PARAMS.map((p) => {
    const range = `[${p.min}, ${p.max}]${'integer' in p && p.integer ? ' int' : ''}`;
    // A model constant says where its value comes from (and its range is its prior range).
    const basis = 'basis' in p && p.basis ? ` [${p.basis}]` : '';
    return `${p.group.padEnd(13)} ${p.name.padEnd(NAME_WIDTH)} ${String(p.default).padStart(8)}  ${range.padEnd(20)} ${(p.unit || '-').padEnd(UNIT_WIDTH)} ${p.en}${basis}`;
  });
  return `${'group'.padEnd(13)} ${'name'.padEnd(NAME_WIDTH)} ${'default'.padStart(8)}  ${'range'.padEnd(20)} ${'unit'.padEnd(UNIT_WIDTH)} meaning\n${lines.join('\n')}\n`;
}
