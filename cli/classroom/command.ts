// `involution-lab classroom`: a class plays the model. Starts the server (server.ts) on the local
// network, prints the address students open, a QR code of it and the room code, and opens the
// teacher's page. The same command again resumes the game left unfinished (the database file keeps
// it); `--new` starts another.
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { findScenario, SCENARIOS } from '../../scenarios/index.ts';
import { SEED } from '../../sim/index.ts';
import { integerFlag } from '../common/flags.ts';
import { UsageError } from '../common/errors.ts';
import { echo } from '../../lab/numbers.ts';
import { startClassroom, type Classroom } from './server.ts';

export interface ClassroomFlags {
  port?: string;
  host?: string;
  lang?: string;
  scenario?: string;
  seats?: string;
  years?: string;
  seed?: string;
  db?: string;
  new?: boolean;
  'no-open'?: boolean;
}

export const CLASSROOM_LIMITS = {
  seats: { min: 2, max: 12, default: 6 },
  years: { min: 1, max: 30, default: 10 },
  port: { min: 0, max: 65_535, default: 8080 },
};
const LANGS = ['en', 'zh'];

/** The root of the installed package (the folder with package.json), from this module's place in dist/ or cli/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** An address of this computer on the local network (a private IPv4 address), if it has one. */
export function lanAddress(): string | undefined {
  const privateV4 = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal && privateV4.test(a.address)) return a.address;
  return undefined;
}

/** Every problem of the flags at once, each naming the flag, the value and what is allowed. */
function parse(flags: ClassroomFlags) {
  const problems: string[] = [];
  const int = (flag: string, text: string | undefined, r: { min: number; max: number; default: number }) => {
    if (text === undefined) return r.default;
    try {
      return integerFlag(flag, text, r.min, r.max);
    } catch (err) {
      problems.push((err as Error).message);
      return r.default;
    }
  };
  const port = int('--port', flags.port, CLASSROOM_LIMITS.port);
  const seats = int('--seats', flags.seats, CLASSROOM_LIMITS.seats);
  const years = int('--years', flags.years, CLASSROOM_LIMITS.years);
  const seed = flags.seed === undefined ? undefined : int('--seed', flags.seed, { ...SEED, default: 1 });
  const lang = flags.lang ?? 'en';
  if (!LANGS.includes(lang)) problems.push(`--lang ${echo(lang)} is not allowed; allowed: ${LANGS.join(', ')}`);
  const id = flags.scenario ?? 'baseline-involution';
  const scenario = findScenario(id);
  if (!scenario) problems.push(`--scenario ${echo(id)} is not allowed; allowed: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  if (flags.host !== undefined && !/^[0-9A-Za-z.:-]{1,253}$/.test(flags.host))
    problems.push(`--host ${echo(flags.host)} is not allowed: an IP address or a host name`);
  if (flags.db !== undefined && flags.db.trim() === '') problems.push('--db "" is not allowed: a file name for the game database');
  if (problems.length > 0) throw new UsageError(problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`);
  return { port, seats, years, seed, lang, scenario: scenario!, host: flags.host, db: resolve(flags.db ?? 'involution-classroom.sqlite') };
}

/** Open a page in the default browser, if there is one; nothing happens where none is. */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser to open: the address is printed.
  }
}

export async function classroomCommand(flags: ClassroomFlags, io: { stdout: (t: string) => void; stderr: (t: string) => void }): Promise<Classroom> {
  const o = parse(flags);
  const appDir = join(packageRoot(), 'dist', 'app');
  if (!existsSync(join(appDir, 'classroom.html')))
    throw new UsageError(`the classroom's pages are not built (no ${join(appDir, 'classroom.html')}): run npm run build first`);
  const lan = lanAddress();
  const host = o.host ?? lan ?? '127.0.0.1';
  if (o.host === undefined && lan === undefined)
    io.stderr('warning: this computer has no address on a local network; only this computer can join (give --host to choose)\n');
  // A seed of the clock's when none is given: every class plays its own city, and the seed is kept in the game.
  const seed = o.seed ?? 1 + (Date.now() % 1_000_000);
  const room = await startClassroom({
    host,
    port: o.port,
    publicHost: host === '0.0.0.0' ? (lan ?? '127.0.0.1') : host,
    appDir,
    db: o.db,
    fresh: flags.new === true,
    game: { scenario: o.scenario, seed, years: o.years, seats: o.seats, lang: o.lang },
    qr: (url) => QRCode.toString(url, { type: 'svg', margin: 1 }),
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new UsageError(`--port ${o.port}: the port is in use (another classroom?); give another with --port`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') throw new UsageError(`--host ${host}: not an address of this computer`);
    if (err.code === 'EACCES') throw new UsageError(`--port ${o.port}: not allowed to listen there; give a port above 1023`);
    throw err;
  });
  const qr = await QRCode.toString(room.joinUrl, { type: 'terminal', small: true });
  const row = room.row;
  const scenario = JSON.parse(row.scenario) as { title: { en: string } };
  const given = [flags.scenario, flags.seats, flags.years, flags.seed].some((f) => f !== undefined);
  io.stdout(
    [
      room.resumed
        ? `Involution Lab classroom: resuming room ${row.room} (${scenario.title.en}; year ${Math.max(1, row.played)} of ${row.years}, ${row.seats} seats, seed ${row.seed}).`
        : `Involution Lab classroom: room ${row.room} (${scenario.title.en}; ${row.years} years, ${row.seats} seats, seed ${row.seed}).`,
      ...(room.resumed && given ? ['  (the unfinished game keeps its own settings; --new starts another game with yours)'] : []),
      '',
      `Students open:  ${room.joinUrl}`,
      `  room code ${row.room}, or scan:`,
      qr,
      `Teacher's page (keep this address to yourself): ${room.teacherUrl}`,
      `Game kept in ${o.db}: stop with Ctrl+C, run the same command to go on.`,
      '',
    ].join('\n'),
  );
  if (flags['no-open'] !== true) openBrowser(room.teacherUrl);
  const stop = () => {
    void room.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return room;
}
