import { api } from '../../api';
import { createOutputFlow, type OutputFlow } from './output-flow';

let flow: OutputFlow | undefined;

/** The page's one output flow over the contract, started on first use and kept for the page's life. */
export function terminalFlow(): OutputFlow {
  flow ??= createOutputFlow({
    onOutput: (listener) => api.on('terminal.output', listener),
    attach: (sessionId) => api.terminal.attach({ sessionId }),
    // After a lost connection main has already forgotten this page, so a failed detach is fine.
    detach: (sessionId) => void api.terminal.detach({ sessionId }).catch(() => undefined),
    // A lost ack only matters while connected; after a reconnect the page attaches afresh.
    ack: (sessionId, bytes) => void api.terminal.ack({ sessionId, bytes }).catch(() => undefined),
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  });
  return flow;
}
