/** "just now", "40 s ago", "3 min ago", "2 h ago": how old the report on screen is. */
export function madeAgo(generatedAt: number, now: number): string {
  const s = Math.max(0, Math.round((now - generatedAt) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.floor(m / 60)} h ago`;
}

/** Local wall-clock time of the report, e.g. "15:04:05". */
export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** "in 40 s", "in 3 min", "soon": when the next automatic check-up runs. */
export function untilText(at: number, now: number): string {
  const s = Math.round((at - now) / 1000);
  if (s < 5) return 'soon';
  if (s < 60) return `in ${s} s`;
  return `in ${Math.round(s / 60)} min`;
}
