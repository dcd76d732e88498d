// The Diagnose tab's calibrations kept in the browser (IndexedDB), so that closing or reloading the
// page loses no finished simulation: a simulation counts once it is stored, as a line of the CLI's
// journal counts once it is written. Database "involution-lab-diagnose", version 1 (apart from the
// Experiment tab's "involution-lab", so that neither waits on the other's upgrades):
//
//   calibrations  key "key" (the calibration's key, see key.ts)
//                 { key, spec, files, specFile, version, status, timings, created, updated }: the spec
//                 as given, the scenario files it names (by file name), the name its file had, the
//                 model version, how its last session ended, and its sessions' timings (manifest.json's)
//   sims          key ["key", "g", "k"]
//                 { key, g, k, theta, seeds, values }: a finished simulation of proposal k of
//                 generation g (−1: the predictive check), each replicate's target values
//
// On Resume every stored simulation is checked against the proposal the spec regenerates, and the
// generations are closed again from them: the result is the one an uninterrupted run gives.
import type { CalibrationManifest, CalibrationTimings } from '../../lab/abc/manifest.ts';
import type { Simulated } from '../../lab/abc/files.ts';
import { committed, database, done } from '../idb.ts';

export interface StoredCalibration {
  key: string;
  spec: unknown;
  files: Record<string, unknown>;
  specFile: string;
  version: string;
  status: CalibrationManifest['status'];
  timings: CalibrationTimings;
  created: number;
  updated: number;
}

type StoredSim = Simulated & { key: string };

const db = database('involution-lab-diagnose', (db) => {
  db.createObjectStore('calibrations', { keyPath: 'key' });
  db.createObjectStore('sims', { keyPath: ['key', 'g', 'k'] });
});

/** Every simulation of one calibration, by the key range [key, −∞, −∞] … [key, +∞, +∞]. */
const simsRange = (key: string) => IDBKeyRange.bound([key, -Infinity, -Infinity], [key, Infinity, Infinity]);

export async function putCalibration(x: StoredCalibration): Promise<void> {
  const tx = (await db()).transaction('calibrations', 'readwrite');
  tx.objectStore('calibrations').put(x);
  return committed(tx);
}

export async function getCalibration(key: string): Promise<StoredCalibration | undefined> {
  const tx = (await db()).transaction('calibrations', 'readonly');
  return done(tx.objectStore('calibrations').get(key) as IDBRequest<StoredCalibration | undefined>);
}

/** Store one finished simulation; resolves once it is written (then it survives a reload). */
export async function putSim(key: string, s: Simulated): Promise<void> {
  const tx = (await db()).transaction('sims', 'readwrite');
  tx.objectStore('sims').put({ key, g: s.g, k: s.k, theta: s.theta, seeds: s.seeds, values: s.values } satisfies StoredSim);
  return committed(tx);
}

/** The stored calibrations, the most recently run first, each with how many simulations are stored. */
export async function listCalibrations(): Promise<(StoredCalibration & { sims: number })[]> {
  const tx = (await db()).transaction(['calibrations', 'sims'], 'readonly');
  const all = await done(tx.objectStore('calibrations').getAll() as IDBRequest<StoredCalibration[]>);
  const counts = await Promise.all(all.map((x) => done(tx.objectStore('sims').count(simsRange(x.key)))));
  return all.map((x, i) => ({ ...x, sims: counts[i] })).sort((a, b) => b.updated - a.updated);
}

/** The stored simulations of a calibration: generation → proposal index → simulation. */
export async function storedSims(key: string): Promise<Map<number, Map<number, Simulated>>> {
  const tx = (await db()).transaction('sims', 'readonly');
  const all = await done(tx.objectStore('sims').getAll(simsRange(key)) as IDBRequest<StoredSim[]>);
  const out = new Map<number, Map<number, Simulated>>();
  for (const { g, k, theta, seeds, values } of all) {
    if (!out.has(g)) out.set(g, new Map());
    out.get(g)!.set(k, { g, k, theta, seeds, values });
  }
  return out;
}

export async function countSims(key: string): Promise<number> {
  const tx = (await db()).transaction('sims', 'readonly');
  return done(tx.objectStore('sims').count(simsRange(key)));
}

export async function deleteCalibration(key: string): Promise<void> {
  const tx = (await db()).transaction(['calibrations', 'sims'], 'readwrite');
  tx.objectStore('calibrations').delete(key);
  tx.objectStore('sims').delete(simsRange(key));
  return committed(tx);
}
