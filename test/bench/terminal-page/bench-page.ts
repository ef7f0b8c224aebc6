// The page side of the terminal throughput bench, built from the product's own modules: the api
// over the web host's WebSocket (binary terminal frames), the page's output flow (attach, acks from
// xterm's write callback), and the terminal as the app creates it (options, WebGL where available).
// Only the React wrapper is left out, so the figure does not depend on the install screen's layout.
import { api } from '../../../renderer/src/api';
import { createTerminal, hasHardwareWebgl } from '../../../renderer/src/components/terminal/create-terminal';
import { statePrefix } from '../../../renderer/src/components/terminal/state-prefix';
import { terminalFlow } from '../../../renderer/src/components/terminal/terminal-flow';
import { writeInPieces } from '../../../renderer/src/components/terminal/write-in-pieces';

interface BenchState {
  renderer: string;
  /** What the app would draw with here (WebGL only on a GPU). */
  appRenderer: string;
  /** Output bytes parsed as output batches. */
  bytes: number;
  writes: number;
  /** Terminal states received in place of skipped output (the page fell behind), and their bytes. */
  states: number;
  stateBytes: number;
  /** The last `rows` lines of the terminal's buffer, as text (to check what it ends up showing). */
  tail(rows: number): string[];
  exited: boolean;
  done: boolean;
  longTasks: number[];
  /** Frames xterm drew while the output ran. */
  renders: number;
  /** The longest animation frame (Long Animation Frames API): where its time went. */
  longestFrame: { ms: number; scriptMs: number; renderMs: number; layoutMs: number; scripts: string[] } | null;
  error: string | null;
  /** Opens the terminal (WebGL where the page has it, unless `dom`) and attaches to the session. */
  show(sessionId: string, renderer: 'webgl' | 'dom'): Promise<string>;
}

declare global {
  interface Window {
    bench: BenchState;
  }
}

const container = document.getElementById('terminal') as HTMLElement;
const state: BenchState = {
  renderer: 'none',
  appRenderer: hasHardwareWebgl() ? 'webgl' : 'dom',
  bytes: 0,
  writes: 0,
  states: 0,
  stateBytes: 0,
  tail: () => [],
  exited: false,
  done: false,
  longTasks: [],
  renders: 0,
  longestFrame: null,
  error: null,
  show,
};
window.bench = state;

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });

interface LoafScript {
  duration: number;
  invoker: string;
  sourceFunctionName: string;
}
interface Loaf extends PerformanceEntry {
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: LoafScript[];
}
new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as Loaf[]) {
    if (entry.duration <= (state.longestFrame?.ms ?? 0)) continue;
    const end = entry.startTime + entry.duration;
    state.longestFrame = {
      ms: Math.round(entry.duration),
      scriptMs: Math.round(entry.scripts.reduce((t, x) => t + x.duration, 0)),
      renderMs: entry.renderStart ? Math.round(end - entry.renderStart) : 0,
      layoutMs: entry.styleAndLayoutStart ? Math.round(end - entry.styleAndLayoutStart) : 0,
      scripts: entry.scripts
        .toSorted((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((x) => `${x.invoker}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''} ${Math.round(x.duration)} ms`),
    };
  }
}).observe({ type: 'long-animation-frame', buffered: true });

let pending = 0;
let shown: string | undefined;
const finishIfDone = () => {
  if (state.exited && pending === 0) state.done = true;
};
api.on('terminal.exit', ({ sessionId }) => {
  if (sessionId !== shown) return;
  state.exited = true;
  finishIfDone();
});

/** Attaches to the session, as a terminal view does; resolves with the renderer once main has answered. */
let current: ReturnType<typeof createTerminal> | undefined;

function show(sessionId: string, wanted: 'webgl' | 'dom'): Promise<string> {
  // A second flood on the same page: a fresh terminal and counts, the page's code already compiled.
  current?.dispose();
  container.replaceChildren();
  Object.assign(state, { bytes: 0, writes: 0, states: 0, stateBytes: 0, exited: false, done: false, longTasks: [], renders: 0, longestFrame: null, error: null });
  pending = 0;
  const created = createTerminal(container, { cols: 120, rows: 40 }, wanted);
  current = created;
  const term = created.term;
  term.onRender(() => state.renders++);
  state.renderer = created.renderer();
  state.tail = (rows) => {
    const buffer = term.buffer.active;
    return Array.from({ length: rows }, (_, i) => buffer.getLine(buffer.length - rows + i)?.translateToString(true) ?? '');
  };
  shown = sessionId;
  return new Promise((resolve) => {
    terminalFlow().attach(sessionId, {
      replay: (data) => {
        term.write(data);
        resolve(state.renderer);
      },
      output: (data, parsed) => {
        pending++;
        writeInPieces(term, data, () => {
          state.bytes += data.length;
          state.writes++;
          pending--;
          parsed();
          finishIfDone();
        });
      },
      // As the app's terminal view does (renderer/src/components/terminal/xterm-view.tsx), without its one-line notice.
      replace: (data, parsed, kind) => {
        pending++;
        term.write(statePrefix(kind));
        writeInPieces(term, data, () => {
          state.stateBytes += data.length;
          state.states++;
          pending--;
          parsed();
          finishIfDone();
        });
      },
      failed: (error) => {
        state.error = String(error);
        resolve(state.renderer);
      },
    });
  });
}
