import { createElement, lazy, useState, type ComponentType } from 'react';

export interface LazyScreen<P extends object> {
  /** Renders the screen; suspends (the nearest Suspense shows its fallback) while its code loads. */
  Screen: ComponentType<P>;
  /** Starts loading the screen's code (once; again after a failure), e.g. while the browser is idle. */
  preload: () => Promise<unknown>;
  /** The code is here: the screen renders at once, without suspending. */
  isLoaded: () => boolean;
}

/** What a screen switch needs to know of a screen's code. */
export type ScreenCode = Pick<LazyScreen<object>, 'preload' | 'isLoaded'>;

/**
 * A screen whose code is a chunk of its own, fetched and parsed only when the screen is first
 * opened or preloaded: the first paint evaluates the shell alone, not every screen (and xterm).
 * Once loaded, the screen renders directly, without a Suspense round: a preloaded screen opens in
 * the same frame as the click, so its live view is requested at once. A failed load is thrown to
 * the nearest error boundary; the next mount tries again.
 */
export function lazyScreen<P extends object>(name: string, load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        // A User Timing mark: DevTools' Performance panel and the page probe show when it arrived.
        performance.mark(`berth:screen-code:${name}`);
        loaded = component;
        return { default: component };
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  function Screen(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component later would
    // remount the screen (and drop its state, e.g. close and reopen its live view). A lazy wrapper
    // per mount, because React keeps a failed one failed.
    const [component] = useState<ComponentType<P>>(() => loaded ?? (lazy(preload) as unknown as ComponentType<P>));
    return createElement(component, props);
  }
  return { Screen, preload, isLoaded: () => loaded !== undefined };
}
