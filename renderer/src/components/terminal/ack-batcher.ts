/**
 * Acknowledges parsed terminal output in batches: one `terminal.ack` per ACK_BATCH_BYTES, or
 * when the output pauses for ACK_IDLE_MS, instead of one call per chunk. Main stops sending to a
 * page too far behind until it is within CAUGHT_UP_BYTES (256 KiB), so the batch must stay below
 * that or the page would catch up late; the idle flush covers the tail of a burst. Each ack is a
 * WebSocket send on the page's main thread: in the throughput bench one per output batch took
 * ~4% of the page's time, so a fast printer's batches are acknowledged a few at a time (128 KiB
 * see main/services/terminal/viewer-pacing.ts).
 */
export const ACK_BATCH_BYTES = 128 * 1024;
export const ACK_IDLE_MS = 50;

export interface AckBatcherDeps {
  send(bytes: number): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface AckBatcher {
  /** Bytes xterm has finished parsing. */
  add(bytes: number): void;
  /** Sends what is pending now (e.g. before switching sessions). */
  flush(): void;
}

export function createAckBatcher(deps: AckBatcherDeps, batch = ACK_BATCH_BYTES, idleMs = ACK_IDLE_MS): AckBatcher {
  let pending = 0;
  let timer: unknown;
  const flush = () => {
    if (timer !== undefined) deps.clearTimer(timer);
    timer = undefined;
    if (pending > 0) deps.send(pending);
    pending = 0;
  };
  return {
    add(bytes) {
      if (bytes <= 0) return;
      pending += bytes;
      if (pending >= batch) flush();
      else if (timer === undefined) timer = deps.setTimer(flush, idleMs);
    },
    flush,
  };
}
