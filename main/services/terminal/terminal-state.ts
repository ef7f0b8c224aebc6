import { afterLineEnd, plainLineEnds } from './plain-lines';
import { ScreenMirror } from './screen-mirror';

/** Above this much held output, it is parsed whatever else happens (a bound on memory). */
const HELD_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * A session's terminal state in main (ScreenMirror), fed with the session's output batches, and
 * cheap during a flood: plain output (plain-lines.ts) is held rather than parsed, and of held
 * output only the last lines that can still show are ever parsed. A terminal keeps `scrollback`
 * lines of history plus the screen; once more line ends than that plus one more screenful have
 * followed a line (the extra screenful covers rows the cursor reaches without scrolling), that line
 * and everything before it are gone from any terminal that parsed them, so main drops them
 * unparsed. `cat` of a 100 MB log costs main the parsing of a few hundred KB per catch-up instead
 * of 100 MB. Held output is parsed when something else comes, and whenever the state is read
 * (`settled`).
 */
export class TerminalState {
  private readonly mirror: ScreenMirror;
  private held: Array<{ data: Uint8Array; lines: number }> = [];
  private heldLines = 0;
  private heldBytes = 0;
  private dropQueued = false;
  /** Bytes dropped unparsed (for the throughput bench). */
  skipped = 0;

  constructor(cols: number, rows: number, scrollback: number) {
    this.mirror = new ScreenMirror(cols, rows, scrollback);
  }

  /** Bytes handed to the parser and not parsed yet (what reading the PTY waits on). */
  get pending(): number {
    return this.mirror.pending;
  }

  /** A batch of output, as the reads it came in (held or parsed read by read). */
  push(parts: readonly Uint8Array[]): void {
    let held = false;
    for (const data of parts) {
      const lines = plainLineEnds(data);
      if (lines === undefined) {
        this.flush();
        this.mirror.write(data, noop);
        held = false;
        continue;
      }
      this.held.push({ data, lines });
      this.heldLines += lines;
      this.heldBytes += data.length;
      held = true;
    }
    if (!held) return;
    if (this.mirror.scrollsWholeScreen) this.dropUnseen();
    else if (!this.dropQueued && this.mirror.pending > 0) {
      // Output just before this is being parsed: look again once it is (a flood after a prompt).
      this.dropQueued = true;
      this.mirror.whenParsed(() => {
        this.dropQueued = false;
        if (this.held.length > 0 && this.mirror.scrollsWholeScreen) this.dropUnseen();
      });
    }
    if (this.heldBytes > HELD_LIMIT_BYTES) this.flush();
  }

  /**
   * Runs `then` once the state includes every batch pushed so far, in the parser's callback: a
   * snapshot taken there matches exactly that output (batches pushed later are parsed after).
   */
  settled(then: () => void): void {
    this.flush();
    this.mirror.whenParsed(then);
  }

  snapshot(scrollback?: number): { data: string; trimmed: boolean } {
    return this.mirror.snapshot(scrollback);
  }

  /** Whether the terminal shows its alternate screen (a full-screen program), as of what is parsed. */
  get onAlternateScreen(): boolean {
    return this.mirror.onAlternateScreen;
  }

  resize(cols: number, rows: number): void {
    this.flush();
    this.mirror.resize(cols, rows);
  }

  dispose(): void {
    this.held = [];
    this.mirror.dispose();
  }

  /** Drops held lines that cannot show any more (see the class comment). */
  private dropUnseen(): void {
    const keep = this.mirror.scrollback + 2 * this.mirror.rows;
    while (this.held.length > 1 && this.heldLines - (this.held[0] as { lines: number }).lines >= keep) {
      const first = this.held.shift() as { data: Uint8Array; lines: number };
      this.heldLines -= first.lines;
      this.heldBytes -= first.data.length;
      this.skipped += first.data.length;
    }
    const first = this.held[0];
    const excess = this.heldLines - keep;
    if (!first || excess <= 0) return;
    const cut = afterLineEnd(first.data, excess);
    if (cut <= 0) return;
    first.data = first.data.subarray(cut);
    first.lines -= excess;
    this.heldLines -= excess;
    this.heldBytes -= cut;
    this.skipped += cut;
  }

  private flush(): void {
    if (this.held.length === 0) return;
    for (const { data } of this.held) this.mirror.write(data, noop);
    this.held = [];
    this.heldLines = 0;
    this.heldBytes = 0;
  }
}

const noop = () => undefined;
