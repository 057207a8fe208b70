/** Where progress goes: stderr, so stdout carries only the summary (clig.dev). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

const LINE_EVERY_MS = 5_000;
const BAR_EVERY_MS = 100;

/**
 * Users done of total, rate and ETA: redrawn as a bar on a terminal, as a plain line every few seconds
 * otherwise (a log file gets readable lines, not carriage returns).
 */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawnDone = -1;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly label: string,
  ) {}

  /** Adds `count` finished users and redraws when it is time. */
  advance(count: number): void {
    this.done += count;
    const now = Date.now();
    if (now - this.lastDraw < (this.stream.isTTY ? BAR_EVERY_MS : LINE_EVERY_MS)) return;
    this.lastDraw = now;
    this.draw();
  }

  /** Draws the final state and ends the line. */
  finish(): void {
    if (this.drawnDone !== this.done) this.draw();
    if (this.stream.isTTY) this.stream.write("\n");
  }

  private draw(): void {
    this.drawnDone = this.done;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const left = Math.max(this.total - this.done, 0);
    const eta = rate > 0 ? formatDuration(left / rate) : "?";
    const figures = `${this.done}/${this.total} users, ${Math.round(rate)}/s, ETA ${eta}`;
    if (!this.stream.isTTY) {
      this.stream.write(`${this.label}: ${figures}\n`);
      return;
    }
    const width = Math.max(
      10,
      Math.min(40, (this.stream.columns ?? 80) - figures.length - this.label.length - 6),
    );
    const share = this.total > 0 ? Math.min(this.done / this.total, 1) : 1;
    const filled = Math.round(share * width);
    this.stream.write(
      `\r${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${figures}\x1b[K`,
    );
  }
}

/** "1m05s" style durations for the ETA. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return whole >= 60 ? `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, "0")}s` : `${whole}s`;
}
