/** How long a step has run, short enough for a step list: `7s`, `1m 05s`, `1h 02m`. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** A step's elapsed time: ticking against `now` while it runs, fixed once it ended, none before it started. */
export function stepElapsed(step: { startedAt?: number | undefined; endedAt?: number | undefined }, now: number): string | undefined {
  if (step.startedAt === undefined) return undefined;
  return formatElapsed((step.endedAt ?? now) - step.startedAt);
}
