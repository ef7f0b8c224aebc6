import { describe, expect, it, vi } from 'vitest';
import { createAckBatcher } from './ack-batcher';

function setup() {
  const sent: number[] = [];
  const batcher = createAckBatcher({ send: (n) => sent.push(n), setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (h) => clearTimeout(h as never) }, 5_000, 50);
  return { sent, batcher };
}

describe('createAckBatcher', () => {
  it('sends one ack per batch of bytes', () => {
    vi.useFakeTimers();
    const { sent, batcher } = setup();
    for (let i = 0; i < 12; i++) batcher.add(1_000);
    expect(sent).toEqual([5_000, 5_000]);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([5_000, 5_000, 2_000]);
    vi.useRealTimers();
  });

  it('flushes the tail of a burst once the output goes idle, and never sends zero', () => {
    vi.useFakeTimers();
    const { sent, batcher } = setup();
    batcher.add(10);
    batcher.add(0);
    vi.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([10]);
    vi.advanceTimersByTime(500);
    batcher.flush();
    expect(sent).toEqual([10]);
    vi.useRealTimers();
  });

  it('sends a large chunk at once and flush() sends what is pending', () => {
    vi.useFakeTimers();
    const { sent, batcher } = setup();
    batcher.add(64_000);
    batcher.add(3);
    batcher.flush();
    expect(sent).toEqual([64_000, 3]);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([64_000, 3]);
    vi.useRealTimers();
  });
});
