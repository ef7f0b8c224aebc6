import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import type { TerminalOutput } from '../contract';
import { TerminalSessions } from '../services/terminal';
import type { Client } from './router';
import { terminalHandlers } from './terminal-handlers';

function fakeClient(id: string) {
  const received: TerminalOutput[] = [];
  const cleanups: Array<() => void> = [];
  const client: Client = {
    id,
    emit: (event, payload) => {
      if (event === 'terminal.output') received.push(payload as TerminalOutput);
    },
    onClose: (cleanup) => cleanups.push(cleanup),
  };
  return { client, received, close: () => cleanups.splice(0).forEach((c) => c()), text: () => Buffer.concat(received.map((r) => r.data)).toString() };
}

const env = { PATH: process.env.PATH ?? '/bin' };

describe('terminal handlers', () => {
  const sessions = new TerminalSessions({ exit: () => undefined });
  const handlers = terminalHandlers(sessions);
  const context = { client: fakeClient('page').client };

  it('answers for sessions that are gone without throwing, except attach, which says what to do', async () => {
    expect(await handlers['terminal.input']({ sessionId: 'gone', data: 'x' }, context)).toEqual({ accepted: false });
    expect(await handlers['terminal.resize']({ sessionId: 'gone', cols: 80, rows: 24 }, context)).toEqual({ resized: false });
    expect(await handlers['terminal.ack']({ sessionId: 'gone', bytes: 10 }, context)).toEqual({});
    expect(await handlers['terminal.detach']({ sessionId: 'gone' }, context)).toEqual({});
    expect(() => handlers['terminal.attach']({ sessionId: 'gone' }, context)).toThrow(/No terminal session gone/);
  });

  it('replays what a session printed to a page that attaches after it ended', async () => {
    const session = sessions.start({ file: '/bin/sh', args: ['-c', 'echo hello'], env, cwd: '/tmp', completeOutput: true });
    await session.exited;
    // The terminal's state: the text and where the cursor waits (a fresh terminal shows the same).
    const replay = await handlers['terminal.attach']({ sessionId: session.id }, context);
    expect(replay.truncated).toBe(false);
    const term = new Terminal({ cols: 100, rows: 30, allowProposedApi: true });
    await new Promise<void>((resolve) => term.write(replay.data, resolve));
    expect(term.buffer.active.getLine(0)?.translateToString(true)).toBe('hello');
    expect([term.buffer.active.cursorX, term.buffer.active.cursorY]).toEqual([0, 1]);
  });

  it('sends output only to the pages attached to the session, and forgets a page that goes away', async () => {
    const shown = fakeClient('shown');
    const other = fakeClient('other');
    const session = sessions.start({ file: '/bin/sh', args: ['-c', 'read _; echo live'], env, cwd: '/tmp', completeOutput: true });
    await handlers['terminal.attach']({ sessionId: session.id }, { client: shown.client });
    session.write('go\r');
    await session.exited;
    expect(shown.text()).toContain('live');
    expect(other.received).toEqual([]);
    expect(session.viewers).toBe(1);
    shown.close();
    expect(session.viewers).toBe(0);
  });
});
