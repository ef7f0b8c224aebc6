import { SerializeAddon } from '@xterm/addon-serialize';
import { Terminal } from '@xterm/headless';

const EMPTY = new Uint8Array(0);

/**
 * What a session's terminal shows, kept in main: every byte the command prints is parsed by
 * xterm.js itself (its headless build, the same parser and buffer as the page's terminal), so main
 * can hand a page the terminal's state instead of the output that produced it. VS Code's pty host
 * keeps a headless xterm per terminal the same way, to restore terminals after a reload.
 *
 * A page that attaches late, or reloads, gets the state (screen, cursor, colours, modes and the
 * scrollback) rather than a raw tail of the output that may start inside an escape sequence; a
 * page that falls behind a fast printer gets the state once it has caught up, instead of the
 * megabytes it could not have drawn anyway (see ViewerPacing). Serialising costs main ~30 ms per
 * 1,000 lines of 120 columns: the state keeps 1,000 lines of history (STATE_HISTORY_LINES), and
 * catch-ups while output keeps coming carry the screen only.
 */
export class ScreenMirror {
  private readonly term: Terminal;
  private readonly serializer = new SerializeAddon();
  private pendingBytes = 0;

  constructor(
    cols: number,
    rows: number,
    readonly scrollback: number,
  ) {
    this.term = new Terminal({ cols, rows, scrollback, allowProposedApi: true });
    this.term.loadAddon(this.serializer as never);
  }

  /** Bytes written and not parsed yet. */
  get pending(): number {
    return this.pendingBytes;
  }

  /** Parses `data` after everything written before it; `parsed` runs right after, in order. */
  write(data: Uint8Array, parsed: () => void): void {
    this.pendingBytes += data.length;
    this.term.write(data, () => {
      this.pendingBytes -= data.length;
      parsed();
    });
  }

  /**
   * Runs `then` once everything written so far is parsed (at once if it is), and before anything
   * written after this call: a snapshot taken in `then` holds exactly the output written before.
   */
  whenParsed(then: () => void): void {
    if (this.pendingBytes === 0) then();
    else this.term.write(EMPTY, then);
  }

  /** Resizes after everything written so far is parsed (that output was printed for the old size). */
  resize(cols: number, rows: number): void {
    this.write(EMPTY, () => this.term.resize(cols, rows));
  }

  get onAlternateScreen(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  get rows(): number {
    return this.term.rows;
  }

  /**
   * Whether plain output now would be text filling the screen top to bottom, scrolling into
   * history: the parser between sequences (not inside a title or other string sequence a read cut
   * in two), the normal screen, no scroll region (the condition for skipping plain output:
   * plain-lines.ts). Neither the parser's state nor the scroll region is in xterm.js's public API;
   * if its internals change, nothing is skipped.
   */
  get scrollsWholeScreen(): boolean {
    if (this.pendingBytes > 0 || this.term.buffer.active.type !== 'normal') return false;
    const core = (this.term as unknown as { _core?: { buffer?: { scrollTop?: unknown; scrollBottom?: unknown }; _inputHandler?: { _parser?: { currentState?: unknown } } } })._core;
    // ParserState.GROUND is 0.
    if (core?._inputHandler?._parser?.currentState !== 0) return false;
    const buffer = core.buffer;
    return buffer?.scrollTop === 0 && buffer.scrollBottom === this.term.rows - 1;
  }

  /**
   * The terminal's state as what a fresh xterm.js writes to show it: the last `scrollback` lines
   * of history (all it keeps, by default), the screen, the cursor and the terminal's modes.
   * `trimmed` when lines the command printed are not in it (they are in the step's log): more
   * history than asked for, or a full scrollback (xterm drops its oldest lines from then on).
   */
  snapshot(scrollback = this.scrollback): { data: string; trimmed: boolean } {
    const data = this.serializer.serialize({ scrollback });
    const history = this.term.buffer.normal.baseY;
    return { data, trimmed: history > scrollback || history >= this.scrollback };
  }

  dispose(): void {
    this.term.dispose();
  }
}
