import { describe, expect, it } from 'vitest';
import { BATCH_INTERVAL_MS, BATCH_MAX_CHARS, OutputBatcher } from './output-batcher';

function fakeTimers() {
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  return {
    timers,
    deps: {
      setTimer: (fn: () => void, ms: number) => {
        const t = { fn, ms, cleared: false };
        timers.push(t);
        return t;
      },
      clearTimer: (handle: unknown) => void ((handle as { cleared: boolean }).cleared = true),
    },
    fire: () => timers.filter((t) => !t.cleared).forEach((t) => ((t.cleared = true), t.fn())),
  };
}

describe('OutputBatcher', () => {
  it('joins small pieces into one batch after the interval', () => {
    const batches: string[] = [];
    const clock = fakeTimers();
    const batcher = new OutputBatcher((b) => batches.push(b), clock.deps);
    batcher.push('a');
    batcher.push('b');
    expect(batches).toEqual([]);
    expect(clock.timers.map((t) => t.ms)).toEqual([BATCH_INTERVAL_MS]);
    clock.fire();
    expect(batches).toEqual(['ab']);
  });

  it('sends at once when the size cap is reached, and flush sends the rest', () => {
    const batches: string[] = [];
    const clock = fakeTimers();
    const batcher = new OutputBatcher((b) => batches.push(b), clock.deps);
    batcher.push('x'.repeat(BATCH_MAX_CHARS - 1));
    batcher.push('yy');
    expect(batches.map((b) => b.length)).toEqual([BATCH_MAX_CHARS + 1]);
    batcher.push('tail');
    batcher.flush();
    expect(batches[1]).toBe('tail');
    batcher.flush();
    expect(batches).toHaveLength(2);
  });
});
