import { describe, expect, it } from 'vitest';
import { BATCH_INTERVAL_MS, BATCH_MAX_BYTES, OutputBatcher, type OutputBatch } from './output-batcher';

function fakeTimers() {
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const clock = { at: 0 };
  return {
    timers,
    clock,
    deps: {
      now: () => clock.at,
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

const text = (batches: Buffer[]) => batches.map((b) => b.toString('utf8'));

/** A batcher in the middle of a burst (its first output, after the quiet spell, has gone). */
function busyBatcher(batches: Buffer[], clock: ReturnType<typeof fakeTimers>) {
  const batcher = new OutputBatcher((b: OutputBatch) => batches.push(b.bytes), clock.deps);
  batcher.push(Buffer.from('>'));
  batches.length = 0;
  return batcher;
}

describe('OutputBatcher', () => {
  it('sends output after a quiet spell at once, and joins what follows into one batch after the interval', () => {
    const batches: Buffer[] = [];
    const clock = fakeTimers();
    const batcher = new OutputBatcher((b: OutputBatch) => batches.push(b.bytes), clock.deps);
    batcher.push(Buffer.from('$ '));
    expect(text(batches)).toEqual(['$ ']);
    batcher.push(Buffer.from('a'));
    batcher.push(Buffer.from('b'));
    expect(text(batches)).toEqual(['$ ']);
    expect(clock.timers.map((t) => t.ms)).toEqual([BATCH_INTERVAL_MS]);
    clock.clock.at += BATCH_INTERVAL_MS;
    clock.fire();
    expect(text(batches)).toEqual(['$ ', 'ab']);
    // Quiet again for an interval: the next keystroke's echo goes at once.
    clock.clock.at += BATCH_INTERVAL_MS;
    batcher.push(Buffer.from('x'));
    expect(text(batches)).toEqual(['$ ', 'ab', 'x']);
  });

  it('sends at once when the size cap is reached, and flush sends the rest', () => {
    const batches: Buffer[] = [];
    const clock = fakeTimers();
    const batcher = busyBatcher(batches, clock);
    batcher.push(Buffer.alloc(BATCH_MAX_BYTES - 1, 'x'));
    batcher.push(Buffer.from('yy'));
    expect(batches.map((b) => b.length)).toEqual([BATCH_MAX_BYTES + 1]);
    batcher.push(Buffer.from('tail'));
    batcher.flush();
    expect(text(batches)[1]).toBe('tail');
    batcher.flush();
    expect(batches).toHaveLength(2);
  });

  it('never ends a batch inside a UTF-8 character: the rest of it goes with the next batch', () => {
    const batches: Buffer[] = [];
    const clock = fakeTimers();
    const batcher = busyBatcher(batches, clock);
    const smile = Buffer.from('😀');
    batcher.push(Buffer.concat([Buffer.alloc(BATCH_MAX_BYTES, 'x'), smile.subarray(0, 2)]));
    expect(batches.map((b) => b.length)).toEqual([BATCH_MAX_BYTES]);
    batcher.push(smile.subarray(2));
    clock.fire();
    expect(text(batches)[1]).toBe('😀');
  });

  it('sends an unfinished character after one more interval if nothing completes it', () => {
    const batches: Buffer[] = [];
    const clock = fakeTimers();
    const batcher = busyBatcher(batches, clock);
    batcher.push(Buffer.from([0x41, 0xe2]));
    clock.fire();
    expect(batches.map((b) => [...b])).toEqual([[0x41]]);
    clock.fire();
    expect(batches.map((b) => [...b])).toEqual([[0x41], [0xe2]]);
  });

  it('keeps a batch as the reads it came in, joined only when asked for', () => {
    const got: OutputBatch[] = [];
    const clock = fakeTimers();
    const batcher = new OutputBatcher((b) => got.push(b), clock.deps);
    batcher.push(Buffer.from('>'));
    batcher.push(Buffer.from('first '));
    batcher.push(Buffer.from('second'));
    clock.fire();
    const batch = got[1] as OutputBatch;
    expect(batch.parts.map((p) => p.toString())).toEqual(['first ', 'second']);
    expect(batch.length).toBe(12);
    expect(batch.bytes.toString()).toBe('first second');
    expect(batch.bytes).toBe(batch.bytes);
  });

  it('finds a character whose bytes came in several short reads', () => {
    const batches: Buffer[] = [];
    const clock = fakeTimers();
    const batcher = busyBatcher(batches, clock);
    const smile = Buffer.from('😀');
    batcher.push(Buffer.from('abc'));
    batcher.push(smile.subarray(0, 1));
    batcher.push(smile.subarray(1, 2));
    batcher.push(smile.subarray(2, 3));
    clock.fire();
    expect(text(batches)).toEqual(['abc']);
    batcher.push(smile.subarray(3));
    clock.fire();
    expect(text(batches)).toEqual(['abc', '😀']);
  });
});
