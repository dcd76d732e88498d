// Process 7 — compaction: rows of closed SOs are dropped once a year when they outnumber the living,
// so that every per-SO loop costs what the living population costs, however long the run. Living SOs
// keep their order, and every loop that draws random numbers skips the closed ones before drawing, so
// the run is the same to the bit with or without compaction; contracts are re-pointed at the new rows.
import { monthOfYear } from './clock.ts';
import type { State } from './state.ts';

export function compaction(s: State): void {
  const t = s.sos;
  if (monthOfYear(s.tick) !== 11) return;
  let alive = 0;
  for (let so = 0; so < t.n; so++) alive += t.alive[so];
  if (t.n - alive <= alive) return;
  const moved = new Int32Array(t.n).fill(-1);
  let next = 0;
  for (let so = 0; so < t.n; so++) if (t.alive[so]) moved[so] = next++;
  const columns = t as unknown as Record<string, unknown>;
  for (const col of Object.values(columns)) {
    if (!ArrayBuffer.isView(col)) continue;
    const a = col as Float64Array;
    const width = a.length / t.capacity;
    for (let so = 0; so < t.n; so++) {
      const to = moved[so];
      if (to >= 0 && to !== so) a.copyWithin(to * width, so * width, (so + 1) * width);
    }
    a.fill(0, next * width, t.n * width);
  }
  t.n = next;
  s.byField.n = -1;
  const c = s.contracts;
  for (let i = 0; i < c.n; i++) c.so[i] = c.active[i] ? moved[c.so[i]] : -1;
}
