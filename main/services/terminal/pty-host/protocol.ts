/**
 * The messages between Berth's main thread and the PTY host (a worker thread that owns every
 * node-pty terminal: see pty-host.ts). Both ends are Berth's own code in one process, so the types
 * are the contract; nothing here crosses to a page.
 */

export interface PtySpawnOptions {
  /** TERM. */
  name: string;
  cols: number;
  rows: number;
  cwd: string;
  env: Record<string, string>;
}

/** Main -> host. */
export type ToHost =
  | { type: 'spawn'; id: number; file: string; args: string[]; options: PtySpawnOptions }
  | { type: 'write'; id: number; data: string }
  | { type: 'resize'; id: number; cols: number; rows: number }
  /** Main's terminal has this much to parse: stop reading (`pause`) or read again (`resume`). */
  | { type: 'pause' | 'resume'; id: number }
  /** Main has taken this many bytes of output (the host reads ahead of main by at most READ_AHEAD_BYTES). */
  | { type: 'ack'; id: number; bytes: number };

/** Host -> main. Output is sent in order and always before the exit. */
export type FromHost =
  | { type: 'spawned'; id: number; pid: number }
  | { type: 'spawn-failed'; id: number; message: string }
  /** Output: several PTY reads joined; the buffer is transferred, not copied. */
  | { type: 'data'; id: number; data: Uint8Array }
  | { type: 'exit'; id: number; exitCode: number; signal: number | undefined };
