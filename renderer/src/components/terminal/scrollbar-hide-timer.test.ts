import type { Terminal } from '@xterm/xterm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounceScrollbarHide } from './scrollbar-hide-timer';

/** xterm.js 6's TimeoutTimer, as its scrollable element uses it (src/vs/base/common/async.ts). */
class TimeoutTimer {
  _isDisposed = false;
  _token: unknown = -1;
  cancel(): void {
    if (this._token !== -1) {
      clearTimeout(this._token as NodeJS.Timeout);
      this._token = -1;
    }
  }
  cancelAndSet(runner: () => void, timeout: number): void {
    this.cancel();
    this._token = setTimeout(() => {
      this._token = -1;
      runner();
    }, timeout);
  }
  dispose(): void {
    this.cancel();
    this._isDisposed = true;
  }
}

const terminalWith = (timer: unknown) => ({ _core: { _viewport: { _scrollableElement: { _hideTimeout: timer } } } }) as unknown as Terminal;

describe('debounceScrollbarHide', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hides 500 ms after the last scroll, as before, with one browser timer however many lines scroll', () => {
    const timer = new TimeoutTimer();
    expect(debounceScrollbarHide(terminalWith(timer), () => Date.now())).toBe(true);
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const hides: number[] = [];
    for (let line = 0; line < 5_000; line++) {
      timer.cancelAndSet(() => hides.push(Date.now()), 500);
      if (line % 50 === 0) vi.advanceTimersByTime(1);
    }
    const lastScroll = Date.now();
    expect(setTimeoutSpy.mock.calls.length).toBeLessThan(5);
    vi.advanceTimersByTime(499);
    expect(hides).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(hides).toEqual([lastScroll + 500]);
  });

  it('still stops with the timer: cancelled or disposed, it does not hide', () => {
    const timer = new TimeoutTimer();
    debounceScrollbarHide(terminalWith(timer), () => Date.now());
    const hides: number[] = [];
    timer.cancelAndSet(() => hides.push(1), 500);
    timer.cancel();
    vi.advanceTimersByTime(1_000);
    timer.cancelAndSet(() => hides.push(2), 500);
    timer.dispose();
    timer.cancelAndSet(() => hides.push(3), 500);
    vi.advanceTimersByTime(1_000);
    expect(hides).toEqual([]);
  });

  it('leaves a terminal without those internals alone', () => {
    expect(debounceScrollbarHide(terminalWith(undefined))).toBe(false);
    expect(debounceScrollbarHide({} as Terminal)).toBe(false);
    const other = { cancelAndSet: () => undefined };
    expect(debounceScrollbarHide(terminalWith(other))).toBe(false);
  });
});
