import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { lazyScreen } from './lazy-screen';

function Hello({ who }: { who: string }) {
  return <p>hello {who}</p>;
}

const inSuspense = (node: React.ReactNode) => renderToString(<Suspense fallback={<p>opening</p>}>{node}</Suspense>);

describe('lazyScreen', () => {
  it('shows the fallback until the code is loaded, then the screen itself', async () => {
    const load = vi.fn(async () => Hello);
    const { Screen, preload, isLoaded } = lazyScreen('hello', load);
    expect(inSuspense(<Screen who="pods" />)).toContain('opening');
    expect(isLoaded()).toBe(false);
    await preload();
    expect(isLoaded()).toBe(true);
    expect(inSuspense(<Screen who="pods" />)).toContain('hello <!-- -->pods');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads once however often it is preloaded', async () => {
    const load = vi.fn(async () => Hello);
    const { preload } = lazyScreen('hello', load);
    await Promise.all([preload(), preload(), preload()]);
    await preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load', async () => {
    const load = vi.fn<() => Promise<typeof Hello>>().mockRejectedValueOnce(new Error('host went away')).mockResolvedValue(Hello);
    const { Screen, preload } = lazyScreen('hello', load);
    await expect(preload()).rejects.toThrow('host went away');
    await preload();
    expect(load).toHaveBeenCalledTimes(2);
    expect(inSuspense(<Screen who="nodes" />)).toContain('nodes');
  });
});
