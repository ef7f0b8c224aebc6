import { useMemo, useState } from 'react';
import type { ScreenCode } from './lazy-screen';
import type { ScreenId } from './screens';

/**
 * How long a screen switch waits for a screen's code before showing its loading text. React keeps
 * a loading text it has shown on screen for at least 300 ms, so a switch that waits a moment for
 * code on its way (preloaded at start) shows the screen sooner than one that suspends at once.
 */
export const CODE_WAIT_MS = 150;

/**
 * Switches screens: at once when the screen's code is loaded, otherwise once it is (or after
 * `waitMs`, when the screen shows its loading text). The latest request wins.
 */
export function screenSwitch(codeOf: (id: ScreenId) => ScreenCode | undefined, show: (id: ScreenId) => void, waitMs = CODE_WAIT_MS): (id: ScreenId) => void {
  let latest: ScreenId | undefined;
  return (id) => {
    latest = id;
    const code = codeOf(id);
    if (!code || code.isLoaded()) {
      show(id);
      return;
    }
    let shown = false;
    const showIfLatest = () => {
      if (latest === id && !shown) show(id);
      shown = true;
    };
    const timer = setTimeout(showIfLatest, waitMs);
    // A failed load shows the screen too: its error boundary says what happened.
    void code.preload().then(showIfLatest, showIfLatest).finally(() => clearTimeout(timer));
  };
}

/** The screen shown and the way to switch (see screenSwitch). */
export function useScreen(initial: ScreenId, codeOf: (id: ScreenId) => ScreenCode | undefined): [ScreenId, (id: ScreenId) => void] {
  const [screen, setScreen] = useState(initial);
  const open = useMemo(() => screenSwitch(codeOf, setScreen), [codeOf]);
  return [screen, open];
}
