// A class plays the model in real browsers: the teacher's page and six students' pages (one on a
// phone, one in Chinese) play three years through `involution-lab classroom`; a student reloads and
// keeps the seat; the server is killed mid-year and started again and the game goes on; a student's
// page tries what is not theirs; the debrief equals the CLI's replay of the session file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, freePort, launchChromium, stepTo } from './browser-setup.ts';
import { classroomProcess, type ClassroomProcess } from './class-client.ts';
import { BIN } from './portable-cli.ts';
import { SHOTS } from './browser-suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'involution-class-game-'));
const db = join(dir, 'class.sqlite');
let browser: Browser;
let server: ClassroomProcess;
let port: number;
const errors: string[] = [];
const ARGS = ['--years', '3', '--seats', '6', '--seed', '31'];

beforeAll(async () => {
  port = await freePort();
  server = await classroomProcess(BIN, db, ['--port', String(port), ...ARGS]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.child.kill('SIGKILL');
});

async function page(width: number, height: number, url: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => {
    // A server killed on purpose shows as failed socket connections until it is back.
    if (m.type() === 'error' && !/WebSocket|ERR_CONNECTION_REFUSED/.test(m.text())) errors.push(m.text());
  });
  await p.goto(url);
  return p;
}

const decidedCount = (teacher: Page) => teacher.locator('#seats .seat.decided').count();
const until = (p: Page, fn: () => boolean) => p.waitForFunction(fn, null, { timeout: 30_000 });

async function decide(p: Page, share: number, grain: number, demand: number): Promise<void> {
  await p.fill('#purchaseShare', String(share));
  await p.fill('#grain', String(grain));
  await p.fill('#demand', String(demand));
  await p.click('#save');
  await p.waitForSelector('#decision-status.ok');
}

describe('a class plays three years', () => {
  const students: Page[] = [];
  let teacher: Page;

  it('six students join from the room code, each takes a seat; names are text, never markup', async () => {
    teacher = await page(1280, 720, `${server.base}/classroom.html#teacher=${server.secret}`);
    await teacher.waitForSelector('#room-code');
    expect(await teacher.textContent('#room-code')).toBe(server.room);
    expect(await teacher.locator('.qr svg').count()).toBe(1);
    const names = ['Ana', 'Bo', '<b>Cy</b>', 'Di', '李雷', 'Fay'];
    for (let i = 0; i < 6; i++) {
      // Student 0 on a phone, student 4 in Chinese; the others on laptops. The address is the one printed (it redirects to the page).
      const p = await page(i === 0 ? 390 : 1024, i === 0 ? 844 : 768, `${server.base}/?room=${server.room}${i === 4 ? '&lang=zh' : ''}`);
      await p.waitForSelector('#seat');
      await p.fill('#name', names[i]);
      await p.selectOption('#seat', String(i));
      await p.click('#join button[type=submit]');
      await p.waitForSelector('#decide');
      students.push(p);
    }
    expect(await students[4].textContent('#save')).toBe('保存我的决策');
    await until(
      teacher,
      () => document.querySelectorAll('#seats .seat .names').length === 6 && !document.querySelector('#seats')!.textContent!.includes("model's official"),
    );
    expect(await teacher.textContent('#seats')).toContain('<b>Cy</b>');
    expect(await teacher.locator('#seats b').count()).toBe(0);
  });

  it('year 1: every seat decides, the teacher sees it and runs the year', async () => {
    for (const [i, p] of students.entries()) await decide(p, 0.1 + 0.1 * (i % 3), i % 2 ? 1 : 0, i % 2 ? 0.5 : 0.1);
    await until(teacher, () => document.querySelectorAll('#seats .seat.decided').length === 6);
    await teacher.click('#run');
    for (const p of students) await p.waitForSelector('#last-year[data-year="1"]');
    expect(await students[1].textContent('#last-year')).toContain('Your district in year 1');
    expect(await teacher.textContent('#clock h2')).toContain('Year 2 of 3');
  });

  it('a student whose page reloads keeps the seat', async () => {
    const p = students[2];
    await p.reload();
    await p.waitForSelector('#seat-card');
    expect(await p.textContent('#seat-card h2')).toContain('<b>Cy</b>, you are the official of District 3');
  });

  it("a student's page cannot act for another seat or for the teacher, and the teacher's page sees no change", async () => {
    const p = students[1];
    const before = await teacher.textContent('#clock');
    const replies = await p.evaluate(async () => {
      const ws = new WebSocket(`ws://${location.host}/ws`);
      const got: string[] = [];
      await new Promise((r) => ws.addEventListener('open', r));
      const token = localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('involution-classroom-token:'))!)!;
      ws.addEventListener('message', (e) => got.push(String(e.data)));
      ws.send(JSON.stringify({ type: 'resume', token }));
      ws.send(JSON.stringify({ type: 'decide', year: 1, district: 0, purchaseShare: 1, grain: 1, demand: 0.6 }));
      ws.send(JSON.stringify({ type: 'run' }));
      ws.send(JSON.stringify({ type: 'end' }));
      await new Promise((r) => setTimeout(r, 500));
      ws.close();
      return got.map((g) => JSON.parse(g) as { type: string; code?: string; field?: string }).filter((m) => m.type === 'error');
    });
    expect(replies).toEqual([
      expect.objectContaining({ code: 'invalid', field: 'district' }),
      expect.objectContaining({ code: 'notYours' }),
      expect.objectContaining({ code: 'notYours' }),
    ]);
    expect(await teacher.textContent('#clock')).toBe(before);
    expect(await decidedCount(teacher)).toBe(0);
  });

  it('the server is killed mid-year and started again: every page comes back to the same game', async () => {
    await decide(students[0], 0.5, 1, 0.6);
    await decide(students[3], 0.2, 0, 0.1);
    await until(teacher, () => document.querySelectorAll('#seats .seat.decided').length === 2);
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    await teacher.waitForSelector('#connection.lost');
    server = await classroomProcess(BIN, db, ['--port', String(port)]);
    expect(server.out).toContain('resuming room');
    await teacher.waitForSelector('#connection:not(.lost)', { timeout: 30_000 });
    await until(teacher, () => document.querySelectorAll('#seats .seat.decided').length === 2);
    expect(await teacher.textContent('#clock h2')).toContain('Year 2 of 3');
    // The decision a student saved before the crash is still theirs.
    await students[0].waitForSelector('#connection:not(.lost)', { timeout: 30_000 });
    await students[0].waitForSelector('#decision-status.ok');
    expect(await students[0].textContent('#decision-status')).toContain('purchase 50 %');
    // The others decide; the year runs; the third too.
    for (const i of [1, 2, 4, 5]) {
      await students[i].waitForSelector('#connection:not(.lost)', { timeout: 30_000 });
      await decide(students[i], 0.3, 0.5, 0.3);
    }
    await until(teacher, () => document.querySelectorAll('#seats .seat.decided').length === 6);
    await teacher.click('#run');
    await until(teacher, () => document.querySelector('#clock h2')?.textContent?.includes('Year 3 of 3') === true);
    // Year 3: two seats decide, four are left to the model's officials.
    await decide(students[0], 0.6, 1, 0.6);
    await decide(students[5], 0.05, 0, 0);
    await teacher.click('#run');
    await teacher.waitForSelector('#debrief');
  });

  it("the debrief equals the CLI's replay of the session file, and every page shows it", async () => {
    const download = teacher.waitForEvent('download');
    await teacher.click('#download-session');
    const file = join(dir, 'session.json');
    await (await download).saveAs(file);
    const session = JSON.parse(readFileSync(file, 'utf8'));
    expect(session.seed).toBe(31);
    expect(session.decisions).toHaveLength(6 + 6 + 2);
    const replay = JSON.parse(execFileSync(process.execPath, [BIN, 'run', '--scenario', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
    const index = replay.series.involutionIndex as number[];
    const shown = JSON.parse((await teacher.getAttribute('#debrief', 'data-index'))!);
    // Year 0, the inherited year, then the three the class decided.
    expect(shown).toEqual([index[11], index[23], index[35], index[47]]);
    // The counterfactual: the model's officials in every seat, same seed.
    const model = JSON.parse(
      execFileSync(
        process.execPath,
        [BIN, 'run', '--scenario', 'baseline-involution', '--seed', '31', '--ticks', '48', '--set', 'districts=6', '--format', 'json'],
        { encoding: 'utf8', maxBuffer: 1 << 28 },
      ),
    );
    expect(JSON.parse((await teacher.getAttribute('#debrief', 'data-model-index'))!)).toEqual([11, 23, 35, 47].map((m) => model.series.involutionIndex[m]));
    for (const p of students) await p.waitForSelector('#debrief');
    expect(await students[4].textContent('#debrief h2')).toContain('复盘');
    expect(await teacher.locator('#debrief-table tbody tr').count()).toBe(6);
    await teacher.screenshot({ path: join(SHOTS, 'class-debrief-1280.png'), fullPage: true });
  });

  it('the explorer loads the session file and replays it to the same numbers as the CLI', async () => {
    const file = join(dir, 'session.json');
    // The classroom server serves the explorer too.
    const p = await page(1280, 900, `${server.base}/index.html`);
    await p.waitForSelector('body[data-tick]', { state: 'attached' });
    await p.setInputFiles('#load-file', file);
    await p.waitForFunction(() => document.querySelector('#seed') && (document.querySelector('#seed') as HTMLInputElement).value === '31');
    await stepTo(p, 30);
    const [download] = await Promise.all([p.waitForEvent('download'), p.click('#export-json')]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    const cli = JSON.parse(
      execFileSync(process.execPath, [BIN, 'run', '--scenario', file, '--ticks', '30', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 }),
    );
    expect(exported.manifest.seed).toBe(31);
    expect(exported.manifest.decisions).toEqual(cli.manifest.decisions);
    expect(exported.series).toEqual(cli.series);
    await p.close();
  });

  it('the pages have no serious accessibility violations', async () => {
    expect(await axeViolations(teacher)).toEqual([]);
    expect(await axeViolations(students[3])).toEqual([]);
    const join = await page(390, 844, `${server.base}/?room=${server.room}`);
    await join.waitForSelector('#seat');
    expect(await axeViolations(join)).toEqual([]);
    await join.close();
  });

  it('the phone-sized page fits its screen, in both languages', async () => {
    const p = students[0];
    for (const lang of ['en', 'zh']) {
      if (lang === 'zh') await p.click('#lang');
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await p.screenshot({ path: join(SHOTS, `class-student-390-${lang}.png`), fullPage: true });
    }
    expect(await p.textContent('#debrief h2')).toContain('复盘');
    expect(errors).toEqual([]);
  });
});
