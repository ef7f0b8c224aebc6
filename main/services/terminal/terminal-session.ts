import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { spawn, type IPty } from 'node-pty';
import { ExitMarkerScanner, withExitHandshake } from './exit-handshake';
import { FlowControl, UNWATCHED_AFTER_MS, type FlowAction } from './flow-control';
import { OutputBatcher } from './output-batcher';
import { killTree, listProcesses } from './process-tree';
import { ReplayBuffer } from './replay-buffer';
import { TypedEcho } from './typed-echo';

export interface SessionExit {
  exitCode: number | null;
  signal: string | null;
}

export interface SessionOptions {
  id: string;
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  cols?: number;
  rows?: number;
  /** How long a cancelled step gets after SIGTERM before SIGKILL. */
  killGraceMs?: number;
  /**
   * Run under the exit handshake (see exit-handshake.ts) so the tail of the output is never lost.
   * For one-shot commands whose output Berth reads; not for interactive shells.
   */
  completeOutput?: boolean;
  /** See UNWATCHED_AFTER_MS (tests shorten it). */
  unwatchedAfterMs?: number;
}

export interface SessionListeners {
  /** A batch of output for the attached pages (already counted against flow control). */
  output: (data: Buffer) => void;
  exit: (exit: SessionExit) => void;
}

const REPLAY_BYTES = 512 * 1024;

function signalName(signal: number | undefined): string | null {
  if (!signal) return null;
  const entry = Object.entries(constants.signals).find(([, value]) => value === signal);
  return entry ? entry[0] : String(signal);
}

/**
 * One command running in a pseudo-terminal: batched, flow-controlled output, typed input, resize,
 * and a kill that takes its whole process tree. Output stays bytes on its way to the pages (xterm.js
 * decodes UTF-8 itself); it is decoded here only for the listeners that read it as text (the step's
 * log and output checks).
 */
export class TerminalSession {
  readonly id: string;
  readonly pid: number;
  readonly exited: Promise<SessionExit>;
  private readonly pty: IPty;
  private readonly flow = new FlowControl();
  private readonly replayBuffer = new ReplayBuffer(REPLAY_BYTES);
  private readonly batcher: OutputBatcher;
  private readonly dataListeners = new Set<(data: string) => void>();
  /** Decodes for the listeners only (a character may be split between reads). */
  private readonly decoder = new StringDecoder('utf8');
  private readonly typedEcho = new TypedEcho();
  private readonly marker: ExitMarkerScanner | undefined;
  private exitInfo: SessionExit | undefined;
  private killing: Promise<void> | undefined;
  private markerSeen = false;
  /** No page has acknowledged for a while: output is not counted until one does (see UNWATCHED_AFTER_MS). */
  private unwatched = false;
  private lastAckAt = Date.now();
  private unwatchedTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: SessionOptions,
    private readonly listeners: SessionListeners,
  ) {
    this.id = options.id;
    this.batcher = new OutputBatcher((data) => this.deliver(data));
    const argv = options.completeOutput ? withExitHandshake([options.file, ...options.args]) : [options.file, ...options.args];
    this.marker = options.completeOutput ? new ExitMarkerScanner() : undefined;
    this.pty = spawn(argv[0] as string, argv.slice(1), {
      name: options.env.TERM ?? 'xterm-256color',
      cols: options.cols ?? 100,
      rows: options.rows ?? 30,
      cwd: options.cwd,
      env: options.env,
      // Bytes, not text: no decoding and re-encoding of every byte on the way to xterm.js.
      encoding: null,
    });
    this.pid = this.pty.pid;
    // With `encoding: null` node-pty hands over Buffers (its typings say string).
    this.pty.onData((chunk: string | Buffer) => {
      const raw = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      const data = this.marker ? this.marker.scan(raw) : raw;
      if (this.marker?.exitCode !== undefined && !this.markerSeen) {
        this.markerSeen = true;
        // Everything the command printed has been read: let the wrapper exit.
        this.pty.write('\r');
      }
      this.forward(data);
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit(({ exitCode, signal }) => {
        clearTimeout(this.unwatchedTimer);
        if (this.marker) this.forward(this.marker.flush());
        this.batcher.flush(true);
        const sig = signalName(signal);
        this.exitInfo = sig ? { exitCode: null, signal: sig } : { exitCode: this.marker?.exitCode ?? exitCode, signal: null };
        this.listeners.exit(this.exitInfo);
        resolve(this.exitInfo);
      });
    });
  }

  /**
   * Every chunk as it arrives, before batching (for the step's log and its output checks), without
   * the terminal's echo of typed input.
   */
  onData(listener: (data: string) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  get isRunning(): boolean {
    return this.exitInfo === undefined;
  }

  get isPaused(): boolean {
    return this.flow.isPaused;
  }

  get unacknowledged(): number {
    return this.flow.unacknowledged;
  }

  /**
   * What the person typed. It goes to the process only, never to a log or a listener; it is held
   * briefly just to recognise the terminal's echo of it (see TypedEcho).
   */
  write(data: string): boolean {
    if (!this.isRunning) return false;
    if (this.dataListeners.size > 0) this.typedEcho.typed(data);
    this.pty.write(data);
    return true;
  }

  resize(cols: number, rows: number): boolean {
    if (!this.isRunning) return false;
    this.pty.resize(cols, rows);
    return true;
  }

  /** Bytes a page has parsed. */
  ack(viewer: string, bytes: number): void {
    this.lastAckAt = Date.now();
    this.unwatched = false;
    this.apply(this.flow.acked(viewer, bytes));
  }

  get isUnwatched(): boolean {
    return this.unwatched;
  }

  /**
   * A page starts showing the session: it gets the recent output whole, then every batch after it
   * (the `output` listener), and its acknowledgements count from here.
   */
  attach(viewer: string): { data: string; truncated: boolean } {
    this.batcher.flush();
    this.flow.attach(viewer);
    return this.replayBuffer.read();
  }

  /** A page stops showing the session (view unmounted, window closed). */
  detach(viewer: string): void {
    this.apply(this.flow.detach(viewer));
  }

  get viewers(): number {
    return this.flow.viewers;
  }

  /** Kills the whole process tree (SIGTERM, then SIGKILL after the grace period). Idempotent. */
  kill(): Promise<void> {
    if (!this.isRunning) return Promise.resolve();
    // A paused PTY cannot drain, and a process blocked on a full terminal may not see SIGTERM promptly.
    this.apply(this.flow.reset());
    this.killing ??= killTree(this.pid, { listProcesses, exited: this.exited, graceMs: this.options.killGraceMs ?? 2_000 });
    return this.killing;
  }

  private forward(data: Buffer): void {
    if (data.length === 0) return;
    if (this.dataListeners.size > 0) {
      const withoutEcho = this.typedEcho.strip(this.decoder.write(data));
      if (withoutEcho.length > 0) for (const listener of this.dataListeners) listener(withoutEcho);
    }
    this.batcher.push(data);
  }

  private deliver(data: Buffer): void {
    this.replayBuffer.push(data);
    // With no page attached nobody acknowledges: nothing is counted (see FlowControl), so an
    // unwatched step never stalls.
    if (!this.unwatched) this.apply(this.flow.sent(data.length));
    this.listeners.output(data);
  }

  private apply(action: FlowAction): void {
    if (!this.isRunning) return;
    if (action === 'pause') {
      this.pty.pause();
      this.watchForAbandonment();
    } else if (action === 'resume') this.pty.resume();
  }

  private watchForAbandonment(): void {
    clearTimeout(this.unwatchedTimer);
    const limit = this.options.unwatchedAfterMs ?? UNWATCHED_AFTER_MS;
    this.unwatchedTimer = setTimeout(() => {
      if (!this.flow.isPaused || !this.isRunning) return;
      if (Date.now() - this.lastAckAt < limit) return this.watchForAbandonment();
      this.unwatched = true;
      this.apply(this.flow.reset());
    }, limit);
    this.unwatchedTimer.unref();
  }
}
