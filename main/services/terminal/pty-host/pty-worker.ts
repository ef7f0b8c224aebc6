import { parentPort } from 'node:worker_threads';
import { HostedTerminal } from './hosted-terminal';
import type { FromHost, ToHost } from './protocol';
import { spawnInThread } from './thread-pty';

/**
 * The PTY host's worker thread (started by pty-host.ts): it owns every node-pty terminal, so the
 * reading of a PTY (one callback and several syscalls per 4 KB) happens off main's thread.
 */
const port = parentPort;
if (!port) throw new Error('pty-worker runs as a worker thread (see pty-host.ts)');

const terminals = new Map<number, HostedTerminal>();
const post = (message: FromHost, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

port.on('message', (message: ToHost) => {
  if (message.type !== 'spawn') {
    terminals.get(message.id)?.handle(message);
    return;
  }
  const { id, file, args, options } = message;
  try {
    const terminal = new HostedTerminal(id, spawnInThread(file, args, options), (reply, transfer) => {
      if (reply.type === 'exit') terminals.delete(id);
      post(reply, transfer);
    });
    terminals.set(id, terminal);
  } catch (error) {
    post({ type: 'spawn-failed', id, message: error instanceof Error ? error.message : String(error) });
  }
});
