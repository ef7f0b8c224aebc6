import type { LogBatch, LogSegment, LogSource } from '../../contract';

// Lines from one log stream (one pod, or every pod of a workload) on their way to the page:
// gathered for a few milliseconds and sent as one batch, like the terminal's output batching
// (VS Code's TerminalDataBufferer, 5 ms). Flow control by acknowledgement: the page acks the
// lines it has taken in, and while more than WINDOW are unacknowledged new lines are dropped and
// counted instead of queued, so main's memory stays bounded and the page is told how many it
// missed. (A pods/log response cannot be paused per line without stalling every pod of a
// workload stream behind the slowest reader, and a log line that is late is worth less than
// the live tail.)

export const FLUSH_MS = 5;
/** A batch goes out at once when it reaches this many lines (or characters), timer or not. */
export const MAX_BATCH_LINES = 4_000;
export const MAX_BATCH_CHARS = 512 * 1024;
/** Lines sent but not yet acknowledged before main starts dropping. Several batches, so a page acking once per frame never stalls. */
export const WINDOW_LINES = 40_000;

export interface BatcherDeps {
  emit(batch: Omit<LogBatch, 'streamId'>): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export class LogBatcher {
  private readonly sources: LogSource[] = [];
  private readonly sourceIndex = new Map<string, number>();
  private segments: LogSegment[] = [];
  private pendingLines = 0;
  private pendingChars = 0;
  private unacked = 0;
  private dropped = 0;
  private timer: unknown;
  private closed = false;

  constructor(private readonly deps: BatcherDeps) {}

  /** Registers a pod/container once; its index tags its lines. */
  source(pod: string, container: string): number {
    const key = `${pod}\u0000${container}`;
    let index = this.sourceIndex.get(key);
    if (index === undefined) {
      index = this.sources.length;
      this.sources.push({ pod, container });
      this.sourceIndex.set(key, index);
    }
    return index;
  }

  push(source: number, line: string): void {
    if (this.closed) return;
    if (this.unacked + this.pendingLines >= WINDOW_LINES) {
      this.dropped++;
      this.schedule();
      return;
    }
    const last = this.segments[this.segments.length - 1];
    if (last && last.source === source) last.lines.push(line);
    else this.segments.push({ source, lines: [line] });
    this.pendingLines++;
    this.pendingChars += line.length;
    if (this.pendingLines >= MAX_BATCH_LINES || this.pendingChars >= MAX_BATCH_CHARS) this.flush();
    else this.schedule();
  }

  ack(lines: number): void {
    this.unacked = Math.max(0, this.unacked - lines);
  }

  /** Lines in flight to the page (sent, not acknowledged). */
  get inFlight(): number {
    return this.unacked;
  }

  flush(): void {
    if (this.timer !== undefined) {
      this.deps.clearTimer(this.timer);
      this.timer = undefined;
    }
    if (this.closed || (this.pendingLines === 0 && this.dropped === 0)) return;
    const batch = { sources: this.sources.slice(), segments: this.segments, dropped: this.dropped };
    this.unacked += this.pendingLines;
    this.segments = [];
    this.pendingLines = 0;
    this.pendingChars = 0;
    this.dropped = 0;
    this.deps.emit(batch);
  }

  /** Sends what is pending and stops taking lines. */
  close(): void {
    this.flush();
    this.closed = true;
  }

  private schedule(): void {
    if (this.timer === undefined) this.timer = this.deps.setTimer(() => {
      this.timer = undefined;
      this.flush();
    }, FLUSH_MS);
  }
}
