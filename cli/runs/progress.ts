// Progress on stderr: a bar redrawn in place on a terminal; plain lines (every 5 % or 10 s) in logs.

export interface ProgressOutput {
  isTTY: boolean;
  write: (text: string) => void;
}

/** Where a long command (experiment, calibrate) writes: its output, its messages and its progress. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  progress: ProgressOutput;
}

const duration = (s: number) =>
  !Number.isFinite(s) ? '?' : s < 60 ? `${Math.ceil(s)} s` : s < 3600 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${(s / 3600).toFixed(1)} h`;

export class Progress {
  private done = 0;
  private readonly start: number;
  private lastDraw = -Infinity;
  private lastStep = -1;

  constructor(
    private readonly total: number,
    private readonly out: ProgressOutput,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.start = now();
  }

  /** One more run finished (or failed). */
  advance(): void {
    this.done++;
    const t = this.now();
    const step = Math.floor((this.done / this.total) * 20);
    if (this.out.isTTY ? t - this.lastDraw >= 100 : step > this.lastStep || t - this.lastDraw >= 10_000) this.draw(t, step);
  }

  end(): void {
    if (this.out.isTTY) {
      this.draw(this.now(), 20);
      this.out.write('\n');
    } else if (this.done < this.total) this.draw(this.now(), this.lastStep);
  }

  /** "12/300 runs (4 %), 8.1 runs/s, ETA 36 s". */
  status(t: number): string {
    const seconds = (t - this.start) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const pct = this.total ? Math.floor((100 * this.done) / this.total) : 100;
    return `${this.done}/${this.total} runs (${pct} %), ${rate.toFixed(1)} runs/s, ETA ${duration(rate > 0 ? (this.total - this.done) / rate : Infinity)}`;
  }

  private draw(t: number, step: number): void {
    this.lastDraw = t;
    this.lastStep = step;
    if (!this.out.isTTY) return this.out.write(`experiment: ${this.status(t)}\n`);
    const width = 24;
    const filled = this.total ? Math.round((width * this.done) / this.total) : width;
    this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.status(t)}\x1b[K`);
  }
}
