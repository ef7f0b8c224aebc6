/**
 * Collects a PTY's output and hands it on in batches: at most every BATCH_INTERVAL_MS, or at once
 * when BATCH_MAX_CHARS have gathered, whichever comes first. One event per batch instead of one per
 * read keeps a fast printer from flooding the bridge (VS Code batches for 5 ms, Hyper for 16 ms).
 */
export const BATCH_INTERVAL_MS = 5;
export const BATCH_MAX_CHARS = 256 * 1024;

export interface BatcherDeps {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

const realTimers: BatcherDeps = {
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class OutputBatcher {
  private parts: string[] = [];
  private size = 0;
  private timer: unknown;

  constructor(
    private readonly onBatch: (data: string) => void,
    private readonly deps: BatcherDeps = realTimers,
  ) {}

  push(data: string): void {
    if (data.length === 0) return;
    this.parts.push(data);
    this.size += data.length;
    if (this.size >= BATCH_MAX_CHARS) this.flush();
    else if (this.timer === undefined) this.timer = this.deps.setTimer(() => this.flush(), BATCH_INTERVAL_MS);
  }

  flush(): void {
    if (this.timer !== undefined) {
      this.deps.clearTimer(this.timer);
      this.timer = undefined;
    }
    if (this.size === 0) return;
    const data = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.onBatch(data);
  }
}
