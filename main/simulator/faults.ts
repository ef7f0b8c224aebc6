import { z } from 'zod';

// Fault injection: what a flaky or overloaded API server does to its clients. Set at start
// (`--faults SPEC`), changed at runtime through `Simulator.faults` or PUT /simulator/faults.
// Error rates are deterministic (an accumulator, not a dice roll) so tests never flake:
// a rate of 0.25 fails exactly every fourth API request.

export const FaultSettingsSchema = z
  .object({
    /** Added to every API request before it is served, in milliseconds. */
    latencyMs: z.number().min(0).default(0),
    /** Fractions (0..1) of API requests answered 429 / 503 / 500 instead of served. */
    rate429: z.number().min(0).max(1).default(0),
    rate503: z.number().min(0).max(1).default(0),
    rate500: z.number().min(0).max(1).default(0),
    /** Retry-After seconds sent with 429 and 503. */
    retryAfterSeconds: z.number().int().min(0).default(1),
    /** Close every watch stream this long after it starts (0 = never). */
    dropWatchesAfterMs: z.number().min(0).default(0),
    /** Watches that resume from a resourceVersion get an ERROR 410 Expired event at once. */
    watchExpired: z.boolean().default(false),
    /** Continue tokens are answered 410 Expired. */
    continueExpired: z.boolean().default(false),
    /** Watch streams go silent (events are held back, not lost) while true. */
    stallWatches: z.boolean().default(false),
  })
  .strict();

export type FaultSettings = z.infer<typeof FaultSettingsSchema>;
export type FaultPatch = Partial<FaultSettings>;

export type InjectedError = { code: 429 | 503 | 500; retryAfterSeconds?: number };

export class Faults {
  private s: FaultSettings;
  private readonly acc = { 429: 0, 503: 0, 500: 0 };
  private readonly stallListeners = new Set<(stalled: boolean) => void>();
  private readonly listeners = new Set<(s: FaultSettings) => void>();

  constructor(initial: FaultPatch = {}) {
    this.s = FaultSettingsSchema.parse(initial);
  }

  get settings(): Readonly<FaultSettings> {
    return this.s;
  }

  /** Changes some knobs; the rest keep their values. Throws on unknown or invalid knobs. */
  set(patch: FaultPatch): FaultSettings {
    const wasStalled = this.s.stallWatches;
    this.s = FaultSettingsSchema.parse({ ...this.s, ...patch });
    if (wasStalled !== this.s.stallWatches) for (const l of this.stallListeners) l(this.s.stallWatches);
    for (const l of this.listeners) l(this.s);
    return this.s;
  }

  reset(): FaultSettings {
    return this.set(FaultSettingsSchema.parse({}));
  }

  setLatency(ms: number): void {
    this.set({ latencyMs: ms });
  }
  setErrorRate(code: 429 | 503 | 500, rate: number): void {
    this.set(code === 429 ? { rate429: rate } : code === 503 ? { rate503: rate } : { rate500: rate });
  }
  dropWatchesAfter(ms: number): void {
    this.set({ dropWatchesAfterMs: ms });
  }
  expireWatches(on: boolean): void {
    this.set({ watchExpired: on });
  }
  expireContinueTokens(on: boolean): void {
    this.set({ continueExpired: on });
  }
  stallWatches(on: boolean): void {
    this.set({ stallWatches: on });
  }

  onStallChange(l: (stalled: boolean) => void): () => void {
    this.stallListeners.add(l);
    return () => this.stallListeners.delete(l);
  }

  /** Called after every change of any knob. */
  onChange(l: (s: FaultSettings) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Decides whether this API request fails, advancing the accumulators. */
  nextError(): InjectedError | undefined {
    for (const code of [429, 503, 500] as const) {
      const rate = code === 429 ? this.s.rate429 : code === 503 ? this.s.rate503 : this.s.rate500;
      if (rate <= 0) continue;
      this.acc[code] += rate;
      if (this.acc[code] >= 1 - 1e-9) {
        this.acc[code] -= 1;
        return code === 500 ? { code } : { code, retryAfterSeconds: this.s.retryAfterSeconds };
      }
    }
    return undefined;
  }
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)?$/;
function millis(v: string): number {
  const m = DURATION.exec(v);
  if (!m) throw new Error(`not a duration: ${v}`);
  const n = Number(m[1]);
  return m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n;
}

/**
 * Parses the CLI form: comma-separated knobs, e.g.
 * `latency=50ms,429=0.1,503=0.05,500=0.01,retry-after=2,drop-watch=30s,watch-410,continue-410,stall`.
 */
export function parseFaultSpec(spec: string): FaultPatch {
  const out: FaultPatch = {};
  for (const raw of spec.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const [k, v] = part.split('=', 2) as [string, string | undefined];
    switch (k) {
      case 'latency':
        out.latencyMs = millis(v ?? '0');
        break;
      case '429':
        out.rate429 = Number(v);
        break;
      case '503':
        out.rate503 = Number(v);
        break;
      case '500':
        out.rate500 = Number(v);
        break;
      case 'retry-after':
        out.retryAfterSeconds = Number(v);
        break;
      case 'drop-watch':
        out.dropWatchesAfterMs = millis(v ?? '0');
        break;
      case 'watch-410':
        out.watchExpired = v === undefined || v === 'true';
        break;
      case 'continue-410':
        out.continueExpired = v === undefined || v === 'true';
        break;
      case 'stall':
        out.stallWatches = v === undefined || v === 'true';
        break;
      default:
        throw new Error(`unknown fault "${k}" (known: latency, 429, 503, 500, retry-after, drop-watch, watch-410, continue-410, stall)`);
    }
  }
  return FaultSettingsSchema.partial().parse(out);
}
