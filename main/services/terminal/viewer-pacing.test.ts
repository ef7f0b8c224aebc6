import { describe, expect, it } from 'vitest';
import { BEHIND_BYTES, CATCH_UP_INTERVAL_MS, CAUGHT_UP_BYTES, SKIPPING_BEHIND_BYTES, SKIPPING_FOR_MS, ViewerPacing } from './viewer-pacing';

function setup() {
  let now = 1_000;
  const timers: Array<{ at: number; fn: () => void; cleared: boolean }> = [];
  const catchUps: string[] = [];
  const pacing = new ViewerPacing({
    catchUp: (id) => void catchUps.push(id),
    now: () => now,
    setTimer: (fn, ms) => {
      const timer = { at: now + ms, fn, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => void ((handle as { cleared: boolean }).cleared = true),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0)) {
      if (timer.cleared) continue;
      if (timer.at <= now) timer.fn();
      else timers.push(timer);
    }
  };
  return { pacing, catchUps, advance };
}

describe('ViewerPacing', () => {
  it('sends every batch to a page that keeps up', () => {
    const { pacing, catchUps } = setup();
    pacing.attach('a');
    for (let i = 0; i < 100; i++) {
      expect(pacing.takes('a', BEHIND_BYTES)).toBe(true);
      pacing.acked('a', BEHIND_BYTES);
    }
    expect(catchUps).toEqual([]);
    expect(pacing.behind()).toEqual([]);
  });

  it('skips a page more than BEHIND_BYTES behind until it has parsed all but CAUGHT_UP_BYTES, then catches it up', () => {
    const { pacing, catchUps, advance } = setup();
    pacing.attach('a');
    advance(CATCH_UP_INTERVAL_MS);
    // Up to the line batches go; the one that would cross it does not, nor any after it.
    expect(pacing.takes('a', BEHIND_BYTES)).toBe(true);
    expect(pacing.takes('a', 1)).toBe(false);
    expect(pacing.takes('a', 1)).toBe(false);
    expect(pacing.behind()).toEqual(['a']);
    pacing.acked('a', BEHIND_BYTES - CAUGHT_UP_BYTES - 1);
    expect(catchUps).toEqual([]);
    pacing.acked('a', 1);
    expect(catchUps).toEqual(['a']);
    pacing.caughtUp('a', 1000);
    expect(pacing.behind()).toEqual([]);
    expect(pacing.unacknowledged).toBe(CAUGHT_UP_BYTES + 1000);
    pacing.acked('a', CAUGHT_UP_BYTES + 1000);
    expect(pacing.takes('a', 10)).toBe(true);
  });

  it('catches a page up at most once per CATCH_UP_INTERVAL_MS', () => {
    const { pacing, catchUps, advance } = setup();
    pacing.attach('a');
    pacing.takes('a', BEHIND_BYTES + 1);
    advance(CATCH_UP_INTERVAL_MS / 2);
    pacing.acked('a', BEHIND_BYTES + 1);
    expect(catchUps).toEqual([]);
    advance(CATCH_UP_INTERVAL_MS / 2 - 1);
    expect(catchUps).toEqual([]);
    advance(1);
    expect(catchUps).toEqual(['a']);
  });

  it('while a flood lasts, a page just caught up is behind again after a little output; a second after the last catch-up it gets the whole window again', () => {
    const { pacing, catchUps, advance } = setup();
    pacing.attach('a');
    advance(CATCH_UP_INTERVAL_MS);
    expect(pacing.takes('a', BEHIND_BYTES + 1)).toBe(false);
    expect(catchUps).toEqual(['a']);
    pacing.caughtUp('a', 0);
    expect(pacing.takes('a', SKIPPING_BEHIND_BYTES)).toBe(true);
    // A batch that would cross the line is skipped as well; the page has nothing left to
    // acknowledge, so its catch-up comes without an ack, after the interval.
    pacing.acked('a', SKIPPING_BEHIND_BYTES);
    expect(pacing.takes('a', 1)).toBe(true);
    expect(pacing.takes('a', SKIPPING_BEHIND_BYTES)).toBe(false);
    expect(pacing.behind()).toEqual(['a']);
    expect(catchUps).toEqual(['a']);
    advance(CATCH_UP_INTERVAL_MS);
    expect(catchUps).toEqual(['a', 'a']);
    pacing.caughtUp('a', 0);
    advance(SKIPPING_FOR_MS);
    // (1 byte is still unacknowledged.)
    expect(pacing.takes('a', BEHIND_BYTES - 1)).toBe(true);
    expect(pacing.behind()).toEqual([]);
  });

  it('paces each page on its own: a slow page never holds a fast one', () => {
    const { pacing } = setup();
    pacing.attach('fast');
    pacing.attach('slow');
    for (let i = 0; i < 20; i++) {
      expect(pacing.takes('fast', BEHIND_BYTES / 2)).toBe(true);
      pacing.takes('slow', BEHIND_BYTES / 2);
      pacing.acked('fast', BEHIND_BYTES / 2);
    }
    expect(pacing.behind()).toEqual(['slow']);
  });

  it('forgets a page that detaches, and its pending catch-up', () => {
    const { pacing, catchUps, advance } = setup();
    pacing.attach('a');
    pacing.takes('a', BEHIND_BYTES + 1);
    pacing.acked('a', BEHIND_BYTES + 1);
    pacing.detach('a');
    advance(CATCH_UP_INTERVAL_MS);
    expect(catchUps).toEqual([]);
    expect(pacing.takes('a', 1)).toBe(false);
    expect(pacing.count).toBe(0);
  });

  it('sends a page a state in place of one batch too big for the window, though it keeps up', () => {
    const { pacing, catchUps, advance } = setup();
    pacing.attach('a');
    expect(pacing.takes('a', BEHIND_BYTES + 1)).toBe(false);
    expect(pacing.behind()).toEqual(['a']);
    // Nothing to acknowledge: the catch-up comes by itself once the interval since attaching is over.
    advance(CATCH_UP_INTERVAL_MS);
    expect(catchUps).toEqual(['a']);
  });
});
