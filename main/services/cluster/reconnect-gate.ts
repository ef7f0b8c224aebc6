import type { KubeApiError } from './kube-errors';

// One gate per cluster, shared by all its informers. When the server goes away every watch drops
// at once; without this each informer would relist on its own schedule and a flapping server
// would get a storm of LIST requests. The gate limits how many LISTs run at once, keeps one
// failure count (so the backoff grows for everyone), and one "not before" time that a
// Retry-After from any request pushes out for all.

export interface GateSettings {
  maxConcurrentLists: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

// A 15 s cap: a desktop app watching a local cluster should be back within seconds of the
// server, while 2 concurrent LISTs and the shared round below still keep a flapping server calm.
export const defaultGateSettings: GateSettings = { maxConcurrentLists: 2, baseDelayMs: 500, maxDelayMs: 15_000 };

export interface GateDeps {
  now(): number;
  random(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Exponential backoff with equal jitter: half fixed (a floor), half random (spreads clients). */
export function backoffDelay(failures: number, settings: Pick<GateSettings, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export class ReconnectGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private failures = 0;
  private notBefore = 0;
  /** End of the current backoff round: failures before it belong to the same outage. */
  private roundEndsAt = 0;
  /** LIST requests let through, for tests and the soak's storm check. */
  listsStarted = 0;

  constructor(
    private readonly deps: GateDeps,
    private readonly settings: GateSettings = defaultGateSettings,
  ) {}

  /** Waits for the shared pause to pass and a LIST slot; call the result when the list is done. */
  async acquireList(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      const wait = this.notBefore - this.deps.now();
      if (wait > 0) await this.deps.sleep(wait, signal);
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      if (this.running < this.settings.maxConcurrentLists) break;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    this.listsStarted++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.();
    };
  }

  /**
   * Records a failure and returns how long the caller should wait before trying again.
   * Retry-After is a floor, never shortened by the jitter.
   */
  failed(error: KubeApiError): number {
    const now = this.deps.now();
    // When the server goes away every informer fails at once. Those failures are one outage: they
    // count once per backoff round, so the delay grows with the outage's length, not with the
    // number of informers (which pushed recovery from a 3 s outage past a minute).
    if (now >= this.roundEndsAt) {
      this.failures++;
      this.roundEndsAt = now + backoffDelay(this.failures, this.settings, this.deps.random);
    }
    let delay = this.roundEndsAt - now;
    if (error.retryAfterSeconds !== undefined) delay = Math.max(delay, error.retryAfterSeconds * 1000);
    // Throttling and an absent server concern everyone: hold every informer's next LIST too.
    if (['throttled', 'unavailable', 'unreachable', 'server-error'].includes(error.code)) {
      this.notBefore = Math.max(this.notBefore, now + delay);
    }
    return delay;
  }

  succeeded(): void {
    this.failures = 0;
    this.roundEndsAt = 0;
  }

  get failureCount(): number {
    return this.failures;
  }
}

export const realGateDeps: GateDeps = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};
