import type { FromHost, ToHost } from './protocol';
import type { PtyProcess } from './pty-process';

/**
 * Reads are joined into one message at most every COALESCE_MS, or at once when COALESCE_BYTES
 * have gathered (a Linux PTY hands over at most 4 KB per read: one message per read would cost
 * main about as much as reading the PTY itself). The first read after a quiet spell goes at once
 * (a keystroke's echo, a prompt). Main batches again for the pages (output-batcher.ts).
 */
export const COALESCE_MS = 4;
export const COALESCE_BYTES = 64 * 1024;
/**
 * The host stops reading while main has not yet taken this much of what it was sent: a busy
 * main thread slows the command down instead of piling up messages (memory) in between.
 */
export const READ_AHEAD_BYTES = 1024 * 1024;

export interface HostTimers {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  now: () => number;
}

const realTimers: HostTimers = {
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => performance.now(),
};

type Post = (message: FromHost, transfer?: ArrayBuffer[]) => void;

/** One terminal in the PTY host (the worker side): its output to main in few messages, paced by main. */
export class HostedTerminal {
  private parts: Buffer[] = [];
  private size = 0;
  private timer: unknown;
  private lastSentAt = -Infinity;
  private sent = 0;
  private taken = 0;
  /** Main's own pause (its terminal has a lot to parse). */
  private pausedByMain = false;
  private reading = true;
  private ended = false;

  constructor(
    private readonly id: number,
    private readonly pty: PtyProcess,
    private readonly post: Post,
    private readonly timers: HostTimers = realTimers,
  ) {
    // The pid is known before any output can come (it resolves in a microtask; output takes a read).
    void pty.pid.then((pid) => post({ type: 'spawned', id, pid }));
    pty.onData((data) => this.read(data));
    pty.onExit(({ exitCode, signal }) => {
      this.flush();
      this.ended = true;
      post({ type: 'exit', id, exitCode, signal });
    });
  }

  /** A message from main for this terminal. */
  handle(message: Exclude<ToHost, { type: 'spawn' }>): void {
    switch (message.type) {
      case 'write':
        this.pty.write(message.data);
        break;
      case 'resize':
        this.pty.resize(message.cols, message.rows);
        break;
      case 'pause':
      case 'resume':
        this.pausedByMain = message.type === 'pause';
        this.pace();
        break;
      case 'ack':
        this.taken += message.bytes;
        this.pace();
        break;
    }
  }

  /** Bytes sent to main and not yet taken. */
  get ahead(): number {
    return this.sent - this.taken;
  }

  private read(data: Buffer): void {
    if (data.length === 0) return;
    const quiet = this.size === 0 && this.timers.now() - this.lastSentAt >= COALESCE_MS;
    this.parts.push(data);
    this.size += data.length;
    if (quiet || this.size >= COALESCE_BYTES) this.flush();
    else this.timer ??= this.timers.setTimer(() => this.flush(), COALESCE_MS);
  }

  private flush(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimer(this.timer);
      this.timer = undefined;
    }
    if (this.size === 0) return;
    // A buffer of its own (a read may sit in Node's shared pool), handed over without a copy.
    const data = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      data.set(part, at);
      at += part.length;
    }
    this.parts = [];
    this.size = 0;
    this.sent += data.length;
    this.lastSentAt = this.timers.now();
    this.post({ type: 'data', id: this.id, data }, [data.buffer]);
    this.pace();
  }

  private pace(): void {
    const read = !this.pausedByMain && this.ahead < READ_AHEAD_BYTES;
    // An ended PTY is neither paused nor resumed.
    if (read === this.reading || this.ended) return;
    this.reading = read;
    if (read) this.pty.resume();
    else this.pty.pause();
  }
}
