import type { IContainer } from 'kubernetes-models/v1/Container';

// A container that prints as fast as it can: `yes [TEXT]`, optionally cut by `head -c BYTES`
// (`sh -c "yes 'some line' | head -c 104857600"`), as a person would write it to flood a log.
// The simulator serves its log at the reader's pace (backpressure), so a slow client is never
// sent more than it reads and a fast one measures its own limit.

export interface Flood {
  /** One line without its newline. */
  line: string;
  /** Total bytes the process prints before it exits; undefined = forever. */
  totalBytes?: number;
}

/** What the kubelet keeps of a container's log before rotating (containerLogMaxSize, 10Mi). */
export const ROTATED_LOG_BYTES = 10 * 1024 * 1024;

export function floodOf(container: IContainer | undefined): Flood | undefined {
  if (!container) return undefined;
  const script = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
  const yes = /(?:^|[\s|;&(])yes(?:\s+('[^']*'|"[^"]*"|[^\s|;&)]+))?/.exec(script);
  if (!yes) return undefined;
  const text = yes[1] ? yes[1].replace(/^['"]|['"]$/g, '') : 'y';
  const head = /head\s+-c\s*(\d+)/.exec(script);
  return head ? { line: text, totalBytes: Number(head[1]) } : { line: text };
}

/** Bytes a flood has printed for a reader that asked for everything (no follow): bounded like a rotated log. */
export function floodHistoryBytes(flood: Flood): number {
  return flood.totalBytes ?? ROTATED_LOG_BYTES;
}

export interface FloodPlan {
  /** Text printed per line, with its newline. */
  unit: string;
  /** Bytes to send; undefined = until the reader goes away. */
  bytes?: number;
  timestamps: boolean;
}

/** What a log request of a flooding container sends: tail and byte limits applied to the lines `yes` printed. */
export function floodPlan(flood: Flood, opts: { follow: boolean; tailLines?: number; limitBytes?: number; timestamps: boolean }): FloodPlan {
  const unit = `${flood.line}\n`;
  const unitBytes = Buffer.byteLength(unit);
  let bytes: number | undefined = opts.follow ? flood.totalBytes : floodHistoryBytes(flood);
  if (opts.tailLines !== undefined) {
    const tail = Math.max(0, opts.tailLines) * unitBytes;
    // A finished or rotated log has a tail; a live follow prints the tail, then keeps going.
    if (bytes !== undefined) bytes = Math.min(bytes, tail);
    else if (!opts.follow) bytes = tail;
  }
  if (opts.limitBytes !== undefined) bytes = Math.min(bytes ?? Infinity, opts.limitBytes);
  return bytes === undefined ? { unit, timestamps: opts.timestamps } : { unit, bytes, timestamps: opts.timestamps };
}
