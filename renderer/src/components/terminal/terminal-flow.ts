import { api } from '../../api';
import { createOutputFlow, type OutputFlow } from './output-flow';

let flow: OutputFlow | undefined;

/**
 * The page's one output flow over the contract. Started once and kept for the page's life: it
 * must keep acknowledging a running session while no terminal shows it (see output-flow.ts).
 */
export function terminalFlow(): OutputFlow {
  flow ??= createOutputFlow({
    onOutput: (listener) => api.on('terminal.output', listener),
    // A lost ack only matters while connected; after a reconnect main has its own view of the session.
    ack: (sessionId, chars) => void api.terminal.ack({ sessionId, chars }).catch(() => undefined),
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  });
  return flow;
}
