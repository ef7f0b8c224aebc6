import type { PtySpawnOptions } from './protocol';

export interface PtyExit {
  exitCode: number;
  /** The signal's number, when a signal ended the process. */
  signal?: number;
}

/**
 * One command in a pseudo-terminal, as TerminalSession uses it: whether node-pty runs on this
 * thread (thread-pty.ts) or in the PTY host's worker (pty-host.ts). Output is bytes.
 */
export interface PtyProcess {
  /** The command's process id, once it has started (rejects if it could not start). */
  readonly pid: Promise<number>;
  /** Output, in order; all of it comes before the exit. */
  onData(listener: (data: Buffer) => void): void;
  onExit(listener: (exit: PtyExit) => void): void;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Stop reading the PTY (the command blocks once its terminal's buffer is full) / read again. */
  pause(): void;
  resume(): void;
}

export type SpawnPty = (file: string, args: string[], options: PtySpawnOptions) => PtyProcess;
