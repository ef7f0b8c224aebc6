import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { spawn, type IPty } from 'node-pty';
import { ExitMarkerScanner, withExitHandshake } from './exit-handshake';
import { OutputBatcher, type OutputBatch } from './output-batcher';
import { killTree, listProcesses } from './process-tree';
import { TerminalState } from './terminal-state';
import { TypedEcho } from './typed-echo';
import { ViewerPacing } from './viewer-pacing';

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
  /** Lines of history in the terminal's state (STATE_HISTORY_LINES unless a test says otherwise). */
  scrollback?: number;
}

export interface SessionListeners {
  /**
   * Output for one attached page: a batch as the command printed it, or (`replace`) the
   * terminal's state, which replaces what the page shows (it fell behind; see ViewerPacing):
   * `all` of it, or the `screen` only.
   */
  output: (viewer: string, data: Buffer, replace?: 'all' | 'screen') => void;
  exit: (exit: SessionExit) => void;
}

/**
 * History in the terminal's state main keeps, and so in what a page gets when it attaches or
 * catches up: what the person can read back in the terminal after a reload or a flood (all of it
 * is in the step's log). A page's own terminal keeps 5,000 lines of what it was sent live
 * (create-terminal.ts). Kept at 1,000 because main's share of a flood grows with it: the last
 * lines that can still show are parsed at each catch-up (TerminalState), and serialising 1,000
 * lines takes ~35 ms where 5,000 take ~160.
 */
export const STATE_HISTORY_LINES = 1_000;
/**
 * While output keeps coming, a catch-up carries the screen only (~0.3 ms to serialise instead of
 * ~35 ms, and the page rebuilds 40 lines instead of 1,040); once no output came for this long,
 * pages last caught up that way get the recent history too ("settled").
 */
export const SETTLE_AFTER_MS = 100;
/**
 * The PTY is paused while main's terminal state (TerminalState) has this much to parse, and
 * resumed once it has parsed it: the command runs at the pace of parsing, never of a page.
 */
export const PARSE_PAUSE_BYTES = 1024 * 1024;

function signalName(signal: number | undefined): string | null {
  if (!signal) return null;
  const entry = Object.entries(constants.signals).find(([, value]) => value === signal);
  return entry ? entry[0] : String(signal);
}

/**
 * One command running in a pseudo-terminal: batched output, kept as terminal state in main
 * (TerminalState) and paced per page (ViewerPacing), typed input, resize, and a kill that takes its
 * whole process tree. Output stays bytes on its way to the pages (xterm.js decodes UTF-8 itself); it
 * is decoded here only for the listeners that read it as text (the step's log and output checks),
 * which get every byte whatever the pages do.
 */
export class TerminalSession {
  readonly id: string;
  readonly pid: number;
  readonly exited: Promise<SessionExit>;
  private readonly pty: IPty;
  private readonly state: TerminalState;
  private readonly pacing: ViewerPacing;
  private readonly batcher: OutputBatcher;
  private readonly dataListeners = new Set<(data: string) => void>();
  /** Decodes for the listeners only (a character may be split between reads). */
  private readonly decoder = new StringDecoder('utf8');
  private readonly typedEcho = new TypedEcho();
  private readonly marker: ExitMarkerScanner | undefined;
  private exitInfo: SessionExit | undefined;
  /** The process has ended (its last output may still be on its way to the pages). */
  private ptyExited = false;
  /** After the end: the terminal's last state, for pages that attach later (main's terminal is gone). */
  private finalState: { data: string; trimmed: boolean } | undefined;
  private paused = false;
  /** Pages whose last catch-up held the screen only: they get the history once the output settles. */
  private readonly unsettled = new Set<string>();
  /**
   * Pages waiting for the terminal's state (a catch-up, an attach) until main has parsed what
   * came before: the batches that come meanwhile, which the state will not hold, go to them after it.
   */
  private readonly waiting = new Map<string, OutputBatch[]>();
  private settleTimer: NodeJS.Timeout | undefined;
  private lastOutputAt = -Infinity;
  private killing: Promise<void> | undefined;
  private markerSeen = false;

  constructor(
    private readonly options: SessionOptions,
    private readonly listeners: SessionListeners,
  ) {
    this.id = options.id;
    const cols = options.cols ?? 100;
    const rows = options.rows ?? 30;
    this.state = new TerminalState(cols, rows, options.scrollback ?? STATE_HISTORY_LINES);
    this.pacing = new ViewerPacing({
      catchUp: (viewer) => this.catchUp(viewer),
      now: () => performance.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    });
    this.batcher = new OutputBatcher((data) => this.take(data));
    const argv = options.completeOutput ? withExitHandshake([options.file, ...options.args]) : [options.file, ...options.args];
    this.marker = options.completeOutput ? new ExitMarkerScanner() : undefined;
    this.pty = spawn(argv[0] as string, argv.slice(1), {
      name: options.env.TERM ?? 'xterm-256color',
      cols,
      rows,
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
        this.ptyExited = true;
        if (this.marker) this.forward(this.marker.flush());
        this.batcher.flush(true);
        const sig = signalName(signal);
        const exit = sig ? { exitCode: null, signal: sig } : { exitCode: this.marker?.exitCode ?? exitCode, signal: null };
        // The end is told after the last output: pages still behind get the final state first.
        this.state.settled(() => {
          clearTimeout(this.settleTimer);
          // Pages waiting for a state were answered by now (their waits came first).
          for (const viewer of new Set([...this.pacing.behind(), ...this.unsettled])) this.sendState(viewer, true);
          this.exitInfo = exit;
          this.listeners.exit(exit);
          resolve(exit);
          // Kept for pages that attach later; main's terminal goes (up to ~150 ms to serialise a
          // full history: after the end is told, not before).
          this.finalState = this.state.snapshot();
          this.state.dispose();
        });
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
    return !this.ptyExited;
  }

  /** Whether reading the PTY waits for main's terminal to parse what it has (never for a page). */
  get isPaused(): boolean {
    return this.paused;
  }

  /** The most any attached page is behind, in bytes sent and not acknowledged. */
  get unacknowledged(): number {
    return this.pacing.unacknowledged;
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
    this.state.resize(cols, rows);
    return true;
  }

  /** Bytes a page has parsed. */
  ack(viewer: string, bytes: number): void {
    this.pacing.acked(viewer, bytes);
  }

  /**
   * A page starts showing the session: it gets the terminal's state (screen and history: what its
   * own terminal would hold had it shown the session from the start), then every batch after it
   * (the `output` listener); its acknowledgements count from here. `truncated`: the start of the
   * output is not in that history (it is in the step's log).
   */
  attach(viewer: string): Promise<{ data: string; truncated: boolean }> {
    if (this.finalState) return Promise.resolve({ data: this.finalState.data, truncated: this.finalState.trimmed });
    this.pacing.attach(viewer);
    // Batches that come before the state is ready reach this page after it: nothing twice, nothing missed.
    this.waiting.set(viewer, []);
    return new Promise((resolve) => {
      this.state.settled(() => {
        const { data, trimmed } = this.state.snapshot();
        resolve({ data, truncated: trimmed });
        this.sendWaiting(viewer);
      });
    });
  }

  /** A page stops showing the session (view unmounted, window closed). */
  detach(viewer: string): void {
    this.pacing.detach(viewer);
    this.unsettled.delete(viewer);
    this.waiting.delete(viewer);
  }

  get viewers(): number {
    return this.pacing.count;
  }

  /** Kills the whole process tree (SIGTERM, then SIGKILL after the grace period). Idempotent. */
  kill(): Promise<void> {
    if (!this.isRunning) return Promise.resolve();
    // A paused PTY cannot drain, and a process blocked on a full terminal may not see SIGTERM promptly.
    this.setPaused(false);
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

  /** A batch: into main's terminal state, and to each page that takes it now (joined only then). */
  private take(batch: OutputBatch): void {
    this.state.push(batch.parts);
    this.lastOutputAt = performance.now();
    for (const viewer of this.pacing.ids()) {
      const waiting = this.waiting.get(viewer);
      if (waiting) waiting.push(batch);
      else if (this.pacing.takes(viewer, batch.length)) this.listeners.output(viewer, batch.bytes);
    }
    if (!this.paused && this.state.pending > PARSE_PAUSE_BYTES) {
      this.setPaused(true);
      this.state.settled(() => this.setPaused(false));
    }
  }

  /**
   * The page is ready for more, after skipping batches: the terminal's state replaces what it
   * shows, once main has parsed what came before. While output keeps coming, the screen only
   * (see SETTLE_AFTER_MS).
   */
  private catchUp(viewer: string, settled = performance.now() - this.lastOutputAt >= SETTLE_AFTER_MS): void {
    // Once the process has ended, every page behind or caught up with the screen only gets the
    // final state (and after it main's terminal is gone): no catch-up after it.
    if (this.waiting.has(viewer) || this.ptyExited) return;
    this.waiting.set(viewer, []);
    this.state.settled(() => this.sendState(viewer, settled));
  }

  /** Sends the state now (main has parsed everything so far), then the batches the page waited for. */
  private sendState(viewer: string, settled: boolean): void {
    if (this.pacing.ids().includes(viewer)) {
      // The screen only while output keeps coming, unless on the alternate screen (the page may
      // not be: the history must then be rebuilt too).
      const all = settled || this.state.onAlternateScreen;
      const { data } = this.state.snapshot(all ? undefined : 0);
      if (settled) this.unsettled.delete(viewer);
      else {
        this.unsettled.add(viewer);
        this.armSettle();
      }
      const bytes = Buffer.from(data, 'utf8');
      this.pacing.caughtUp(viewer, bytes.length);
      this.listeners.output(viewer, bytes, all ? 'all' : 'screen');
    }
    this.sendWaiting(viewer);
  }

  private sendWaiting(viewer: string): void {
    const batches = this.waiting.get(viewer) ?? [];
    this.waiting.delete(viewer);
    for (const batch of batches) if (this.pacing.takes(viewer, batch.length)) this.listeners.output(viewer, batch.bytes);
  }

  /** Checks every SETTLE_AFTER_MS (while some page is unsettled) whether the output has gone quiet. */
  private armSettle(): void {
    this.settleTimer ??= setTimeout(() => this.settle(), SETTLE_AFTER_MS).unref();
  }

  /** No output for SETTLE_AFTER_MS: pages caught up with the screen only get the history too. */
  private settle(): void {
    this.settleTimer = undefined;
    if (performance.now() - this.lastOutputAt < SETTLE_AFTER_MS) {
      this.armSettle();
      return;
    }
    // A page still behind gets its (settled) catch-up when it acknowledges.
    const behind = this.pacing.behind();
    for (const viewer of [...this.unsettled]) if (!behind.includes(viewer)) this.catchUp(viewer, true);
  }

  /** Bytes of output main dropped unparsed (plain lines no terminal could still show: see TerminalState). */
  get skippedBytes(): number {
    return this.state.skipped;
  }

  private setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    // An ended PTY is neither paused nor resumed (a resume can come from a parse finishing late).
    if (this.ptyExited) return;
    if (paused) this.pty.pause();
    else this.pty.resume();
  }
}
