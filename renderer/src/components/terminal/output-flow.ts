import { createAckBatcher, type AckBatcher } from './ack-batcher';

/**
 * A page's side of terminal sessions: attaching shows a session (main answers with its terminal's
 * state, then sends this page each batch of output that follows), and every batch is
 * acknowledged once the view has parsed it (the sink calls `parsed`), which is what paces this
 * page's output in main (a page far behind gets the terminal's state instead: `replace`).
 * Detaching stops both; chunks the view never parsed are acknowledged then, because a disposed
 * xterm never calls its write callbacks.
 */
export type OutputSink = (data: Uint8Array, parsed: () => void) => void;

export interface SessionView {
  /** The session's terminal state when this page attached (see `terminal.attach`). */
  replay(data: string, truncated: boolean): void;
  /** Each batch after it, in order. */
  output: OutputSink;
  /** The terminal's state, to show in place of everything so far (this page fell behind a fast printer). */
  replace(data: Uint8Array, parsed: () => void, kind: 'all' | 'screen'): void;
  /** Attaching failed (the session is gone, the connection dropped): say so in the view. */
  failed(error: unknown): void;
}

export interface OutputFlowDeps {
  onOutput(listener: (chunk: Chunk) => void): () => void;
  attach(sessionId: string): Promise<{ data: string; truncated: boolean }>;
  detach(sessionId: string): void;
  ack(sessionId: string, bytes: number): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface OutputFlow {
  /** Shows a session in `view`; returns the detach function. */
  attach(sessionId: string, view: SessionView): () => void;
  stop(): void;
}

interface Chunk {
  sessionId: string;
  data: Uint8Array;
  replace?: 'all' | 'screen';
}

interface Shown {
  view: SessionView;
  /** Batches that came before the attach answer: they follow the replay, so they wait for it. */
  early: Chunk[] | undefined;
  /** Batches handed to the view and not parsed yet. */
  unparsed: Set<{ bytes: number }>;
}

export function createOutputFlow(deps: OutputFlowDeps): OutputFlow {
  const shown = new Map<string, Shown>();
  const batchers = new Map<string, AckBatcher>();
  const batcherFor = (sessionId: string) => {
    let batcher = batchers.get(sessionId);
    if (!batcher) {
      batcher = createAckBatcher({ send: (bytes) => deps.ack(sessionId, bytes), setTimer: deps.setTimer, clearTimer: deps.clearTimer });
      batchers.set(sessionId, batcher);
    }
    return batcher;
  };
  const deliver = (entry: Shown, { sessionId, data, replace }: Chunk) => {
    const chunk = { bytes: data.length };
    entry.unparsed.add(chunk);
    const parsed = () => {
      if (entry.unparsed.delete(chunk)) batcherFor(sessionId).add(chunk.bytes);
    };
    if (replace) entry.view.replace(data, parsed, replace);
    else entry.view.output(data, parsed);
  };
  const unsubscribe = deps.onOutput((chunk) => {
    const entry = shown.get(chunk.sessionId);
    // Output still in flight after a detach: main no longer counts it, but an ack does no harm.
    if (!entry) batcherFor(chunk.sessionId).add(chunk.data.length);
    else if (entry.early) entry.early.push(chunk);
    else deliver(entry, chunk);
  });
  return {
    attach(sessionId, view) {
      const entry: Shown = { view, early: [], unparsed: new Set() };
      shown.set(sessionId, entry);
      const current = () => shown.get(sessionId) === entry;
      const goLive = () => {
        const early = entry.early ?? [];
        entry.early = undefined;
        for (const chunk of early) deliver(entry, chunk);
      };
      deps.attach(sessionId).then(
        ({ data, truncated }) => {
          if (!current()) return;
          view.replay(data, truncated);
          goLive();
        },
        (error: unknown) => {
          if (!current()) return;
          view.failed(error);
          goLive();
        },
      );
      return () => {
        const batcher = batcherFor(sessionId);
        for (const chunk of entry.unparsed) batcher.add(chunk.bytes);
        entry.unparsed.clear();
        for (const chunk of entry.early ?? []) batcher.add(chunk.data.length);
        entry.early = undefined;
        batcher.flush();
        // A newer view of the same session keeps the attachment.
        if (current()) {
          shown.delete(sessionId);
          deps.detach(sessionId);
        }
      };
    },
    stop() {
      unsubscribe();
      for (const batcher of batchers.values()) batcher.flush();
      shown.clear();
    },
  };
}
