// Progress of a calibration on stderr: per generation, accepted particles against N (a bar redrawn
// in place on a terminal; a plain line every 10 s in logs, where each generation's end is a line
// of its own), with runs and runs per second.
import type { ProgressOutput } from '../runs/progress.ts';

export class CalibrationProgress {
  private label = '';
  private goal = 1;
  private runs = 0;
  private startedAt = 0;
  private lastDraw = -Infinity;
  private done = 0;

  constructor(private readonly out: ProgressOutput, private readonly now: () => number = () => performance.now()) {}

  /** A generation starts simulating: its goal is N acceptances. */
  start(g: { generation: number; epsilon: number; goal: number }): void {
    const tol = Number.isFinite(g.epsilon) ? `tolerance ${g.epsilon.toPrecision(3)}` : 'from the prior';
    this.reset(`generation ${g.generation} (${tol})`, g.goal, 0);
  }

  /** The predictive check starts: its goal is every draw. */
  startPredictive(draws: number, done: number): void {
    this.reset('predictive check', draws, done);
  }

  /** One more simulation finished; `done` is the progress towards the goal. */
  advance(done: number): void {
    this.runs++;
    this.done = done;
    const t = this.now();
    if (t - this.lastDraw >= (this.out.isTTY ? 100 : 10_000)) this.draw(t);
  }

  end(): void {
    if (this.out.isTTY && this.runs > 0) {
      this.draw(this.now());
      this.out.write('\n');
    }
    this.runs = 0;
  }

  private reset(label: string, goal: number, done: number): void {
    this.label = label;
    this.goal = Math.max(1, goal);
    this.done = done;
    this.runs = 0;
    this.startedAt = this.now();
    // Logs get their first line after 10 s: short generations print only their closing line.
    this.lastDraw = this.out.isTTY ? -Infinity : this.startedAt;
  }

  private draw(t: number): void {
    this.lastDraw = t;
    const seconds = (t - this.startedAt) / 1000;
    const rate = seconds > 0 ? this.runs / seconds : 0;
    const status = `${this.label}: ${Math.min(this.done, this.goal)}/${this.goal}, ${this.runs} runs, ${rate.toFixed(1)} runs/s`;
    if (!this.out.isTTY) return this.out.write(`calibrate: ${status}\n`);
    const width = 24;
    const filled = Math.min(width, Math.round((width * this.done) / this.goal));
    this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${status}\x1b[K`);
  }
}
