import { randomUUID } from 'node:crypto';
import type { TerminalExit, TerminalOutput } from '../../contract';
import { TerminalSession, type SessionOptions } from './terminal-session';

/** A page that shows sessions (a window, a browser tab): what output is sent to. */
export interface TerminalViewer {
  readonly id: string;
  output(payload: TerminalOutput): void;
}

export interface TerminalDeps {
  /** A session ended: every page hears it (it is tiny, and a step list shows it). */
  exit: (payload: TerminalExit) => void;
}

/** Sessions whose process has exited stay readable (replay) for a while; this many are kept. */
const KEEP_EXITED = 50;

/**
 * The terminal sessions of this Berth process, by id: what the `terminal.*` calls act on. A
 * session's output goes only to the pages attached to it, each paced on its own (ViewerPacing).
 */
export class TerminalSessions {
  private readonly sessions = new Map<string, TerminalSession>();
  /** Per session, the pages attached to it. */
  private readonly viewers = new Map<string, Map<string, TerminalViewer>>();

  constructor(private readonly deps: TerminalDeps) {}

  start(options: Omit<SessionOptions, 'id'> & { id?: string }): TerminalSession {
    const id = options.id ?? randomUUID();
    const attached = new Map<string, TerminalViewer>();
    const session = new TerminalSession(
      { ...options, id },
      {
        output: (viewerId, data, replace) => attached.get(viewerId)?.output(replace ? { sessionId: id, data, replace } : { sessionId: id, data }),
        exit: ({ exitCode, signal }) => {
          this.deps.exit({ sessionId: id, exitCode, signal });
          this.pruneExited();
        },
      },
    );
    this.sessions.set(id, session);
    this.viewers.set(id, attached);
    return session;
  }

  get(id: string): TerminalSession | undefined {
    return this.sessions.get(id);
  }

  /** `viewer` shows the session from now on: the terminal's state now, then its output. Undefined if unknown. */
  attach(id: string, viewer: TerminalViewer): Promise<{ data: string; truncated: boolean }> | undefined {
    const session = this.sessions.get(id);
    const attached = this.viewers.get(id);
    if (!session || !attached) return undefined;
    attached.set(viewer.id, viewer);
    const replay = session.attach(viewer.id);
    return replay;
  }

  detach(id: string, viewerId: string): void {
    this.viewers.get(id)?.delete(viewerId);
    this.sessions.get(id)?.detach(viewerId);
  }

  /** A page went away: it shows nothing any more. */
  detachEverywhere(viewerId: string): void {
    for (const id of this.viewers.keys()) this.detach(id, viewerId);
  }

  running(): TerminalSession[] {
    return [...this.sessions.values()].filter((s) => s.isRunning);
  }

  async killAll(): Promise<void> {
    await Promise.all(this.running().map((s) => s.kill()));
  }

  private pruneExited(): void {
    const exited = [...this.sessions.values()].filter((s) => !s.isRunning);
    for (const session of exited.slice(0, Math.max(0, exited.length - KEEP_EXITED))) {
      this.sessions.delete(session.id);
      this.viewers.delete(session.id);
    }
  }
}
