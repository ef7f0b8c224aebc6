// Search in the shown lines: plain text, case-insensitive (what people type into a log search).

export interface Part {
  text: string;
  match: boolean;
}

/** Splits a line into plain and matching parts, for highlighting. */
export function highlightParts(text: string, query: string): Part[] {
  if (!query) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const parts: Part[] = [];
  let at = 0;
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
    if (i > at) parts.push({ text: text.slice(at, i), match: false });
    parts.push({ text: text.slice(i, i + q.length), match: true });
    at = i + q.length;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), match: false });
  return parts;
}

/** Indexes of the lines that contain the query (up to `limit`). */
export function matchingLines(lines: ReadonlyArray<{ text: string }>, query: string, limit = 100_000): number[] {
  if (!query) return [];
  const q = query.toLowerCase();
  const found: number[] = [];
  for (let i = 0; i < lines.length && found.length < limit; i++) if (lines[i]!.text.toLowerCase().includes(q)) found.push(i);
  return found;
}

/** The match to move to from `current` (wrapping), for Enter / Shift+Enter. */
export function stepMatch(count: number, current: number, forward: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return forward ? 0 : count - 1;
  return (current + (forward ? 1 : -1) + count) % count;
}
