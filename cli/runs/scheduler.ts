// Batch schedulers as they are used: `--shard i/n` or `--shard auto`, the shard from a job array's
// environment (SLURM, PBS/Torque, Kubernetes Indexed Jobs), and every session records where it ran
// (host, job ids). Which runs a shard does is lab/plan.ts's rule.
import os from 'node:os';
import type { Shard } from '../../lab/plan.ts';
import { UsageError } from '../common/errors.ts';

type Env = Record<string, string | undefined>;

export interface SchedulerInfo {
  kind: 'slurm' | 'pbs' | 'kubernetes' | 'none';
  /** The job id and the array task it ran as, as the scheduler names them ("1234_7", "88[3].server"). */
  job: string | null;
  /** The whole array's range as first-last, when the scheduler tells (SLURM). */
  array: string | null;
}

/** Which scheduler this process runs under, and its job and array ids. */
export function schedulerOf(env: Env = process.env): SchedulerInfo {
  if (env.SLURM_JOB_ID) {
    const task = env.SLURM_ARRAY_TASK_ID;
    const job = task !== undefined ? `${env.SLURM_ARRAY_JOB_ID ?? env.SLURM_JOB_ID}_${task}` : env.SLURM_JOB_ID;
    const array = env.SLURM_ARRAY_TASK_MIN !== undefined ? `${env.SLURM_ARRAY_TASK_MIN}-${env.SLURM_ARRAY_TASK_MAX}` : null;
    return { kind: 'slurm', job, array };
  }
  if (env.PBS_JOBID) return { kind: 'pbs', job: env.PBS_JOBID, array: null };
  if (env.JOB_COMPLETION_INDEX !== undefined)
    return { kind: 'kubernetes', job: `${env.HOSTNAME ?? os.hostname()} (index ${env.JOB_COMPLETION_INDEX})`, array: null };
  return { kind: 'none', job: null, array: null };
}

const integer = (name: string, text: string | undefined): number => {
  if (text === undefined || !/^\d{1,9}$/.test(text.trim()))
    throw new UsageError(`--shard auto: ${name} is ${text === undefined ? 'not set' : JSON.stringify(text)}; it must be a whole number`);
  return Number(text);
};

/** "a-b" of INVOLUTION_LAB_ARRAY: the whole array a resubmission belongs to. */
function arrayRange(text: string): [number, number] {
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(text.trim());
  if (!m || Number(m[2]) < Number(m[1]))
    throw new UsageError(`INVOLUTION_LAB_ARRAY ${JSON.stringify(text)} is not allowed: must be first-last, the whole array's task ids, e.g. 1-16`);
  return [Number(m[1]), Number(m[2])];
}

const AUTO_HELP =
  '--shard auto reads SLURM_ARRAY_TASK_ID (with SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT), PBS_ARRAY_INDEX or PBS_ARRAYID (with the count given: --shard auto/N), or JOB_COMPLETION_INDEX (with the count given)';

/**
 * The shard of `--shard auto` or `--shard auto/N` (the count given). Array task ids map to shards in
 * order: the array's first task is shard 1. INVOLUTION_LAB_ARRAY=first-last names the whole array
 * when a resubmission runs only some of its tasks (`involution-lab status` prints it so).
 */
export function autoShard(text: string, env: Env = process.env): Shard {
  const m = /^auto(?:\/(\d{1,9}))?$/.exec(text.trim());
  if (!m) throw new UsageError(`--shard ${JSON.stringify(text)} is not allowed: must be i/n (1 ≤ i ≤ n), auto or auto/N`);
  const given = m[1] === undefined ? undefined : Number(m[1]);
  if (given !== undefined && given < 1) throw new UsageError(`--shard ${text}: the count must be at least 1`);
  const whole = env.INVOLUTION_LAB_ARRAY === undefined ? undefined : arrayRange(env.INVOLUTION_LAB_ARRAY);
  let id: number, first: number, count: number, where: string;
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    id = integer('SLURM_ARRAY_TASK_ID', env.SLURM_ARRAY_TASK_ID);
    where = `SLURM array task ${id}`;
    if (whole) [first, count] = [whole[0], whole[1] - whole[0] + 1];
    else if (given !== undefined) [first, count] = [1, given];
    else {
      first = integer('SLURM_ARRAY_TASK_MIN', env.SLURM_ARRAY_TASK_MIN);
      count = integer('SLURM_ARRAY_TASK_COUNT', env.SLURM_ARRAY_TASK_COUNT);
      const max = env.SLURM_ARRAY_TASK_MAX === undefined ? first + count - 1 : integer('SLURM_ARRAY_TASK_MAX', env.SLURM_ARRAY_TASK_MAX);
      const step = env.SLURM_ARRAY_TASK_STEP === undefined ? 1 : integer('SLURM_ARRAY_TASK_STEP', env.SLURM_ARRAY_TASK_STEP);
      // A partial array (a resubmission of some tasks, --array=3,7) cannot tell which shards it holds.
      if (max - first + 1 !== count || step !== 1 || count < 2) {
        throw new UsageError(
          `--shard auto: this SLURM array (tasks ${first}-${max}, ${count} of them) is not a whole array of shards; give the whole array as INVOLUTION_LAB_ARRAY=first-last (involution-lab status prints the command), or the count: --shard auto/N`,
        );
      }
    }
  } else if (env.PBS_ARRAY_INDEX !== undefined || env.PBS_ARRAYID !== undefined) {
    const name = env.PBS_ARRAY_INDEX !== undefined ? 'PBS_ARRAY_INDEX' : 'PBS_ARRAYID';
    id = integer(name, env[name]);
    where = `PBS array index ${id}`;
    if (whole) [first, count] = [whole[0], whole[1] - whole[0] + 1];
    else if (given !== undefined) [first, count] = [1, given];
    else throw new UsageError(`--shard auto under PBS needs the count: --shard auto/N (PBS does not say how large the array is)`);
  } else if (env.JOB_COMPLETION_INDEX !== undefined) {
    id = integer('JOB_COMPLETION_INDEX', env.JOB_COMPLETION_INDEX);
    where = `Kubernetes completion index ${id}`;
    if (whole) [first, count] = [whole[0], whole[1] - whole[0] + 1];
    else if (given !== undefined) [first, count] = [0, given];
    else throw new UsageError(`--shard auto in a Kubernetes Indexed Job needs the count: --shard auto/N, N = the Job's completions`);
  } else {
    throw new UsageError(`--shard auto found no job array here: ${AUTO_HELP}`);
  }
  const index = id - first + 1;
  if (index < 1 || index > count) throw new UsageError(`--shard auto: ${where} is outside the array's ${count} tasks (${first}-${first + count - 1})`);
  return { index, count };
}

/** The shard of `--shard i/n`, `auto` or `auto/N`. */
export function parseShard(text: string, env: Env = process.env): Shard {
  if (text.trim().startsWith('auto')) return autoShard(text, env);
  // At most 9 digits each: 400 digits would read as Infinity.
  const m = /^(\d{1,9})\/(\d{1,9})$/.exec(text.trim());
  const index = Number(m?.[1]),
    count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard ${JSON.stringify(text)} is not allowed: must be i/n with 1 ≤ i ≤ n, e.g. 3/8, or auto (from the job array)`);
  return { index, count };
}
