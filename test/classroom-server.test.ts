// The classroom server against its clients: who may act where, what is refused and that a refusal
// changes nothing, that a decision is on disk before it is acknowledged, and that a server killed
// mid-year starts again where it was.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClassroom, type Classroom } from '../cli/classroom/server.ts';
import { findScenario } from '../scenarios/index.ts';
import { ClassClient, classroomProcess } from './class-client.ts';
import { BIN } from './portable-cli.ts';
import { ROOT } from './browser-setup.ts';

const dir = mkdtempSync(join(tmpdir(), 'involution-classroom-'));
const scenario = findScenario('baseline-involution')!;

async function start(db: string, fresh = true): Promise<Classroom> {
  return startClassroom({
    host: '127.0.0.1',
    port: 0,
    publicHost: '127.0.0.1',
    appDir: join(ROOT, 'dist', 'app'),
    db,
    fresh,
    game: { scenario, seed: 77, years: 3, seats: 4, lang: 'en' },
    qr: async (url) => `<svg data-url="${url}"></svg>`,
  });
}

const baseOf = (c: Classroom) => c.joinUrl.replace(/\/\?room=.*$/, '');
const secretOf = (c: Classroom) => c.teacherUrl.split('#teacher=')[1];

let room: Classroom;
let base: string;
const db = join(dir, 'game.sqlite');

beforeAll(async () => {
  room = await start(db);
  base = baseOf(room);
});
afterAll(async () => {
  await room?.close();
});

async function student(name: string, seat: number | 'observer'): Promise<{ c: ClassClient; token: string }> {
  const c = await ClassClient.open(base);
  const welcome = c.next('welcome');
  const seated = c.next('seat');
  c.send({ type: 'join', room: room.room, name, seat });
  const w = await welcome;
  await seated;
  return { c, token: w.token! };
}

async function teacher(): Promise<ClassClient> {
  const c = await ClassClient.open(base);
  await c.ask({ type: 'teacher', secret: secretOf(room) }, 'state');
  return c;
}

describe('a class plays', () => {
  it('students join seats, decide for their own, the teacher runs the year; a decision is on disk before it is acknowledged', async () => {
    const t = await teacher();
    const a = await student('Ana', 0);
    const b = await student('<img src=x onerror=alert(1)>', 1);
    const ack = await a.c.ask({ type: 'decide', year: 1, purchaseShare: 0.5, grain: 1, demand: 0.6 }, 'ack');
    expect(ack.decision).toEqual({ purchaseShare: 0.5, grain: 1, demand: 0.6 });
    // Another connection to the database, as a crash right after the acknowledgement would find it.
    const other = new Database(db, { readonly: true });
    expect(other.prepare('SELECT district, purchase_share, student FROM decisions WHERE year = 1').all()).toEqual([
      { district: 0, purchase_share: 0.5, student: 'Ana' },
    ]);
    other.close();
    const state = t.next('state', (m) => m.year === 2);
    t.send({ type: 'run' });
    const s = await state;
    expect(s.year).toBe(2);
    expect(s.seats[1].names).toEqual(['<img src=x onerror=alert(1)>']);
    const seat = await a.c.next('seat');
    expect(seat.history[0]).toMatchObject({ year: 0, decidedBy: 'model' });
    expect(seat.history[1]).toMatchObject({ year: 1, decidedBy: 'seat', purchaseShare: 0.5, grain: 1, demand: 0.6 });
    // What the official does not see during the game.
    expect(seat.history[1]).not.toHaveProperty('needsMet');
    for (const c of [t, a.c, b.c]) c.close();
  });

  it('a page that comes back with its token gets its seat back; a token of nobody is refused', async () => {
    const a = await student('Bo', 2);
    a.c.close();
    const again = await ClassClient.open(base);
    again.send({ type: 'resume', token: a.token });
    const seat = await again.next('seat');
    expect(seat).toMatchObject({ seat: 2, name: 'Bo' });
    const stranger = await ClassClient.open(base);
    const e = await stranger.ask({ type: 'resume', token: 'A'.repeat(43) }, 'error');
    expect(e.code).toBe('token');
    again.close();
    stranger.close();
  });
});

describe('no one acts where they do not belong, and a refusal changes nothing', () => {
  it('a student cannot run the clock, end the game or set the timer; an observer or a stranger cannot decide; a wrong secret is not the teacher', async () => {
    const a = await student('Cy', 3);
    const o = await student('Obs', 'observer');
    const stranger = await ClassClient.open(base);
    const t = await teacher();
    const before = (await t.ask({ type: 'teacher', secret: secretOf(room) }, 'state')) as unknown;
    for (const m of [{ type: 'run' }, { type: 'end' }, { type: 'timer', seconds: 30 }]) expect((await a.c.ask(m, 'error')).code).toBe('notYours');
    expect((await o.c.ask({ type: 'decide', year: 2, purchaseShare: 0.2, grain: 0, demand: 0 }, 'error')).code).toBe('notYours');
    expect((await stranger.ask({ type: 'decide', year: 2, purchaseShare: 0.2, grain: 0, demand: 0 }, 'error')).code).toBe('notJoined');
    expect((await stranger.ask({ type: 'run' }, 'error')).code).toBe('notYours');
    expect((await stranger.ask({ type: 'teacher', secret: 'B'.repeat(43) }, 'error')).code).toBe('token');
    // A decision carries no seat: a student decides only for the seat their token holds.
    expect(await a.c.ask({ type: 'decide', year: 2, district: 0, purchaseShare: 0.2, grain: 0, demand: 0 }, 'error')).toMatchObject({
      code: 'invalid',
      field: 'district',
    });
    const after = await t.ask({ type: 'teacher', secret: secretOf(room) }, 'state');
    expect(after).toEqual(before);
    for (const c of [a.c, o.c, stranger, t]) c.close();
  });

  it('malformed, hostile and out-of-range messages are refused with the field, the value and what is allowed', async () => {
    const a = await student('Di', 3);
    const t = await teacher();
    const before = await t.ask({ type: 'teacher', secret: secretOf(room) }, 'state');
    expect((await a.c.ask('not json', 'error')).code).toBe('json');
    expect(await a.c.ask({ type: 'fly' }, 'error')).toMatchObject({ code: 'invalid', field: 'type' });
    expect(await a.c.ask({ type: 'decide', year: 2, purchaseShare: '0.5', grain: 0, demand: 0 }, 'error')).toMatchObject({
      code: 'invalid',
      field: 'purchaseShare',
      value: '"0.5"',
    });
    expect(await a.c.ask(JSON.parse('{"type":"decide","year":2,"purchaseShare":0.5,"grain":0,"demand":0,"__proto__":{"admin":true}}'), 'error')).toMatchObject({
      code: 'invalid',
    });
    expect(await a.c.ask({ type: 'decide', year: 2, purchaseShare: 5, grain: -1, demand: 0.99 }, 'error')).toMatchObject({ code: 'decision' });
    const refused = await a.c.ask({ type: 'decide', year: 2, purchaseShare: 5, grain: -1, demand: 0.99 }, 'error');
    expect(refused.detail).toMatch(
      /purchaseShare = 5: must be from 0.01 to 1; .*grain = -1: must be from 0 to 1; .*demand = 0.99: must be from 0 to maxDemand/,
    );
    expect(await a.c.ask({ type: 'decide', year: 1, purchaseShare: 0.5, grain: 0, demand: 0 }, 'error')).toMatchObject({
      code: 'year',
      value: '1',
      allowed: '2',
    });
    expect(await a.c.ask({ type: 'join', room: room.room, name: 'x'.repeat(41), seat: 0 }, 'error')).toMatchObject({ code: 'invalid', field: 'name' });
    expect(await a.c.ask({ type: 'join', room: room.room, name: 'bell\u0007', seat: 0 }, 'error')).toMatchObject({ code: 'invalid', field: 'name' });
    expect(await a.c.ask({ type: 'join', room: room.room, name: 'right\u202eleft', seat: 0 }, 'error')).toMatchObject({ code: 'invalid', field: 'name' });
    expect(await a.c.ask({ type: 'join', room: room.room, name: 'Ed', seat: 9 }, 'error')).toMatchObject({ code: 'seat', value: '9' });
    const after = await t.ask({ type: 'teacher', secret: secretOf(room) }, 'state');
    expect(after).toEqual(before);
    // Oversized: the socket is closed (1009), the server goes on.
    const big = await ClassClient.open(base);
    big.send({ type: 'join', room: room.room, name: 'y'.repeat(5000), seat: 0 });
    await new Promise((r) => big.ws.once('close', r));
    expect(big.closed?.code).toBe(1009);
    expect((await t.ask({ type: 'teacher', secret: secretOf(room) }, 'state')).seats).toEqual(before.seats);
    a.c.close();
    t.close();
  });

  it('a page of another site cannot open the socket', async () => {
    await expect(ClassClient.open(base, 'http://evil.example')).rejects.toThrow(/refused: 401/);
  });

  it('room codes cannot be guessed by trying: after 8 wrong codes an address waits, even with the right one', async () => {
    const c = await ClassClient.open(base);
    // The earlier tests' wrong tokens and secrets from this address count too: at most 8 tries in all.
    const codes: string[] = [];
    for (let i = 0; i < 8 && codes.at(-1) !== 'rate'; i++) codes.push((await c.ask({ type: 'look', room: 'ZZZZZ' + i }, 'error')).code);
    expect(codes.filter((x) => x === 'room').length).toBeGreaterThan(0);
    expect(codes.filter((x) => x === 'room').length).toBeLessThanOrEqual(8);
    const e = await c.ask({ type: 'look', room: room.room }, 'error');
    expect(e.code).toBe('rate');
    expect(e.seconds).toBeGreaterThan(0);
    c.close();
  });
});

describe('a server killed mid-year', () => {
  let child: ChildProcess | undefined;
  afterAll(() => child?.kill('SIGKILL'));

  const cli = async (dbFile: string, extra: string[]) => {
    const p = await classroomProcess(BIN, dbFile, ['--port', '0', ...extra]);
    child = p.child;
    return p;
  };

  it('starts again where it was: the year, every acknowledged decision, the seats and their tokens', async () => {
    const dbFile = join(dir, 'killed.sqlite');
    const first = await cli(dbFile, ['--years', '3', '--seats', '3', '--seed', '5']);
    const t = await ClassClient.open(first.base);
    await t.ask({ type: 'teacher', secret: first.secret }, 'state');
    const s = await ClassClient.open(first.base);
    const w = await s.ask({ type: 'join', room: first.room, name: 'Fay', seat: 1 }, 'welcome');
    await s.ask({ type: 'decide', year: 1, purchaseShare: 0.3, grain: 0.6, demand: 0.4 }, 'ack');
    const ran = t.next('state', (m) => m.year === 2);
    t.send({ type: 'run' });
    await ran;
    await s.ask({ type: 'decide', year: 2, purchaseShare: 0.35, grain: 0.7, demand: 0.45 }, 'ack');
    const before = await t.ask({ type: 'teacher', secret: first.secret }, 'state');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    // The same command again, with another length: the unfinished game keeps its own.
    const second = await cli(dbFile, ['--years', '9']);
    expect(second.out).toMatch(/resuming room [A-Z0-9]{6} .*year 2 of 3/);
    expect(second.out).toMatch(/keeps its own settings/);
    expect(second.secret).toBe(first.secret);
    const t2 = await ClassClient.open(second.base);
    const after = await t2.ask({ type: 'teacher', secret: second.secret }, 'state');
    expect(after).toEqual({ ...before, deadline: null });
    const s2 = await ClassClient.open(second.base);
    s2.send({ type: 'resume', token: w.token });
    const seat = await s2.next('seat');
    expect(seat.decision).toEqual({ purchaseShare: 0.35, grain: 0.7, demand: 0.45 });
    for (const c of [t, s, t2, s2]) c.close();
    second.child.kill('SIGTERM');
  });

  it("the teacher's timer runs the year by itself, and a restarted server keeps it", async () => {
    const dbFile = join(dir, 'timer.sqlite');
    const first = await cli(dbFile, ['--years', '2', '--seats', '2', '--seed', '8']);
    const t = await ClassClient.open(first.base);
    await t.ask({ type: 'teacher', secret: first.secret }, 'state');
    // The deadline is 15 s after the server set it, which is between sending and receiving: no bound on how long that takes.
    const asked = Date.now();
    const set = await t.ask({ type: 'timer', seconds: 15 }, 'state');
    expect(set.timerSeconds).toBe(15);
    expect(set.deadline!).toBeGreaterThanOrEqual(asked + 15_000);
    expect(set.deadline!).toBeLessThanOrEqual(Date.now() + 15_000);
    // Nobody presses anything: the year runs when the time is up.
    const ran = await t.next('state', (m) => m.year === 2, 25_000);
    // The next period starts when the year ran (at the first deadline or after it).
    expect(ran.deadline!).toBeGreaterThanOrEqual(set.deadline! + 15_000 - 50);
    expect(ran.deadline!).toBeLessThanOrEqual(Date.now() + 15_000);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const restarted = Date.now();
    const second = await cli(dbFile, []);
    const t2 = await ClassClient.open(second.base);
    const back = await t2.ask({ type: 'teacher', secret: second.secret }, 'state');
    // The year goes on with the timer; the students get a whole period again after the restart.
    expect(back).toMatchObject({ year: 2, timerSeconds: 15 });
    expect(back.deadline!).toBeGreaterThanOrEqual(restarted + 15_000);
    expect(back.deadline!).toBeLessThanOrEqual(Date.now() + 15_000);
    const stopped = await t2.ask({ type: 'timer', seconds: null }, 'state');
    expect(stopped).toMatchObject({ timerSeconds: null, deadline: null });
    for (const c of [t, t2]) c.close();
    second.child.kill('SIGTERM');
  });

  it('bad flags: every problem named, exit 2, nothing written', async () => {
    const dbFile = join(dir, 'never.sqlite');
    const p = spawn(
      process.execPath,
      [BIN, 'classroom', '--seats', '40', '--years', 'ten', '--lang', 'fr', '--scenario', 'nope', '--db', dbFile, '--no-open'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    p.stderr!.on('data', (d) => (err += d));
    const code = await new Promise((r) => p.once('exit', r));
    expect(code).toBe(2);
    expect(err).toMatch(/4 problems/);
    expect(err).toMatch(/--seats "40" is not allowed: must be an integer in \[2, 12\]/);
    expect(err).toMatch(/--years "ten" is not allowed/);
    expect(err).toMatch(/--lang "fr" is not allowed; allowed: en, zh/);
    expect(err).toMatch(/--scenario "nope" is not allowed; allowed: baseline-involution/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(dbFile)).toBe(false);
  });
});
