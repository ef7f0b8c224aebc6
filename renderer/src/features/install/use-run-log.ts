import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { describeError, type ShownError } from './describe-error';
import { stripTerminalCodes } from './strip-terminal-codes';

/** A run's saved log as the page holds it: its end first (main sends half a MiB at a time), earlier parts on request. */
export interface RunLogView {
  /** The text loaded so far, as plain text; null while the first part loads. */
  text: string | null;
  /** The log's size, and how much of it (from its start) is not loaded yet, in bytes. */
  size: number;
  notLoaded: number;
  error: ShownError | null;
  /** Loading an earlier part, and why the last try failed. */
  loadingEarlier: boolean;
  earlierError: ShownError | null;
  loadEarlier(): void;
}

interface Loaded {
  runId: string;
  reading: number;
  text: string | null;
  start: number;
  size: number;
  error: ShownError | null;
  loadingEarlier: boolean;
  earlierError: ShownError | null;
}

/**
 * The log of `runId` (null: none; a new `reading` reads it afresh), from its end: a step that flooded its terminal leaves a
 * log of a hundred MB and more, which the page neither needs at once nor could lay out quickly.
 */
export function useRunLog(runId: string | null, reading = 0): RunLogView {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Shown no more (a dialog closed): forget it, so the next showing reads the log afresh (it may
  // have grown) and says it is loading meanwhile.
  if (runId === null && loaded !== null) setLoaded(null);
  // The answer for another run reads as still loading.
  const current = loaded && loaded.runId === runId && loaded.reading === reading ? loaded : null;

  useEffect(() => {
    if (!runId) return;
    let cancelled = false;
    api.installer.readLog({ runId }).then(
      (part) => !cancelled && setLoaded({ runId, reading, text: stripTerminalCodes(part.text), start: part.start, size: part.size, error: null, loadingEarlier: false, earlierError: null }),
      (e: unknown) => !cancelled && setLoaded({ runId, reading, text: null, start: 0, size: 0, error: describeError(e), loadingEarlier: false, earlierError: null }),
    );
    return () => {
      cancelled = true;
    };
  }, [runId, reading]);

  const loadEarlier = useCallback(() => {
    if (!current || current.start === 0 || current.loadingEarlier) return;
    const { runId: id, reading: at, start } = current;
    const same = (now: Loaded | null): now is Loaded => now !== null && now.runId === id && now.reading === at;
    const update = (change: Partial<Loaded>) => setLoaded((now) => (same(now) ? { ...now, ...change } : now));
    update({ loadingEarlier: true, earlierError: null });
    api.installer.readLog({ runId: id, before: start }).then(
      (part) =>
        setLoaded((now) =>
          // Parts are cut at line starts: the earlier one ends where the loaded text begins.
          same(now) && now.start === start ? { ...now, text: stripTerminalCodes(part.text) + (now.text ?? ''), start: part.start, loadingEarlier: false } : now,
        ),
      (e: unknown) => update({ loadingEarlier: false, earlierError: describeError(e) }),
    );
  }, [current]);

  return {
    text: current?.text ?? null,
    size: current?.size ?? 0,
    notLoaded: current?.start ?? 0,
    error: current?.error ?? null,
    loadingEarlier: current?.loadingEarlier ?? false,
    earlierError: current?.earlierError ?? null,
    loadEarlier,
  };
}
