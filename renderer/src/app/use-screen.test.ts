import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScreenCode } from './lazy-screen';
import type { ScreenId } from './screens';
import { CODE_WAIT_MS, screenSwitch } from './use-screen';

function code(loaded: boolean): ScreenCode & { finish(ok?: boolean): void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {
    isLoaded: () => loaded,
    preload: () => promise,
    finish: (ok = true) => (ok ? resolve() : reject(new Error('gone'))),
  };
}

describe('screenSwitch', () => {
  afterEach(() => vi.useRealTimers());

  it('shows a screen whose code is loaded at once', () => {
    const shown: ScreenId[] = [];
    const open = screenSwitch(() => code(true), (id) => shown.push(id));
    open('pods');
    expect(shown).toEqual(['pods']);
  });

  it('waits for code on its way, and shows the screen as it arrives', async () => {
    vi.useFakeTimers();
    const pods = code(false);
    const shown: ScreenId[] = [];
    const open = screenSwitch((id) => (id === 'pods' ? pods : undefined), (id) => shown.push(id));
    open('pods');
    expect(shown).toEqual([]);
    pods.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual(['pods']);
    await vi.advanceTimersByTimeAsync(CODE_WAIT_MS * 2);
    expect(shown).toEqual(['pods']);
  });

  it('shows the screen (its loading text) when the code takes long, and a failed load too', async () => {
    vi.useFakeTimers();
    const slow = code(false);
    const failing = code(false);
    const shown: ScreenId[] = [];
    const open = screenSwitch((id) => (id === 'nodes' ? slow : failing), (id) => shown.push(id));
    open('nodes');
    await vi.advanceTimersByTimeAsync(CODE_WAIT_MS);
    expect(shown).toEqual(['nodes']);
    open('events');
    failing.finish(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual(['nodes', 'events']);
  });

  it('lets the latest request win over code still loading', async () => {
    vi.useFakeTimers();
    const pods = code(false);
    const shown: ScreenId[] = [];
    const open = screenSwitch((id) => (id === 'pods' ? pods : undefined), (id) => shown.push(id));
    open('pods');
    open('home');
    pods.finish();
    await vi.advanceTimersByTimeAsync(CODE_WAIT_MS * 2);
    expect(shown).toEqual(['home']);
  });
});
