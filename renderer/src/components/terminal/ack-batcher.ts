/**
 * Acknowledges parsed terminal output in batches: one `terminal.ack` per ACK_BATCH_CHARS, or
 * when the output pauses for ACK_IDLE_MS, instead of one call per chunk. Main pauses the PTY
 * while too much is unacknowledged, so the batch must stay below main's low watermark or the
 * session would never resume; the idle flush covers the tail of a burst.
 */
export const ACK_BATCH_CHARS = 5_000;
export const ACK_IDLE_MS = 50;

export interface AckBatcherDeps {
  send(chars: number): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface AckBatcher {
  /** Characters xterm has finished parsing. */
  add(chars: number): void;
  /** Sends what is pending now (e.g. before switching sessions). */
  flush(): void;
}

export function createAckBatcher(deps: AckBatcherDeps, batch = ACK_BATCH_CHARS, idleMs = ACK_IDLE_MS): AckBatcher {
  let pending = 0;
  let timer: unknown;
  const flush = () => {
    if (timer !== undefined) deps.clearTimer(timer);
    timer = undefined;
    if (pending > 0) deps.send(pending);
    pending = 0;
  };
  return {
    add(chars) {
      if (chars <= 0) return;
      pending += chars;
      if (pending >= batch) flush();
      else if (timer === undefined) timer = deps.setTimer(flush, idleMs);
    },
    flush,
  };
}
