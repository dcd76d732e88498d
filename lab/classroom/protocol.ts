// The classroom's messages, both ways, as the server (cli/classroom/) and the pages
// (viz/classroom/) share them. Every message a page sends is checked here (zod) before the server
// acts on it: a malformed, oversized or hostile one is refused with an error naming the field, the
// value and what is allowed, and changes nothing. Errors travel as codes with their details, so each
// page says them in its own language.
import { z } from '../../sim/schema.ts';
import type { CityYear, DistrictYear, SeatDecision } from './game.ts';

/** Largest message a page may send, in bytes (the server's socket refuses larger frames). */
export const MAX_MESSAGE_BYTES = 2_048;
/** Longest name a student may give, in characters. */
export const MAX_NAME_CHARS = 40;
/** Room codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const ROOM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_LENGTH = 6;
/** Seat tokens and the teacher's secret: 32 bytes, base64url. */
const secret = z.string().regex(/^[A-Za-z0-9_-]{43}$/, '43 characters of A–Z, a–z, 0–9, "-" and "_"');

const share = z.number().finite();

export const clientMessage = z.discriminatedUnion('type', [
  /** The teacher's page: its secret (from the address the server printed). */
  z.strictObject({ type: z.literal('teacher'), secret }),
  /** A student's page coming back: the seat token it was given. */
  z.strictObject({ type: z.literal('resume'), token: secret }),
  /** A student about to join: the room code, to see the game's seats and who holds them. */
  z.strictObject({ type: z.literal('look'), room: z.string().length(ROOM_LENGTH, `${ROOM_LENGTH} characters`) }),
  /** A student joining: the room code, a name, and a seat (a district, 0-based) or observing. */
  z.strictObject({
    type: z.literal('join'),
    room: z.string().length(ROOM_LENGTH, `${ROOM_LENGTH} characters`),
    name: z
      .string()
      .trim()
      .min(1, 'a name')
      .max(MAX_NAME_CHARS, `at most ${MAX_NAME_CHARS} characters`)
      .refine((n) => !/[\p{Cc}\p{Cf}]/u.test(n), 'no control or formatting characters (such as a right-to-left override)'),
    seat: z.union([z.number().int().min(0).max(31), z.literal('observer')]),
  }),
  /** A seat's decisions for the year being decided. */
  z.strictObject({ type: z.literal('decide'), year: z.number().int().min(0).max(200), purchaseShare: share, grain: share, demand: share }),
  /** The teacher's clock: run the year now, or every `seconds` (null stops the timer). */
  z.strictObject({ type: z.literal('run') }),
  z.strictObject({ type: z.literal('timer'), seconds: z.union([z.number().int().min(15).max(900), z.null()]) }),
  z.strictObject({ type: z.literal('end') }),
]);

export type ClientMessage = z.infer<typeof clientMessage>;

/** Why a message was refused: a code the page translates, and the details it names. */
export type ErrorCode =
  | 'json' // not JSON
  | 'invalid' // a field of the wrong form (field, value, allowed)
  | 'room' // no game with that room code
  | 'rate' // too many wrong room codes or messages: wait (seconds)
  | 'token' // a seat token or teacher secret that is not this game's
  | 'notJoined' // a seat's action before joining
  | 'notYours' // an action that is not this page's to take (a student running the clock, an observer deciding)
  | 'seat' // no such seat
  | 'year' // a decision for a year not being decided
  | 'over' // the game has ended
  | 'decision'; // the model refused the decision (detail)

export interface ErrorMessage {
  readonly type: 'error';
  readonly code: ErrorCode;
  readonly field?: string;
  readonly value?: string;
  readonly allowed?: string;
  readonly seconds?: number;
  readonly detail?: string;
}

export interface SeatSummary {
  readonly seat: number;
  /** Names of the students holding the seat (shown as text). */
  readonly names: string[];
  /** Whether the seat has decided for the year being decided. */
  readonly decided: boolean;
}

/** What every page gets after each change: the game as all may see it. */
export interface PublicState {
  readonly type: 'state';
  readonly room: string;
  readonly scenario: { id: string; title: { en: string; zh: string } };
  readonly lang: string;
  readonly years: number;
  /** The year being decided (0-based); `years` when the game is over. */
  readonly year: number;
  readonly over: boolean;
  /** When the timer runs the year, in ms since the epoch; null without a timer. */
  readonly deadline: number | null;
  readonly timerSeconds: number | null;
  readonly seats: SeatSummary[];
  readonly observers: number;
  /** The city at the end of each year played. */
  readonly city: CityYear[];
  /** Each district's standing at the end of each year played (the promotion tournament everyone sees). */
  readonly standings: number[][];
  readonly bounds: { purchaseShare: [number, number]; grain: [number, number]; demand: [number, number] };
  /** Money of one project at granularity 0 (a standard contract) and the smallest ratio (granularity 1). */
  readonly projectMoney: { full: number; showcaseRatio: number };
}

/** What a seat's page gets besides: its own district, year by year, and its decision. */
export interface SeatState {
  readonly type: 'seat';
  readonly seat: number | 'observer';
  readonly name: string;
  /** The district at the end of each year played, as its official sees it (needsMet hidden until the debrief). */
  readonly history: Omit<DistrictYear, 'needsMet' | 'index'>[];
  /** The decisions in force now (what the last round left), to start the form from. */
  readonly current: SeatDecision;
  /** The seat's decision for the year being decided, if taken. */
  readonly decision: SeatDecision | null;
}

/** The debrief, for every page once the game ends: the class's run against the model's officials on the same seed. */
export interface Debrief {
  readonly type: 'debrief';
  readonly label: string;
  readonly city: CityYear[];
  readonly model: CityYear[];
  readonly districts: DistrictYear[][];
  readonly modelDistricts: DistrictYear[][];
  readonly names: string[][];
  /** The session as a scenario file (replayed by `involution-lab run` and the explorer). */
  readonly session: unknown;
}

export interface Welcome {
  readonly type: 'welcome';
  readonly role: 'teacher' | 'student';
  /** A joining student's seat token: the page keeps it to come back to its seat. */
  readonly token?: string;
  /** The teacher's page: the address students open, and its QR code (SVG). */
  readonly joinUrl?: string;
  readonly qrSvg?: string;
}

export interface Ack {
  readonly type: 'ack';
  readonly year: number;
  readonly decision: SeatDecision;
}

export type ServerMessage = PublicState | SeatState | Debrief | Welcome | Ack | ErrorMessage;

/** The refusal of a message that failed the schema: its first problem, with field, value and what is allowed. */
export function invalid(input: unknown, issues: readonly z.core.$ZodIssue[]): ErrorMessage {
  const issue = issues[0];
  // A discriminated union names the wrong `type` by its own words.
  const path = issue.path.map(String);
  let value: unknown = input;
  for (const p of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p as string] : undefined;
  const shown = value === undefined ? 'missing' : (JSON.stringify(value) ?? String(value));
  const allowed =
    issue.code === 'unrecognized_keys'
      ? `no field ${issue.keys.map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}`
      : issue.code === 'invalid_union' && path.length === 0
        ? 'an object with "type" one of teacher, resume, look, join, decide, run, timer, end'
        : issue.message;
  const field = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0].slice(0, 40)].join('.') : path.join('.') || 'type';
  return {
    type: 'error',
    code: 'invalid',
    field,
    value: shown.length > 60 ? `${shown.slice(0, 60)}… (${shown.length} characters)` : shown,
    allowed,
  };
}
