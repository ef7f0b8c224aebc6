import type { Terminal } from '@xterm/xterm';

/**
 * xterm.js 6 shows its scrollbar whenever the content scrolls and hides it 500 ms after the last
 * scroll. It does that by cancelling and re-arming a browser timer on every scroll, and while a
 * terminal fills its scrollback every line a command prints is a scroll: in the throughput bench
 * the page spent more time in setTimeout/clearTimeout (~0.7 s per 100 MB) than in parsing and
 * drawing together (upstream: xtermjs/xterm.js#6102, #6106, open in 6.1 betas too).
 *
 * This gives the terminal's hide timer the same behaviour with one browser timer: a scroll only
 * moves the deadline, and the timer, when it fires early, waits out the rest. Reaches into
 * xterm.js internals (the viewport's scrollable element and its TimeoutTimer); where they are not
 * as expected (another xterm.js version), nothing is changed and `false` is returned.
 */
interface XtermTimeoutTimer {
  _token: unknown;
  _isDisposed: boolean;
  cancelAndSet: (runner: () => void, ms: number) => void;
}

export function debounceScrollbarHide(term: Terminal, now: () => number = () => performance.now()): boolean {
  const core = (term as unknown as { _core?: { _viewport?: { _scrollableElement?: { _hideTimeout?: unknown } } } })._core;
  const timer = core?._viewport?._scrollableElement?._hideTimeout as XtermTimeoutTimer | undefined;
  if (!timer || typeof timer.cancelAndSet !== 'function' || !('_token' in timer) || !('_isDisposed' in timer)) return false;
  let due = 0;
  let runner: () => void = () => undefined;
  // TimeoutTimer's own protocol: `_token` is the browser timer, -1 when none (its cancel() and dispose() read it).
  const fire = () => {
    timer._token = -1;
    const left = due - now();
    if (left > 1) timer._token = setTimeout(fire, left);
    else runner();
  };
  timer.cancelAndSet = (next, ms) => {
    if (timer._isDisposed) return;
    runner = next;
    due = now() + ms;
    if (timer._token === -1) timer._token = setTimeout(fire, ms);
  };
  return true;
}
