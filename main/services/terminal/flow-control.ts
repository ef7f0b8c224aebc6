/**
 * Acknowledgement-based flow control for one terminal session (after VS Code's
 * `FlowControlConstants`), counted per attached page: main counts, for each page showing the
 * session, the bytes sent to it and not yet acknowledged; a page acknowledges each batch from
 * xterm's write callback once it has parsed it. The slowest page paces the PTY: it is paused while
 * any page is more than HIGH_WATERMARK_BYTES behind and resumes once all are below
 * LOW_WATERMARK_BYTES. A page that detaches (its view unmounted, its window closed) stops counting.
 *
 * Invariant: a page acknowledges every byte it receives, in pieces no larger than
 * LOW_WATERMARK_BYTES, so each count always falls below LOW_WATERMARK_BYTES again and a paused PTY
 * always resumes. (Pages ack each batch whole, and batches are at most BATCH_MAX_BYTES <=
 * LOW_WATERMARK_BYTES, so the count reaches 0.)
 *
 * The window holds four batches: while the page parses one, the next ones are already on the way,
 * so neither side waits for the other. Doubling it with the batches (1 MB / 250 KB / 256 KB
 * batches -> 2 MiB / 512 KiB / 512 KiB batches) cut the page's CPU per byte by ~30% and raised the
 * throughput ~1.8x in test/bench/terminal-throughput.ts (two pairs of 30 MB runs, load ~4): fewer
 * messages, acknowledgements and frames per byte. Doubling again measured no better. What is in
 * flight is parsed even after the person pressed Ctrl+C: at the page's ~10-30 MB/s, 2 MiB is
 * 0.1-0.2 s of output.
 */
export const HIGH_WATERMARK_BYTES = 2 * 1024 * 1024;
export const LOW_WATERMARK_BYTES = 512 * 1024;
/**
 * A paused session whose pages send no acknowledgement for this long is taken as unwatched (the
 * page is hidden, or stuck) and runs on uncounted until the next acknowledgement: an install must
 * never stall because nobody is looking at it.
 */
export const UNWATCHED_AFTER_MS = 3_000;

export type FlowAction = 'pause' | 'resume' | 'none';

export class FlowControl {
  /** Unacknowledged bytes per attached page. */
  private readonly unacked = new Map<string, number>();
  private paused = false;

  /** A page starts showing the session: it counts from 0. */
  attach(viewer: string): void {
    this.unacked.set(viewer, 0);
  }

  /** A page stops showing the session (or went away): it no longer holds the PTY back. */
  detach(viewer: string): FlowAction {
    this.unacked.delete(viewer);
    return this.maybeResume();
  }

  get viewers(): number {
    return this.unacked.size;
  }

  /** Bytes handed to every attached page; says whether the producer must pause now. */
  sent(bytes: number): FlowAction {
    for (const [viewer, count] of this.unacked) this.unacked.set(viewer, count + bytes);
    if (!this.paused && this.unacknowledged > HIGH_WATERMARK_BYTES) {
      this.paused = true;
      return 'pause';
    }
    return 'none';
  }

  /** Bytes a page has parsed; says whether the producer may resume now. */
  acked(viewer: string, bytes: number): FlowAction {
    const count = this.unacked.get(viewer);
    if (count === undefined) return 'none';
    this.unacked.set(viewer, Math.max(0, count - bytes));
    return this.maybeResume();
  }

  /** Forget what is outstanding (nobody is acknowledging; the process is being killed). */
  reset(): FlowAction {
    for (const viewer of this.unacked.keys()) this.unacked.set(viewer, 0);
    return this.maybeResume();
  }

  /** The most any attached page is behind. */
  get unacknowledged(): number {
    let most = 0;
    for (const count of this.unacked.values()) most = Math.max(most, count);
    return most;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  private maybeResume(): FlowAction {
    if (this.paused && this.unacknowledged < LOW_WATERMARK_BYTES) {
      this.paused = false;
      return 'resume';
    }
    return 'none';
  }
}
