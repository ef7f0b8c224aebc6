import { createAckBatcher, type AckBatcher } from './ack-batcher';

/**
 * Routes `terminal.output` to the one view showing each session, and acknowledges every session's
 * output so main never stalls a PTY that nobody is looking at (an install step runs on while the
 * person reads another step's output or another screen). A shown session is acknowledged once
 * xterm has parsed the chunk (the sink calls `parsed`); an unshown one at once.
 */
export type OutputSink = (data: string, parsed: () => void) => void;

export interface OutputFlowDeps {
  onOutput(listener: (chunk: { sessionId: string; data: string }) => void): () => void;
  ack(sessionId: string, chars: number): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface OutputFlow {
  /** Shows a session's live output in `sink`; returns the detach function. */
  attach(sessionId: string, sink: OutputSink): () => void;
  stop(): void;
}

export function createOutputFlow(deps: OutputFlowDeps): OutputFlow {
  const sinks = new Map<string, OutputSink>();
  const batchers = new Map<string, AckBatcher>();
  const batcherFor = (sessionId: string) => {
    let batcher = batchers.get(sessionId);
    if (!batcher) {
      batcher = createAckBatcher({
        send: (chars) => deps.ack(sessionId, chars),
        setTimer: deps.setTimer,
        clearTimer: (h) => {
          deps.clearTimer(h);
        },
      });
      batchers.set(sessionId, batcher);
    }
    return batcher;
  };
  const unsubscribe = deps.onOutput(({ sessionId, data }) => {
    const batcher = batcherFor(sessionId);
    const sink = sinks.get(sessionId);
    if (sink) sink(data, () => batcher.add(data.length));
    else batcher.add(data.length);
  });
  return {
    attach(sessionId, sink) {
      // Chunks handed to this sink and not parsed yet: acknowledged on detach, because a disposed
      // xterm never calls its write callbacks and main would wait for them for ever.
      const unparsed = new Set<{ chars: number }>();
      const tracked: OutputSink = (data, parsed) => {
        const chunk = { chars: data.length };
        unparsed.add(chunk);
        sink(data, () => {
          if (unparsed.delete(chunk)) parsed();
        });
      };
      sinks.set(sessionId, tracked);
      return () => {
        if (sinks.get(sessionId) === tracked) sinks.delete(sessionId);
        const batcher = batcherFor(sessionId);
        for (const chunk of unparsed) batcher.add(chunk.chars);
        unparsed.clear();
        batcher.flush();
      };
    },
    stop() {
      unsubscribe();
      for (const batcher of batchers.values()) batcher.flush();
      sinks.clear();
    },
  };
}
