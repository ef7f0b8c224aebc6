/**
 * How each page showing a session is fed, by acknowledgement (after VS Code's flow control, with
 * its pty host's terminal state): a page acknowledges each batch from xterm's write callback once
 * it has parsed it, and main counts, per page, the bytes sent and not acknowledged yet.
 *
 * A page gets every batch as it comes while it stays within BEHIND_BYTES. A batch that would take
 * it further (a command printing faster than the page can draw: `cat` of a big file, a build log;
 * or one big burst) is not sent: the page gets nothing more until it has parsed all but
 * CAUGHT_UP_BYTES of what it was sent, then main sends it the terminal's state (ScreenMirror) in
 * place of everything it skipped, and live batches again. The command never waits for a page: a
 * slow or hidden page, or one that stopped acknowledging, costs it nothing, and what the page
 * shows after a catch-up is exactly what it would show had it parsed every byte. Catch-ups come at
 * most every CATCH_UP_INTERVAL_MS per page: during a flood the screen moves five times a second
 * (output that fast cannot be read anyway; at 100 ms the page's CPU per 100 MB was 0.5-0.8 s
 * against 0.4-0.6 s in the throughput bench, and main parses the last lines and serialises the
 * screen twice as often). For SKIPPING_FOR_MS after a catch-up the line is
 * SKIPPING_BEHIND_BYTES: while a flood lasts every batch of it is over that line, so the page gets
 * a state every interval and nothing to parse between them (the echo of a keystroke, a prompt,
 * still go live), and its CPU stays free for main and the command (on a 2-core machine they
 * compete).
 *
 * The window is small (128 KiB) because nothing waits on it: a page that keeps up gets everything
 * live, and beyond the window a state (~3 KB for the screen) is far cheaper for the page than the
 * output (xterm.js clones a line for each line that scrolls while its scrollback fills: with a
 * 512 KiB window the page parsed 0.5-1 MB at the start of every flood in the throughput bench).
 */
export const BEHIND_BYTES = 128 * 1024;
export const CAUGHT_UP_BYTES = 64 * 1024;
export const CATCH_UP_INTERVAL_MS = 200;
export const SKIPPING_BEHIND_BYTES = 8 * 1024;
export const SKIPPING_FOR_MS = 1_000;

export interface PacingDeps {
  /** Send `viewer` the terminal's state now (it is then live again: see `caughtUp`). */
  catchUp(viewer: string): void;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

interface Viewer {
  unacked: number;
  behind: boolean;
  lastCatchUpAt: number;
  /** Whether it was caught up since it attached (the attach counts for the interval, not for skipping). */
  caughtUpBefore: boolean;
  timer: unknown;
}

export class ViewerPacing {
  private readonly viewers = new Map<string, Viewer>();

  constructor(private readonly deps: PacingDeps) {}

  /** A page starts showing the session (with its state: see `terminal.attach`); it counts from 0. */
  attach(id: string): void {
    this.detach(id);
    this.viewers.set(id, { unacked: 0, behind: false, lastCatchUpAt: this.deps.now(), caughtUpBefore: false, timer: undefined });
  }

  /** A page stops showing the session (view unmounted, window closed). */
  detach(id: string): void {
    const viewer = this.viewers.get(id);
    if (viewer?.timer !== undefined) this.deps.clearTimer(viewer.timer);
    this.viewers.delete(id);
  }

  get count(): number {
    return this.viewers.size;
  }

  ids(): string[] {
    return [...this.viewers.keys()];
  }

  /**
   * Whether the page `id` takes this batch of `bytes` live (counted if so). False while it is
   * behind, and for a batch that would put it past the line: the batch is skipped for it (a batch
   * can be 512 KiB: the page would parse it all, for a screen the next state replaces anyway), a
   * catch-up follows.
   */
  takes(id: string, bytes: number): boolean {
    const viewer = this.viewers.get(id);
    if (!viewer || viewer.behind) return false;
    const skipping = this.deps.now() - viewer.lastCatchUpAt < SKIPPING_FOR_MS && viewer.caughtUpBefore;
    if (viewer.unacked + bytes > (skipping ? SKIPPING_BEHIND_BYTES : BEHIND_BYTES)) {
      viewer.behind = true;
      // It may have acknowledged everything already: no ack would come to trigger the catch-up.
      this.catchUpWhenReady(id, viewer);
      return false;
    }
    viewer.unacked += bytes;
    return true;
  }

  /** Bytes the page has parsed. */
  acked(id: string, bytes: number): void {
    const viewer = this.viewers.get(id);
    if (!viewer) return;
    viewer.unacked = Math.max(0, viewer.unacked - bytes);
    this.catchUpWhenReady(id, viewer);
  }

  private catchUpWhenReady(id: string, viewer: Viewer): void {
    if (viewer.behind && viewer.unacked <= CAUGHT_UP_BYTES && viewer.timer === undefined) {
      const wait = viewer.lastCatchUpAt + CATCH_UP_INTERVAL_MS - this.deps.now();
      if (wait <= 0) this.deps.catchUp(id);
      else
        viewer.timer = this.deps.setTimer(() => {
          viewer.timer = undefined;
          if (this.viewers.get(id) === viewer && viewer.behind) this.deps.catchUp(id);
        }, wait);
    }
  }

  /** `bytes` of the terminal's state went to the page: it takes live batches from here. */
  caughtUp(id: string, bytes: number): void {
    const viewer = this.viewers.get(id);
    if (!viewer) return;
    if (viewer.timer !== undefined) this.deps.clearTimer(viewer.timer);
    viewer.timer = undefined;
    viewer.behind = false;
    viewer.unacked += bytes;
    viewer.lastCatchUpAt = this.deps.now();
    viewer.caughtUpBefore = true;
  }

  /** Pages waiting for a catch-up (when the session ends they get it at once). */
  behind(): string[] {
    return [...this.viewers].filter(([, viewer]) => viewer.behind).map(([id]) => id);
  }

  /** The most any page is behind, in bytes. */
  get unacknowledged(): number {
    let most = 0;
    for (const viewer of this.viewers.values()) most = Math.max(most, viewer.unacked);
    return most;
  }

}
