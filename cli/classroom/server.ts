// The classroom server: the built pages over HTTP (sirv) and the game over one WebSocket (ws), with
// the game kept in SQLite (store.ts) and replayed from it on a restart. Who may do what: a student
// acts only for the seat their token holds; only the page holding the teacher's secret runs the
// clock or ends the game; room codes and tokens are rate-limited per address; every message is
// checked (lab/classroom/protocol.ts) and a refused one changes nothing.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { Game, modelGame, type DistrictYear, type GameSettings } from '../../lab/classroom/game.ts';
import {
  clientMessage,
  invalid,
  MAX_MESSAGE_BYTES,
  ROOM_ALPHABET,
  ROOM_LENGTH,
  type ClientMessage,
  type Debrief,
  type ErrorMessage,
  type PublicState,
  type SeatState,
  type ServerMessage,
} from '../../lab/classroom/protocol.ts';
import { decisionProblems, parseScenario } from '../../sim/index.ts';
import { Store, type GameRow } from './store.ts';

export interface ClassroomSettings {
  readonly host: string;
  readonly port: number;
  /** The address students are given (the host as others reach it). */
  readonly publicHost: string;
  readonly appDir: string;
  readonly db: string;
  /** A new game's settings; ignored when an unfinished game is resumed (unless `fresh`). */
  readonly game: GameSettings & { lang: string };
  readonly fresh: boolean;
  /** The QR code of the join address, as SVG (made by the caller). */
  readonly qr: (url: string) => Promise<string>;
}

export interface Classroom {
  readonly room: string;
  readonly joinUrl: string;
  readonly teacherUrl: string;
  readonly resumed: boolean;
  readonly row: GameRow;
  readonly server: Server;
  close(): Promise<void>;
}

/** Wrong room codes, tokens or secrets an address may send in a minute before it must wait. */
const MAX_FAILURES = 8;
const FAILURE_WINDOW_MS = 60_000;
/** Open sockets at most, in all and from one address (a class of 60 with a page or two each, and room to spare). */
const MAX_CONNECTIONS = 400;
const MAX_PER_ADDRESS = 100;
/** Messages a page may send: a burst of 30, then 10 a second. */
const BUCKET = 30;
const REFILL_PER_MS = 10 / 1000;

interface Client {
  role: 'none' | 'teacher' | 'student';
  readonly ip: string;
  token?: string;
  seat?: number | null;
  name?: string;
  tokens: number;
  last: number;
}

function officialSees(y: DistrictYear): SeatState['history'][number] {
  const { needsMet, index, ...seen } = y;
  void needsMet;
  void index;
  return seen;
}

const newSecret = () => randomBytes(32).toString('base64url');

function newRoom(store: Store): string {
  for (;;) {
    let room = '';
    for (let i = 0; i < ROOM_LENGTH; i++) room += ROOM_ALPHABET[randomInt(ROOM_ALPHABET.length)];
    if (!store.roomTaken(room)) return room;
  }
}

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startClassroom(o: ClassroomSettings): Promise<Classroom> {
  const store = new Store(o.db);
  let row = o.fresh ? undefined : store.openGame();
  const resumed = row !== undefined;
  row ??= store.createGame({
    room: newRoom(store),
    secret: newSecret(),
    scenario: JSON.stringify(o.game.scenario),
    seed: o.game.seed,
    years: o.game.years,
    seats: o.game.seats,
    lang: o.game.lang,
    created: new Date().toISOString(),
  });
  const gameId = row.id;
  const settings: GameSettings = { scenario: parseScenario(JSON.parse(row.scenario), 'stored game'), seed: row.seed, years: row.years, seats: row.seats };
  const game = new Game(settings, store.decisions(gameId), row.played);
  /** The students who joined, and their seats (kept here; the database has them too). */
  let students = store.students(gameId);
  let over = row.over === 1 || game.over;
  let timer: number | null = row.timer;
  let deadline: number | null = null;
  let timeout: NodeJS.Timeout | undefined;
  let debrief: Debrief | undefined;
  // The addresses are known once the server listens (port 0: one the system chooses).
  let joinUrl = '';
  let qrSvg = '';

  const clients = new Map<WebSocket, Client>();
  const failures = new Map<string, { count: number; since: number }>();

  const send = (ws: WebSocket, m: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const refuse = (ws: WebSocket, e: Omit<ErrorMessage, 'type'>) => send(ws, { type: 'error', ...e });

  function publicState(): PublicState {
    const year = game.year;
    const params = game.sim.state.params;
    return {
      type: 'state',
      room: row!.room,
      scenario: { id: settings.scenario.id, title: settings.scenario.title },
      lang: row!.lang,
      years: settings.years,
      year,
      over,
      deadline,
      timerSeconds: timer,
      seats: Array.from({ length: settings.seats }, (_, seat) => ({
        seat,
        names: students.filter((s) => s.seat === seat).map((s) => s.name),
        decided: game.decision(seat, year) !== undefined,
      })),
      observers: students.filter((s) => s.seat === null).length,
      city: game.city(),
      standings: game.history.map((y) => y.map((d) => d.standing)),
      bounds: game.bounds,
      projectMoney: { full: params.fullTeamMoney, showcaseRatio: params.showcaseRatio },
    };
  }

  function seatState(c: Client): SeatState {
    const seat = c.seat ?? null;
    return {
      type: 'seat',
      seat: seat ?? 'observer',
      name: c.name ?? '',
      // What the official sees: not the need met, nor the index.
      history: seat === null ? [] : game.history.map((y) => officialSees(y[seat])),
      current: seat === null ? { purchaseShare: 0, grain: 0, demand: 0 } : game.current(seat),
      decision: seat === null ? null : (game.decision(seat, game.year) ?? null),
    };
  }

  function makeDebrief(): Debrief {
    const model = modelGame(settings, game.year);
    const label = `${row!.created.slice(0, 10)}, room ${row!.room}`;
    return {
      type: 'debrief',
      label,
      city: game.city(),
      model: model.city(),
      districts: game.history,
      modelDistricts: model.history,
      names: Array.from({ length: settings.seats }, (_, seat) => students.filter((s) => s.seat === seat).map((s) => s.name)),
      session: game.sessionScenario(label),
    };
  }

  /**
   * Every page gets the public state; students get their seat's state (only the seats in `seats`,
   * when given); with `withDebrief`, the debrief too (once, when the game ends).
   */
  function broadcast(seats?: Set<number>, withDebrief = false): void {
    if (!seats) {
      clearTimeout(soonTimer);
      soonTimer = undefined;
      soonSeats = undefined;
    }
    const text = JSON.stringify(publicState());
    const debriefText = withDebrief && debrief ? JSON.stringify(debrief) : undefined;
    for (const [ws, c] of clients) {
      if (ws.readyState !== ws.OPEN || c.role === 'none') continue;
      ws.send(text);
      if (c.role === 'student' && (!seats || (typeof c.seat === 'number' && seats.has(c.seat)))) send(ws, seatState(c));
      if (debriefText) ws.send(debriefText);
    }
  }

  // A decision changes the seats' "decided" marks and its own seat's pages: the pages hear of a burst
  // of decisions (a class deciding at once) in one message each, 30 ms after the first, not one per
  // decision. The decision's own acknowledgement is not delayed.
  let soonSeats: Set<number> | undefined;
  let soonTimer: NodeJS.Timeout | undefined;
  function broadcastSoon(seat: number): void {
    (soonSeats ??= new Set()).add(seat);
    soonTimer ??= setTimeout(() => {
      const seats = soonSeats;
      soonSeats = undefined;
      soonTimer = undefined;
      if (seats) broadcast(seats);
    }, 30);
  }

  function schedule(): void {
    clearTimeout(timeout);
    deadline = null;
    if (timer === null || over) return;
    deadline = Date.now() + timer * 1000;
    timeout = setTimeout(() => {
      runYear();
      broadcast(undefined, over);
    }, timer * 1000);
    timeout.unref();
  }

  function runYear(): void {
    game.runYear();
    over = game.over;
    store.setPlayed(gameId, game.year, over);
    if (over) debrief = makeDebrief();
    schedule();
  }

  function endGame(): void {
    over = true;
    store.setPlayed(gameId, game.year, true);
    debrief = makeDebrief();
    schedule();
  }

  if (over) debrief = makeDebrief();
  else schedule();

  /** Count a wrong code, token or secret from an address; true when it must wait. */
  function failed(ip: string): void {
    const now = Date.now();
    const f = failures.get(ip);
    if (!f || now - f.since > FAILURE_WINDOW_MS) failures.set(ip, { count: 1, since: now });
    else f.count++;
  }
  function waitFor(ip: string): number {
    const f = failures.get(ip);
    if (!f || f.count < MAX_FAILURES) return 0;
    const left = FAILURE_WINDOW_MS - (Date.now() - f.since);
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  function handle(ws: WebSocket, c: Client, ip: string, m: ClientMessage): void {
    if (m.type === 'teacher' || m.type === 'resume' || m.type === 'join' || m.type === 'look') {
      const wait = waitFor(ip);
      if (wait > 0) return refuse(ws, { code: 'rate', seconds: wait });
    }
    if (m.type === 'teacher') {
      if (!sameSecret(m.secret, row!.secret)) {
        failed(ip);
        return refuse(ws, { code: 'token' });
      }
      Object.assign(c, { role: 'teacher', token: undefined, seat: undefined, name: undefined });
      send(ws, { type: 'welcome', role: 'teacher', joinUrl, qrSvg });
      send(ws, publicState());
      if (debrief) send(ws, debrief);
      return;
    }
    if (m.type === 'resume') {
      const student = store.student(gameId, m.token);
      if (!student) {
        failed(ip);
        return refuse(ws, { code: 'token' });
      }
      Object.assign(c, { role: 'student', token: m.token, seat: student.seat, name: student.name });
      send(ws, { type: 'welcome', role: 'student' });
      send(ws, publicState());
      send(ws, seatState(c));
      if (debrief) send(ws, debrief);
      return;
    }
    if (m.type === 'look') {
      if (m.room.toUpperCase() !== row!.room) {
        failed(ip);
        return refuse(ws, { code: 'room' });
      }
      return send(ws, publicState());
    }
    if (m.type === 'join') {
      if (m.room.toUpperCase() !== row!.room) {
        failed(ip);
        return refuse(ws, { code: 'room' });
      }
      if (m.seat !== 'observer' && m.seat >= settings.seats)
        return refuse(ws, { code: 'seat', field: 'seat', value: String(m.seat), allowed: `0 to ${settings.seats - 1}, or "observer"` });
      const token = newSecret();
      const seat = m.seat === 'observer' ? null : m.seat;
      store.addStudent(gameId, token, m.name, seat, new Date().toISOString());
      students = store.students(gameId);
      Object.assign(c, { role: 'student', token, seat, name: m.name });
      send(ws, { type: 'welcome', role: 'student', token });
      // Everyone sees the new name; only the new page needs a seat's state.
      broadcast(new Set());
      send(ws, seatState(c));
      if (debrief) send(ws, debrief);
      return;
    }
    // The clock and the end are the teacher's.
    if (m.type === 'run' || m.type === 'timer' || m.type === 'end') {
      if (c.role !== 'teacher') return refuse(ws, { code: 'notYours' });
      if (over) return refuse(ws, { code: 'over' });
      if (m.type === 'run') runYear();
      else if (m.type === 'end') endGame();
      else {
        store.setTimer(gameId, m.seconds);
        timer = m.seconds;
        schedule();
      }
      return broadcast(undefined, over);
    }
    // A decision: a student's, for their own seat, for the year being decided.
    if (c.role !== 'student') return refuse(ws, { code: c.role === 'teacher' ? 'notYours' : 'notJoined' });
    if (c.seat === null || c.seat === undefined) return refuse(ws, { code: 'notYours' });
    if (over) return refuse(ws, { code: 'over' });
    if (m.year !== game.year) return refuse(ws, { code: 'year', field: 'year', value: String(m.year), allowed: String(game.year) });
    const decision = { year: m.year, district: c.seat, purchaseShare: m.purchaseShare, grain: m.grain, demand: m.demand };
    const problems = decisionProblems(game.sim.state, decision);
    if (problems.length > 0) return refuse(ws, { code: 'decision', detail: problems.join('; ') });
    // Written before it is acknowledged: a crash after this line loses nothing the student was told was kept.
    store.saveDecision(gameId, decision, c.name ?? '', new Date().toISOString());
    game.submit(c.seat, m.year, decision);
    send(ws, { type: 'ack', year: m.year, decision: { purchaseShare: m.purchaseShare, grain: m.grain, demand: m.demand } });
    broadcastSoon(c.seat);
  }

  const assets = sirv(o.appDir, { etag: true, dev: false });
  const server = createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      res.writeHead(302, { Location: `/classroom.html${url.search}` });
      return res.end();
    }
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  });

  const wss = new WebSocketServer({
    server,
    path: '/ws',
    maxPayload: MAX_MESSAGE_BYTES,
    // A page of another site may not drive a student's connection.
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) => {
      if (!origin) return true;
      try {
        return new URL(origin).host === req.headers.host;
      } catch {
        return false;
      }
    },
  });
  wss.on('connection', (ws, req) => {
    const ip = req.socket.remoteAddress ?? '?';
    let fromHere = 0;
    for (const other of clients.values()) if (other.ip === ip) fromHere++;
    if (clients.size >= MAX_CONNECTIONS || fromHere >= MAX_PER_ADDRESS) {
      ws.close(1013, 'too many connections');
      return;
    }
    const c: Client = { role: 'none', ip, tokens: BUCKET, last: Date.now() };
    clients.set(ws, c);
    ws.on('close', () => clients.delete(ws));
    ws.on('error', () => clients.delete(ws));
    ws.on('message', (data, isBinary) => {
      const now = Date.now();
      c.tokens = Math.min(BUCKET, c.tokens + (now - c.last) * REFILL_PER_MS);
      c.last = now;
      if (c.tokens < 1) return refuse(ws, { code: 'rate', seconds: 1 });
      c.tokens--;
      if (isBinary) return refuse(ws, { code: 'json' });
      let input: unknown;
      try {
        input = JSON.parse(data.toString());
      } catch {
        return refuse(ws, { code: 'json' });
      }
      const parsed = clientMessage.safeParse(input);
      if (!parsed.success) return send(ws, invalid(input, parsed.error.issues));
      try {
        handle(ws, c, ip, parsed.data);
      } catch (err) {
        // A fault of the server (a full disk, say): said to the page, the game unchanged.
        refuse(ws, { code: 'decision', detail: `the server could not do it: ${(err as Error).message}` });
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const base = `http://${o.publicHost.includes(':') ? `[${o.publicHost}]` : o.publicHost}:${port}`;
  joinUrl = `${base}/?room=${row.room}`;
  const teacherUrl = `${base}/classroom.html#teacher=${row.secret}`;
  qrSvg = await o.qr(joinUrl);

  return {
    room: row.room,
    joinUrl,
    teacherUrl,
    resumed,
    row,
    server,
    async close() {
      clearTimeout(timeout);
      for (const ws of clients.keys()) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}
