import { spawn } from 'node-pty';
import type { PtySpawnOptions } from './protocol';
import type { PtyProcess } from './pty-process';

/**
 * node-pty on the calling thread: what the PTY host's worker runs for each terminal, and the
 * in-thread baseline the terminal bench compares it with. Throws if node-pty cannot start it.
 */
export function spawnInThread(file: string, args: string[], options: PtySpawnOptions): PtyProcess {
  // Bytes, not text: no decoding and re-encoding of every byte on the way to xterm.js.
  const pty = spawn(file, args, { ...options, encoding: null });
  return {
    pid: Promise.resolve(pty.pid),
    // With `encoding: null` node-pty hands over Buffers (its typings say string).
    onData: (listener) => void pty.onData((chunk: string | Buffer) => listener(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)),
    onExit: (listener) => void pty.onExit(({ exitCode, signal }) => listener(signal ? { exitCode, signal } : { exitCode })),
    write: (data) => pty.write(data),
    resize: (cols, rows) => pty.resize(cols, rows),
    pause: () => pty.pause(),
    resume: () => pty.resume(),
  };
}
