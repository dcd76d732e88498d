// The classroom's game state in SQLite (better-sqlite3): the game, the students and their seats, and
// every decision, each written before it is acknowledged. The model's state is not stored: it is
// replayed from the scenario, the seed and the decisions (lab/classroom/game.ts), so a server killed
// at any moment starts again where it was. Seat tokens are stored as SHA-256 hashes; the teacher's
// secret is stored as it is, so that a restarted server can print the teacher's address again (the
// file is the teacher's, on the teacher's laptop).
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Decision } from '../../sim/index.ts';

export interface GameRow {
  readonly id: number;
  readonly room: string;
  readonly secret: string;
  /** The scenario played, as JSON. */
  readonly scenario: string;
  readonly seed: number;
  readonly years: number;
  readonly seats: number;
  readonly lang: string;
  /** Years run so far. */
  readonly played: number;
  /** The timer, in seconds per year (null: the teacher runs each year). */
  readonly timer: number | null;
  readonly over: number;
  readonly created: string;
}

export interface StudentRow {
  readonly name: string;
  /** The seat (district), or null for an observer. */
  readonly seat: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS games (
  id INTEGER PRIMARY KEY,
  room TEXT NOT NULL UNIQUE,
  secret TEXT NOT NULL,
  scenario TEXT NOT NULL,
  seed INTEGER NOT NULL,
  years INTEGER NOT NULL,
  seats INTEGER NOT NULL,
  lang TEXT NOT NULL,
  played INTEGER NOT NULL DEFAULT 0,
  timer INTEGER,
  over INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS students (
  token TEXT PRIMARY KEY,
  game INTEGER NOT NULL REFERENCES games(id),
  name TEXT NOT NULL,
  seat INTEGER,
  joined TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
  game INTEGER NOT NULL REFERENCES games(id),
  year INTEGER NOT NULL,
  district INTEGER NOT NULL,
  purchase_share REAL NOT NULL,
  grain REAL NOT NULL,
  demand REAL NOT NULL,
  student TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (game, year, district)
);
`;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    // Durable at each commit: an acknowledged decision survives a crash of the server or the laptop.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  /** The game not yet over that was started last, if any. */
  openGame(): GameRow | undefined {
    return this.db.prepare('SELECT * FROM games WHERE over = 0 ORDER BY id DESC LIMIT 1').get() as GameRow | undefined;
  }

  game(id: number): GameRow {
    return this.db.prepare('SELECT * FROM games WHERE id = ?').get(id) as GameRow;
  }

  createGame(g: Omit<GameRow, 'id' | 'played' | 'timer' | 'over'>): GameRow {
    const info = this.db
      .prepare(
        'INSERT INTO games (room, secret, scenario, seed, years, seats, lang, created) VALUES (@room, @secret, @scenario, @seed, @years, @seats, @lang, @created)',
      )
      .run(g);
    return this.game(Number(info.lastInsertRowid));
  }

  roomTaken(room: string): boolean {
    return this.db.prepare('SELECT 1 FROM games WHERE room = ?').get(room) !== undefined;
  }

  addStudent(game: number, token: string, name: string, seat: number | null, at: string): void {
    this.db.prepare('INSERT INTO students (token, game, name, seat, joined) VALUES (?, ?, ?, ?, ?)').run(hashToken(token), game, name, seat, at);
  }

  student(game: number, token: string): StudentRow | undefined {
    return this.db.prepare('SELECT name, seat FROM students WHERE game = ? AND token = ?').get(game, hashToken(token)) as StudentRow | undefined;
  }

  students(game: number): StudentRow[] {
    return this.db.prepare('SELECT name, seat FROM students WHERE game = ? ORDER BY joined, rowid').all(game) as StudentRow[];
  }

  /** A seat's decision for a year, replacing the one it took before in that year. */
  saveDecision(game: number, d: Decision, student: string, at: string): void {
    this.db
      .prepare('INSERT OR REPLACE INTO decisions (game, year, district, purchase_share, grain, demand, student, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(game, d.year, d.district, d.purchaseShare, d.grain, d.demand, student, at);
  }

  decisions(game: number): (Decision & { student: string })[] {
    return this.db
      .prepare('SELECT year, district, purchase_share AS purchaseShare, grain, demand, student FROM decisions WHERE game = ? ORDER BY year, district')
      .all(game) as (Decision & { student: string })[];
  }

  setPlayed(game: number, played: number, over: boolean): void {
    this.db.prepare('UPDATE games SET played = ?, over = ? WHERE id = ?').run(played, over ? 1 : 0, game);
  }

  setTimer(game: number, seconds: number | null): void {
    this.db.prepare('UPDATE games SET timer = ? WHERE id = ?').run(seconds, game);
  }
}
