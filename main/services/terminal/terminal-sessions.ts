import { randomUUID } from 'node:crypto';
import type { TerminalExit, TerminalOutput } from '../../contract';
import { TerminalSession, type SessionOptions } from './terminal-session';

export interface TerminalDeps {
  output: (payload: TerminalOutput) => void;
  exit: (payload: TerminalExit) => void;
  /** Whether any page is connected to acknowledge output (see FlowControl). */
  hasViewers: () => boolean;
}

/** Sessions whose process has exited stay readable (replay) for a while; this many are kept. */
const KEEP_EXITED = 50;

/** The terminal sessions of this Berth process, by id: what the `terminal.*` calls act on. */
export class TerminalSessions {
  private readonly sessions = new Map<string, TerminalSession>();

  constructor(private readonly deps: TerminalDeps) {}

  start(options: Omit<SessionOptions, 'id'> & { id?: string }): TerminalSession {
    const id = options.id ?? randomUUID();
    const session = new TerminalSession(
      { ...options, id },
      {
        output: (data) => this.deps.output({ sessionId: id, data }),
        exit: ({ exitCode, signal }) => {
          this.deps.exit({ sessionId: id, exitCode, signal });
          this.pruneExited();
        },
        hasViewers: this.deps.hasViewers,
      },
    );
    this.sessions.set(id, session);
    return session;
  }

  get(id: string): TerminalSession | undefined {
    return this.sessions.get(id);
  }

  running(): TerminalSession[] {
    return [...this.sessions.values()].filter((s) => s.isRunning);
  }

  async killAll(): Promise<void> {
    await Promise.all(this.running().map((s) => s.kill()));
  }

  private pruneExited(): void {
    const exited = [...this.sessions.values()].filter((s) => !s.isRunning);
    for (const session of exited.slice(0, Math.max(0, exited.length - KEEP_EXITED))) this.sessions.delete(session.id);
  }
}
