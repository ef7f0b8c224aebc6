import type { Store, StoreEvent } from '../store';

// One timer drives every controller: work items (controller, key) wait in a queue with a due
// time; each tick runs the due ones. Controllers ask for a later look with `after(simMs)`,
// where simulated milliseconds are divided by `speed` (speed 10 = ten times faster).
// A timer per object would not survive 150,000 pods.

export interface Queue {
  /** Reconcile `key` of controller `name` after `simMs` simulated milliseconds (0 = next tick). */
  add(name: string, key: string, simMs?: number): void;
}

export interface Controller {
  name: string;
  /** Storage keys whose events this controller wants. */
  watches: string[];
  onEvent(e: StoreEvent, queue: Queue): void;
  reconcile(key: string, queue: Queue): void;
  /** Called once at start (bulk-loaded objects produce no events). */
  resync?(queue: Queue): void;
}

interface Item {
  ctl: Controller;
  key: string;
  due: number;
}

export class Loop implements Queue {
  private readonly controllers = new Map<string, Controller>();
  private readonly byWatch = new Map<string, Controller[]>();
  private readonly pending = new Map<string, Item>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private running = false;
  /** Errors are counted, never thrown out of the tick (a bad object must not stop the cluster). */
  errors = 0;
  lastError: unknown;

  constructor(
    private readonly store: Store,
    readonly speed: number,
    private readonly tickMs = 20,
    private readonly maxPerTick = 5000,
  ) {}

  register(c: Controller): void {
    this.controllers.set(c.name, c);
    for (const w of c.watches) {
      const list = this.byWatch.get(w) ?? [];
      list.push(c);
      this.byWatch.set(w, list);
    }
  }

  /** Real milliseconds for a simulated duration. */
  real(simMs: number): number {
    return simMs / this.speed;
  }

  add(name: string, key: string, simMs = 0): void {
    const ctl = this.controllers.get(name);
    if (!ctl) return;
    const id = `${name}\u0000${key}`;
    const due = Date.now() + this.real(simMs);
    const cur = this.pending.get(id);
    if (!cur || due < cur.due) this.pending.set(id, { ctl, key, due });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.store.subscribe((e) => {
      for (const c of this.byWatch.get(e.key) ?? []) this.safely(() => c.onEvent(e, this));
    });
    for (const c of this.controllers.values()) if (c.resync) this.safely(() => c.resync!(this));
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    this.pending.clear();
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.errors++;
      this.lastError = e;
    }
  }

  /** Runs every due item once; exposed for tests that step the cluster by hand. */
  tick(): number {
    const now = Date.now();
    const due: Item[] = [];
    for (const [id, item] of this.pending) {
      if (item.due <= now) {
        due.push(item);
        this.pending.delete(id);
        if (due.length >= this.maxPerTick) break;
      }
    }
    for (const item of due) this.safely(() => item.ctl.reconcile(item.key, this));
    return due.length;
  }

  pendingCount(): number {
    return this.pending.size;
  }
}
