import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromHost, PtySpawnOptions, ToHost } from './protocol';
import type { PtyExit, PtyProcess } from './pty-process';

/**
 * The worker's script: beside the bundle's chunks once built (out/main/pty-worker.js, an entry of
 * electron.config.ts; Electron loads workers from inside app.asar); from the TypeScript sources
 * through tsx when tests and benches run main's code directly.
 */
function startWorker(): Worker {
  const built = join(__dirname, 'pty-worker.js');
  if (existsSync(built)) return new Worker(built);
  const source = join(__dirname, 'pty-worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true });
}

/** Exit code for a command node-pty could not start (as a shell says for one it cannot find). */
const COULD_NOT_START = 127;

/** One terminal of the PTY host, seen from main. */
class HostedPty implements PtyProcess {
  readonly pid: Promise<number>;
  private resolvePid!: (pid: number) => void;
  private rejectPid!: (error: Error) => void;
  private dataListener: ((data: Buffer) => void) | undefined;
  private exitListener: ((exit: PtyExit) => void) | undefined;
  private ended = false;

  constructor(
    private readonly id: number,
    private readonly send: (message: ToHost) => void,
  ) {
    this.pid = new Promise((resolve, reject) => {
      this.resolvePid = resolve;
      this.rejectPid = reject;
    });
    // A command that never started has no pid: whoever waits for one hears why.
    this.pid.catch(() => undefined);
  }

  onData(listener: (data: Buffer) => void): void {
    this.dataListener = listener;
  }

  onExit(listener: (exit: PtyExit) => void): void {
    this.exitListener = listener;
  }

  write(data: string): void {
    if (!this.ended) this.send({ type: 'write', id: this.id, data });
  }

  resize(cols: number, rows: number): void {
    if (!this.ended) this.send({ type: 'resize', id: this.id, cols, rows });
  }

  pause(): void {
    if (!this.ended) this.send({ type: 'pause', id: this.id });
  }

  resume(): void {
    if (!this.ended) this.send({ type: 'resume', id: this.id });
  }

  /** A message from the host for this terminal; returns whether the terminal has ended. */
  received(message: FromHost): boolean {
    switch (message.type) {
      case 'spawned':
        this.resolvePid(message.pid);
        return false;
      case 'data': {
        const data = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength);
        this.dataListener?.(data);
        // Taken (the session has batched it): the host may read that much more.
        if (!this.ended) this.send({ type: 'ack', id: this.id, bytes: data.length });
        return false;
      }
      case 'spawn-failed':
        this.rejectPid(new Error(message.message));
        this.dataListener?.(Buffer.from(`Berth could not start this command: ${message.message}\r\n`, 'utf8'));
        this.end({ exitCode: COULD_NOT_START });
        return true;
      case 'exit':
        this.end(message.signal ? { exitCode: message.exitCode, signal: message.signal } : { exitCode: message.exitCode });
        return true;
    }
  }

  /** The host is gone (it crashed): the command's terminal went with it. */
  lost(reason: string): void {
    if (this.ended) return;
    this.dataListener?.(Buffer.from(`\r\nBerth lost this terminal: ${reason}\r\n`, 'utf8'));
    void this.pid.then(
      (pid) => {
        // The command would run on without its terminal: end its process group.
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      },
      () => undefined,
    );
    this.end({ exitCode: 1, signal: 9 });
  }

  private end(exit: PtyExit): void {
    if (this.ended) return;
    this.ended = true;
    this.exitListener?.(exit);
  }
}

/**
 * The PTY host: one worker thread that runs every terminal's node-pty (pty-worker.ts) for this
 * process. Reading a PTY costs a JavaScript callback and several syscalls per 4 KB (~1 CPU s per
 * 100 MB); on main's thread that competed with everything else main does during a flood (parsing
 * the terminal's state, pacing pages, the cluster views). Output comes back in few, transferred
 * buffers; the host reads ahead of main by at most READ_AHEAD_BYTES. Started with the first
 * terminal; it does not keep the process alive while no terminal runs.
 */
export class PtyHost {
  private worker: Worker | undefined;
  private readonly terminals = new Map<number, HostedPty>();
  private nextId = 1;

  spawn(file: string, args: string[], options: PtySpawnOptions): PtyProcess {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    const pty = new HostedPty(id, (message) => worker.postMessage(message));
    this.terminals.set(id, pty);
    worker.ref();
    worker.postMessage({ type: 'spawn', id, file, args, options } satisfies ToHost);
    return pty;
  }

  private start(): Worker {
    const worker = startWorker();
    worker.on('message', (message: FromHost) => {
      const pty = this.terminals.get(message.id);
      if (pty?.received(message)) this.forget(message.id);
    });
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const [id, pty] of this.terminals) {
        pty.lost(reason);
        this.terminals.delete(id);
      }
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`its host thread stopped (exit code ${code})`));
    return worker;
  }

  private forget(id: number): void {
    this.terminals.delete(id);
    if (this.terminals.size === 0) this.worker?.unref();
  }
}

let shared: PtyHost | undefined;

/** Starts a command in this process's PTY host. */
export function spawnInPtyHost(file: string, args: string[], options: PtySpawnOptions): PtyProcess {
  shared ??= new PtyHost();
  return shared.spawn(file, args, options);
}
