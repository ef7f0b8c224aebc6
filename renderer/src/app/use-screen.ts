import { useCallback, useRef, useState } from 'react';
import type { ScreenCode } from './lazy-screen';
import type { ScreenId } from './screens';

/**
 * How long a screen switch waits for a screen's code before showing its loading text. React keeps
 * a loading text it has shown on screen for at least 300 ms, so a switch that waits a moment for
 * code on its way (preloaded at start) shows the screen sooner than one that suspends at once.
 */
export const CODE_WAIT_MS = 150;

/**
 * The screen shown and the way to switch: at once when the screen's code is loaded, otherwise once
 * it is (or after CODE_WAIT_MS, with the loading text). The latest request wins.
 */
export function useScreen(initial: ScreenId, codeOf: (id: ScreenId) => ScreenCode | undefined): [ScreenId, (id: ScreenId) => void] {
  const [screen, setScreen] = useState(initial);
  const latest = useRef(initial);
  const open = useCallback(
    (id: ScreenId) => {
      latest.current = id;
      const code = codeOf(id);
      if (!code || code.isLoaded()) {
        setScreen(id);
        return;
      }
      const show = () => {
        if (latest.current === id) setScreen(id);
      };
      const timer = setTimeout(show, CODE_WAIT_MS);
      // A failed load shows the screen too: its error boundary says what happened.
      void code.preload().then(show, show).finally(() => clearTimeout(timer));
    },
    [codeOf],
  );
  return [screen, open];
}
