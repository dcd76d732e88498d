// `npm run bench:classroom [-- STUDENTS YEARS]`: a class on one laptop. Starts `involution-lab
// classroom` as its own process (as a teacher would), connects STUDENTS simulated students on
// loopback (default 60, ten to a seat of six) and a teacher, and plays YEARS years (default 10):
// each year every student saves a decision at once, then the teacher runs the year. Prints the time
// from a decision sent to its acknowledgement (written to SQLite first) over all decisions — median,
// 95th percentile, maximum — and the time from the teacher's "run" to every page holding the new
// year. It reports; it does not fail on slowness.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ClassClient, classroomProcess } from '../test/class-client.ts';

const STUDENTS = Number(process.argv[2] ?? 60);
const YEARS = Number(process.argv[3] ?? 10);
const SEATS = 6;
const BIN = join(import.meta.dirname, '..', 'bin', 'involution-lab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'involution-bench-classroom-'));

const server = await classroomProcess(BIN, join(dir, 'class.sqlite'), ['--port', '0', '--years', String(YEARS), '--seats', String(SEATS), '--seed', '1']);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
try {
  const teacher = await ClassClient.open(server.base);
  await teacher.ask({ type: 'teacher', secret: server.secret }, 'state');
  const t0 = performance.now();
  const students: ClassClient[] = [];
  for (let i = 0; i < STUDENTS; i++) {
    const c = await ClassClient.open(server.base);
    await c.ask({ type: 'join', room: server.room, name: `student ${i + 1}`, seat: i % SEATS }, 'welcome');
    students.push(c);
  }
  const joined = performance.now() - t0;
  const acks: number[] = [];
  const runs: number[] = [];
  for (let year = 1; year <= YEARS; year++) {
    // Every student saves a decision at the same moment: the worst burst a class makes.
    await Promise.all(
      students.map(async (c, i) => {
        const start = performance.now();
        await c.ask({ type: 'decide', year, purchaseShare: 0.1 + (i % 9) / 10, grain: (i % 5) / 4, demand: (i % 7) / 10 }, 'ack');
        acks.push(performance.now() - start);
      }),
    );
    const start = performance.now();
    const all = [teacher, ...students].map((c) => c.next('state', (m) => m.year === year + 1 || m.over));
    teacher.send({ type: 'run' });
    await Promise.all(all);
    runs.push(performance.now() - start);
  }
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`classroom: ${STUDENTS} students in ${SEATS} seats and a teacher on loopback, ${YEARS} years (${acks.length} decisions)`);
  console.log(`  ${STUDENTS} joins: ${ms(joined)}`);
  console.log(
    `  decision → acknowledgement (on disk first), all students at once: median ${ms(quantile(acks, 0.5))}, 95th percentile ${ms(quantile(acks, 0.95))}, max ${ms(Math.max(...acks))}`,
  );
  console.log(`  teacher's run → every page holds the new year: median ${ms(quantile(runs, 0.5))}, max ${ms(Math.max(...runs))}`);
  for (const c of [teacher, ...students]) c.close();
} finally {
  server.child.kill('SIGTERM');
}
