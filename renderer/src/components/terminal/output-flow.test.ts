import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutputFlow, type SessionView } from './output-flow';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

function setup() {
  let emit: (chunk: { sessionId: string; data: Uint8Array; replace?: 'all' | 'screen' }) => void = () => undefined;
  const acks: Array<[string, number]> = [];
  const calls: string[] = [];
  const answers = new Map<string, { resolve: (r: { data: string; truncated: boolean }) => void; reject: (e: Error) => void }>();
  const flow = createOutputFlow({
    onOutput: (listener) => {
      emit = listener;
      return () => {
        emit = () => undefined;
      };
    },
    attach: (sessionId) => {
      calls.push(`attach ${sessionId}`);
      return new Promise((resolve, reject) => answers.set(sessionId, { resolve, reject }));
    },
    detach: (sessionId) => void calls.push(`detach ${sessionId}`),
    ack: (sessionId, n) => acks.push([sessionId, n]),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as never),
  });
  return {
    flow,
    acks,
    calls,
    emit: (sessionId: string, data: string) => emit({ sessionId, data: bytes(data) }),
    emitState: (sessionId: string, data: string, kind: 'all' | 'screen' = 'all') => emit({ sessionId, data: bytes(data), replace: kind }),
    answer: async (sessionId: string, data = '', truncated = false) => {
      answers.get(sessionId)?.resolve({ data, truncated });
      await Promise.resolve();
    },
    refuse: async (sessionId: string) => {
      answers.get(sessionId)?.reject(new Error('No terminal session'));
      await Promise.resolve();
    },
  };
}

/** A view that records what it is shown and holds each chunk's `parsed` for the test to call. */
function recordingView() {
  const shown: string[] = [];
  const parsed: Array<() => void> = [];
  const view: SessionView = {
    replay: (data, truncated) => void shown.push(`replay:${data}${truncated ? ' (truncated)' : ''}`),
    output: (data, done) => {
      shown.push(text(data));
      parsed.push(done);
    },
    replace: (data, done, kind) => {
      shown.push(`replace ${kind}:${text(data)}`);
      parsed.push(done);
    },
    failed: (error) => void shown.push(`failed:${(error as Error).message}`),
  };
  return { view, shown, parsed };
}

describe('createOutputFlow', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('attaches, shows the replay first and output that came before the answer after it', async () => {
    const { flow, emit, answer, calls } = setup();
    const { view, shown } = recordingView();
    flow.attach('a', view);
    expect(calls).toEqual(['attach a']);
    emit('a', 'live');
    expect(shown).toEqual([]);
    await answer('a', 'earlier', true);
    expect(shown).toEqual(['replay:earlier (truncated)', 'live']);
  });

  it('acknowledges a chunk only after the view has parsed it, in bytes', async () => {
    const { flow, emit, answer, acks } = setup();
    const { view, parsed } = recordingView();
    flow.attach('a', view);
    await answer('a');
    emit('a', 'héllo');
    vi.advanceTimersByTime(100);
    expect(acks).toEqual([]);
    parsed[0]?.();
    vi.advanceTimersByTime(100);
    expect(acks).toEqual([['a', 6]]);
  });

  it("shows the terminal's state (replace) in order with the batches, and acknowledges it like one", async () => {
    const { flow, emit, emitState, answer, acks } = setup();
    const { view, shown, parsed } = recordingView();
    flow.attach('a', view);
    emit('a', 'early');
    emitState('a', 'STATE');
    await answer('a', 'first');
    emit('a', 'after');
    emitState('a', 'SCREEN', 'screen');
    expect(shown).toEqual(['replay:first', 'early', 'replace all:STATE', 'after', 'replace screen:SCREEN']);
    for (const done of parsed) done();
    vi.advanceTimersByTime(100);
    expect(acks).toEqual([['a', 5 + 5 + 5 + 6]]);
  });

  it('says when attaching failed, and still shows what comes', async () => {
    const { flow, emit, refuse } = setup();
    const { view, shown } = recordingView();
    flow.attach('a', view);
    emit('a', 'x');
    await refuse('a');
    expect(shown).toEqual(['failed:No terminal session', 'x']);
  });

  it('on detach: tells main, and acknowledges what the view never parsed (a disposed xterm never will)', async () => {
    const { flow, emit, answer, acks, calls } = setup();
    const { view, parsed } = recordingView();
    const detach = flow.attach('a', view);
    await answer('a');
    emit('a', 'lost');
    detach();
    expect(calls).toEqual(['attach a', 'detach a']);
    expect(acks).toEqual([['a', 4]]);
    // Parsed after all: not acknowledged twice.
    parsed[0]?.();
    // Output still in flight after the detach is acknowledged, not shown.
    emit('a', 'xyz');
    vi.advanceTimersByTime(100);
    expect(acks).toEqual([
      ['a', 4],
      ['a', 3],
    ]);
  });

  it('a stale detach neither removes a newer view of the same session nor detaches it in main', async () => {
    const { flow, emit, answer, calls } = setup();
    const first = recordingView();
    const second = recordingView();
    const detachFirst = flow.attach('a', first.view);
    flow.attach('a', second.view);
    await answer('a');
    detachFirst();
    emit('a', 'data');
    expect(first.shown).toEqual([]);
    expect(second.shown).toEqual(['replay:', 'data']);
    expect(calls).toEqual(['attach a', 'attach a']);
  });

  it('stop() unsubscribes', async () => {
    const { flow, emit, answer, acks } = setup();
    const { view, shown } = recordingView();
    flow.attach('a', view);
    await answer('a');
    flow.stop();
    emit('a', 'after');
    vi.advanceTimersByTime(100);
    expect(shown).toEqual(['replay:']);
    expect(acks).toEqual([]);
  });
});
