// A classroom client for the tests and the benchmark: one WebSocket to the server, the messages it
// received, and a wait for the next message of a kind.
import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import type { ServerMessage } from '../lab/classroom/protocol.ts';

export class ClassClient {
  readonly ws: WebSocket;
  readonly received: ServerMessage[] = [];
  private waiters: {
    type: string;
    where?: (m: ServerMessage) => boolean;
    resolve: (m: ServerMessage) => void;
    reject: (e: Error) => void;
    timer: NodeJS.Timeout;
  }[] = [];
  closed: { code: number } | undefined;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as ServerMessage;
      this.received.push(m);
      const i = this.waiters.findIndex((w) => w.type === m.type && (!w.where || w.where(m)));
      if (i >= 0) {
        const [w] = this.waiters.splice(i, 1);
        clearTimeout(w.timer);
        w.resolve(m);
      }
    });
    ws.on('close', (code) => {
      this.closed = { code };
      for (const w of this.waiters.splice(0)) {
        clearTimeout(w.timer);
        w.reject(new Error(`closed (${code}) while waiting for ${w.type}`));
      }
    });
  }

  static open(base: string, origin?: string): Promise<ClassClient> {
    const ws = new WebSocket(base.replace(/^http/, 'ws') + '/ws', origin ? { origin } : {});
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new ClassClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    });
  }

  /** The next message of a kind (from now on). */
  next<T extends ServerMessage['type']>(
    type: T,
    where?: (m: Extract<ServerMessage, { type: T }>) => boolean,
    ms = 10_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${type} message in ${ms} ms; last received: ${JSON.stringify(this.received.at(-1))?.slice(0, 300)}`)),
        ms,
      );
      this.waiters.push({ type, where: where as ((m: ServerMessage) => boolean) | undefined, resolve: resolve as (m: ServerMessage) => void, reject, timer });
    });
  }

  send(m: unknown): void {
    this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }

  /** Send and wait for the reply of a kind. */
  ask<T extends ServerMessage['type']>(m: unknown, type: T): Promise<Extract<ServerMessage, { type: T }>> {
    const reply = this.next(type);
    this.send(m);
    return reply;
  }

  close(): void {
    this.ws.close();
  }
}

export interface ClassroomProcess {
  readonly child: ChildProcess;
  readonly base: string;
  readonly secret: string;
  readonly room: string;
  readonly out: string;
}

/** `involution-lab classroom` as a process of its own; resolves with its addresses once it prints them. */
export function classroomProcess(bin: string, db: string, args: string[]): Promise<ClassroomProcess> {
  const child = spawn(process.execPath, [bin, 'classroom', '--host', '127.0.0.1', '--db', db, '--no-open', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/classroom\.html#teacher=([A-Za-z0-9_-]{43})/.exec(out);
      if (m) resolve({ child, base: m[1], secret: m[2], room: /room code ([A-Z0-9]{6})/.exec(out)![1], out });
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`classroom exited (${code}): ${out}`)));
  });
}
