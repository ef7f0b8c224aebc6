import { useEffect, useState } from 'react';
import type { LogBatch, LogOptions, LogSourceState, LogTarget } from '../../../../main/contract';
import { api } from '../../api';
import { useConnectionState } from '../../app/use-connection-state';
import { appendBatch, emptyBuffer, type LogBuffer } from './log-buffer';

export interface LogStreamState {
  buffer: LogBuffer;
  /** Bumped once per frame with new lines, so views re-render at most at the frame rate. */
  version: number;
  pods: string[];
  podsLeftOut: number;
  /** Per pod/container: streaming, ended or failed with the API's message. */
  sources: LogSourceState[];
  /** Starting the stream failed (not connected, bad selector). */
  error: string | null;
  starting: boolean;
}

const key = (s: { pod: string; container: string }): string => `${s.pod}/${s.container}`;

/**
 * One log stream for the life of the component (restarted when the request changes). Lines go
 * into a bounded buffer; the view is told once per animation frame, and lines are acknowledged to
 * main in that frame: when the page is too busy to draw, acks lag and main drops lines (counted)
 * instead of piling them up here.
 */
interface Inner extends LogStreamState {
  request: string;
}

function fresh(request: string, buffer: LogBuffer): Inner {
  return { request, buffer, version: 0, pods: [], podsLeftOut: 0, sources: [], error: null, starting: true };
}

const NOTHING_YET = emptyBuffer();

export function useLogStream(target: LogTarget, options: LogOptions): LogStreamState {
  // A stream belongs to the connection that started it (main stops it when the page's connection
  // goes): after a reconnect, start afresh.
  const connected = useConnectionState() === 'open';
  const request = JSON.stringify({ target, options, connected });
  const [state, setState] = useState<Inner>(() => fresh('', NOTHING_YET));

  useEffect(() => {
    const { target: t, options: o, connected: open } = JSON.parse(request) as { target: LogTarget; options: LogOptions; connected: boolean };
    if (!open) return;
    const buffer = emptyBuffer();
    // Every update names this request, so a late event of the previous one never mixes in.
    const update = (change: (s: Inner) => Partial<Inner>): void =>
      setState((prev) => {
        const base = prev.request === request ? prev : fresh(request, buffer);
        return { ...base, ...change(base) };
      });
    let streamId: string | null = null;
    let stopped = false;
    let unacked = 0;
    let frame = 0;
    const early: LogBatch[] = [];
    const earlySources: LogSourceState[] = [];
    const sources = new Map<string, LogSourceState>();

    const draw = (): void => {
      frame = 0;
      if (stopped) return;
      update((s) => ({ version: s.version + 1 }));
      if (streamId && unacked > 0) {
        void api.logs.ack({ streamId, lines: unacked }).catch(() => undefined);
        unacked = 0;
      }
    };
    const take = (batch: LogBatch): void => {
      unacked += appendBatch(buffer, batch);
      frame ||= requestAnimationFrame(draw);
    };
    const noteSource = (s: LogSourceState): void => {
      sources.set(key(s), s);
      update(() => ({ sources: [...sources.values()] }));
    };
    const offBatch = api.on('logs.batch', (batch) => {
      if (stopped) return;
      if (streamId === null) early.push(batch);
      else if (batch.streamId === streamId) take(batch);
    });
    const offSource = api.on('logs.source', (s) => {
      if (stopped) return;
      if (streamId === null) earlySources.push(s);
      else if (s.streamId === streamId) noteSource(s);
    });
    api.logs.start({ target: t, options: o }).then(
      (started) => {
        if (stopped) {
          void api.logs.stop({ streamId: started.streamId }).catch(() => undefined);
          return;
        }
        streamId = started.streamId;
        update(() => ({ pods: started.pods, podsLeftOut: started.podsLeftOut, starting: false }));
        for (const b of early.splice(0)) if (b.streamId === streamId) take(b);
        for (const s of earlySources.splice(0)) if (s.streamId === streamId) noteSource(s);
      },
      (error: unknown) => {
        if (!stopped) update(() => ({ starting: false, error: error instanceof Error ? error.message : String(error) }));
      },
    );
    return () => {
      stopped = true;
      offBatch();
      offSource();
      if (frame) cancelAnimationFrame(frame);
      if (streamId) void api.logs.stop({ streamId }).catch(() => undefined);
    };
  }, [request]);

  const { request: shownFor, ...shown } = state.request === request ? state : fresh(request, NOTHING_YET);
  void shownFor;
  return shown;
}
