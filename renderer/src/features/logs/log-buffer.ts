import type { LogBatch, LogSource } from '../../../../main/contract';

// The lines a log panel holds: a bounded window over the stream. Beyond MAX_LINES the oldest go
// (counted, and the panel says so); lines main dropped because the page was behind are counted
// too. Mutable on purpose: at 100k+ lines a copy per batch would cost more than the drawing.

export const MAX_LINES = 100_000;
/** Trim in chunks so a full buffer does not shift its arrays on every batch. */
const TRIM_SLACK = 5_000;

export interface LogLine {
  /** Index into the buffer's sources. */
  source: number;
  text: string;
  /** Position in the whole stream (counts dropped lines too), for stable React keys. */
  seq: number;
}

export interface LogBuffer {
  lines: LogLine[];
  sources: LogSource[];
  /** Oldest lines let go to keep within MAX_LINES. */
  trimmed: number;
  /** Lines main left out because the page was behind. */
  skipped: number;
  /** Next line's seq. */
  nextSeq: number;
}

export function emptyBuffer(): LogBuffer {
  return { lines: [], sources: [], trimmed: 0, skipped: 0, nextSeq: 0 };
}

/** Adds a batch in order; returns how many lines it carried (what the page acknowledges). */
export function appendBatch(buffer: LogBuffer, batch: Pick<LogBatch, 'sources' | 'segments' | 'dropped'>, max = MAX_LINES, slack = TRIM_SLACK): number {
  if (batch.sources.length > buffer.sources.length) buffer.sources = batch.sources;
  if (batch.dropped > 0) {
    buffer.skipped += batch.dropped;
    buffer.nextSeq += batch.dropped;
  }
  let count = 0;
  for (const seg of batch.segments) {
    for (const text of seg.lines) buffer.lines.push({ source: seg.source, text, seq: buffer.nextSeq++ });
    count += seg.lines.length;
  }
  if (buffer.lines.length > max + slack) {
    const excess = buffer.lines.length - max;
    buffer.lines.splice(0, excess);
    buffer.trimmed += excess;
  }
  return count;
}

/** "12,345 older lines were dropped" style notes, or none. */
export function bufferNotes(buffer: LogBuffer): string[] {
  const notes: string[] = [];
  if (buffer.trimmed > 0) notes.push(`${buffer.trimmed.toLocaleString('en-US')} older lines dropped to keep the last ${MAX_LINES.toLocaleString('en-US')} (download keeps what is shown).`);
  if (buffer.skipped > 0) notes.push(`${buffer.skipped.toLocaleString('en-US')} lines skipped: the pod printed faster than the window could show them.`);
  return notes;
}

/** The text a download holds: what is shown, pods named when several are interleaved. */
export function downloadText(buffer: LogBuffer, tagged: boolean): string {
  const parts: string[] = [];
  for (const line of buffer.lines) parts.push(tagged ? `[${buffer.sources[line.source]?.pod ?? '?'}] ${line.text}` : line.text);
  return parts.length ? `${parts.join('\n')}\n` : '';
}
