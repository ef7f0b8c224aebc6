/**
 * Acknowledgement-based flow control for one terminal session (after VS Code's
 * `FlowControlConstants`). Main counts characters sent to the page and not yet acknowledged; the
 * page acknowledges each batch, in full, from xterm's write callback once it has parsed it.
 *
 * Invariant: the page acknowledges every character it receives, in pieces no larger than
 * LOW_WATERMARK_CHARS, so the unacknowledged count always falls below LOW_WATERMARK_CHARS again and
 * a paused PTY always resumes. (Our page acks each batch whole, and batches are at most
 * BATCH_MAX_CHARS <= HIGH_WATERMARK_CHARS, so the count reaches 0.)
 */
export const HIGH_WATERMARK_CHARS = 1_000_000;
export const LOW_WATERMARK_CHARS = 250_000;
/**
 * A paused session whose pages send no acknowledgement for this long is taken as unwatched (the
 * person switched to another screen and no terminal view is mounted) and runs on uncounted until
 * the next acknowledgement: an install must never stall because nobody is looking at it.
 */
export const UNWATCHED_AFTER_MS = 3_000;

export type FlowAction = 'pause' | 'resume' | 'none';

export class FlowControl {
  private unacked = 0;
  private paused = false;

  /** Characters handed to the page; says whether the producer must pause now. */
  sent(chars: number): FlowAction {
    this.unacked += chars;
    if (!this.paused && this.unacked > HIGH_WATERMARK_CHARS) {
      this.paused = true;
      return 'pause';
    }
    return 'none';
  }

  /** Characters the page has parsed; says whether the producer may resume now. */
  acked(chars: number): FlowAction {
    this.unacked = Math.max(0, this.unacked - chars);
    return this.maybeResume();
  }

  /** Forget what is outstanding: nobody is listening any more (page reloaded, no client attached). */
  reset(): FlowAction {
    this.unacked = 0;
    return this.maybeResume();
  }

  get unacknowledged(): number {
    return this.unacked;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  private maybeResume(): FlowAction {
    if (this.paused && this.unacked < LOW_WATERMARK_CHARS) {
      this.paused = false;
      return 'resume';
    }
    return 'none';
  }
}
