import { wholeCharactersLength } from './utf8-boundary';

/**
 * Collects a PTY's output and hands it on in batches: at most every BATCH_INTERVAL_MS, or at once
 * when BATCH_MAX_BYTES have gathered, whichever comes first. One event per batch instead of one per
 * read keeps a fast printer from flooding the bridge (a Linux PTY hands over at most 4 KB per read,
 * so a fast printer makes ~250 reads per MB). Output after a quiet spell goes at once (the echo of
 * a keystroke, a prompt), so batching only ever delays output that follows other output.
 *
 * 16 ms (Hyper's figure; VS Code uses 5 ms) is one frame: the page draws no more often anyway, and
 * in the throughput bench it halved the messages and acknowledgements against 5 ms, which cost
 * the page's main thread (a WebSocket send per ack) and main's CPU. The size cap (512 KiB) lets a
 * batch hold what gathered while main was busy; a batch bigger than a page's window reaches that
 * page as the terminal's state instead (viewer-pacing.ts).
 *
 * Output stays bytes all the way to xterm.js (no UTF-8 decoding and re-encoding in main); a batch
 * never ends inside a UTF-8 character (the rest of it waits for the next batch), so each batch
 * decodes on its own. A batch keeps the reads it is made of (OutputBatch): main's terminal state
 * takes them as they are, and they are joined into one buffer only for a page that takes the batch
 * (during a flood pages get the terminal's state instead: joining every batch copied the whole
 * output once more, and made 200 half-megabyte buffers per 100 MB for the GC).
 */
export const BATCH_INTERVAL_MS = 16;
export const BATCH_MAX_BYTES = 512 * 1024;

export interface BatcherDeps {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  now: () => number;
}

const realTimers: BatcherDeps = {
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => performance.now(),
};

/** One batch: the PTY reads it holds, joined on demand. */
export class OutputBatch {
  private joined: Buffer | undefined;

  constructor(
    readonly parts: readonly Buffer[],
    readonly length: number,
  ) {}

  /** The batch as one buffer (joined once, on first use). */
  get bytes(): Buffer {
    this.joined ??= this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts as Buffer[], this.length);
    return this.joined;
  }
}

export class OutputBatcher {
  private parts: Buffer[] = [];
  private size = 0;
  private timer: unknown;
  private lastBatchAt = -Infinity;

  constructor(
    private readonly onBatch: (batch: OutputBatch) => void,
    private readonly deps: BatcherDeps = realTimers,
  ) {}

  push(data: Buffer): void {
    if (data.length === 0) return;
    const quiet = this.size === 0 && this.deps.now() - this.lastBatchAt >= BATCH_INTERVAL_MS;
    this.parts.push(data);
    this.size += data.length;
    if (quiet || this.size >= BATCH_MAX_BYTES) this.flush();
    else if (this.timer === undefined) this.timer = this.deps.setTimer(() => this.flush(), BATCH_INTERVAL_MS);
  }

  /** Hands on what has gathered; `all` also sends an unfinished character (the stream ended). */
  flush(all = false): void {
    if (this.timer !== undefined) {
      this.deps.clearTimer(this.timer);
      this.timer = undefined;
    }
    if (this.size === 0) return;
    const parts = this.parts;
    let rest: Buffer | undefined;
    if (!all) {
      // The last character may have started in an earlier read: join short reads at the end first.
      while (parts.length > 1 && (parts[parts.length - 1] as Buffer).length < 4) {
        const last = parts.pop() as Buffer;
        parts.push(Buffer.concat([parts.pop() as Buffer, last]));
      }
      const last = parts[parts.length - 1] as Buffer;
      const whole = wholeCharactersLength(last);
      if (whole < last.length) {
        rest = last.subarray(whole);
        if (whole > 0) parts[parts.length - 1] = last.subarray(0, whole);
        else parts.pop();
      }
    }
    const length = this.size - (rest?.length ?? 0);
    this.parts = rest ? [rest] : [];
    this.size = rest?.length ?? 0;
    if (length > 0) {
      this.lastBatchAt = this.deps.now();
      this.onBatch(new OutputBatch(parts, length));
    }
    // The held-back bytes of a character go out with the next read, or after one more interval.
    if (this.size > 0 && this.timer === undefined) this.timer = this.deps.setTimer(() => this.flush(true), BATCH_INTERVAL_MS);
  }
}
