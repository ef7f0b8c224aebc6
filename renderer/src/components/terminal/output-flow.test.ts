import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutputFlow } from './output-flow';

function setup() {
  let emit: (chunk: { sessionId: string; data: string }) => void = () => undefined;
  const acks: Array<[string, number]> = [];
  const flow = createOutputFlow({
    onOutput: (listener) => {
      emit = listener;
      return () => {
        emit = () => undefined;
      };
    },
    ack: (sessionId, chars) => acks.push([sessionId, chars]),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as never),
  });
  return { flow, acks, emit: (sessionId: string, data: string) => emit({ sessionId, data }) };
}

describe('createOutputFlow', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('acknowledges a session nobody shows, so main never stalls it', () => {
    const { emit, acks } = setup();
    emit('a', 'x'.repeat(3_000));
    emit('a', 'x'.repeat(3_000));
    expect(acks).toEqual([['a', 6_000]]);
  });

  it('acknowledges a shown session only after the sink has parsed the chunk', () => {
    const { flow, emit, acks } = setup();
    const parsedCallbacks: Array<() => void> = [];
    const seen: string[] = [];
    flow.attach('a', (data, parsed) => {
      seen.push(data);
      parsedCallbacks.push(parsed);
    });
    emit('a', 'hello');
    emit('b', 'other');
    vi.advanceTimersByTime(100);
    expect(seen).toEqual(['hello']);
    expect(acks).toEqual([['b', 5]]);
    parsedCallbacks[0]?.();
    vi.advanceTimersByTime(100);
    expect(acks).toEqual([
      ['b', 5],
      ['a', 5],
    ]);
  });

  it('acknowledges chunks the sink never parsed on detach, then acknowledges at once; stop() unsubscribes', () => {
    const { flow, emit, acks } = setup();
    const detach = flow.attach('a', () => undefined);
    emit('a', 'lost');
    expect(acks).toEqual([]);
    detach();
    expect(acks).toEqual([['a', 4]]);
    emit('a', 'xyz');
    vi.advanceTimersByTime(100);
    expect(acks).toEqual([
      ['a', 4],
      ['a', 3],
    ]);
    flow.stop();
    emit('a', 'after');
    vi.advanceTimersByTime(100);
    expect(acks).toHaveLength(2);
  });

  it('a chunk parsed after detach is not acknowledged twice', () => {
    const { flow, emit, acks } = setup();
    let late: (() => void) | undefined;
    const detach = flow.attach('a', (_data, parsed) => {
      late = parsed;
    });
    emit('a', 'abc');
    detach();
    late?.();
    vi.advanceTimersByTime(100);
    expect(acks).toEqual([['a', 3]]);
  });

  it('a stale detach does not remove a newer sink for the same session', () => {
    const { flow, emit } = setup();
    const first = vi.fn();
    const second = vi.fn();
    const detachFirst = flow.attach('a', first);
    flow.attach('a', second);
    detachFirst();
    emit('a', 'data');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('data', expect.any(Function));
  });
});
