import { describe, expect, it } from 'vitest';
import { TerminalSessions } from '../services/terminal';
import { terminalHandlers } from './terminal-handlers';

describe('terminal handlers', () => {
  const sessions = new TerminalSessions({ output: () => undefined, exit: () => undefined, hasViewers: () => true });
  const handlers = terminalHandlers(sessions);
  const context = { client: undefined as never };

  it('answers for sessions that are gone without throwing, except replay, which says what to do', async () => {
    expect(await handlers['terminal.input']({ sessionId: 'gone', data: 'x' }, context)).toEqual({ accepted: false });
    expect(await handlers['terminal.resize']({ sessionId: 'gone', cols: 80, rows: 24 }, context)).toEqual({ resized: false });
    expect(await handlers['terminal.ack']({ sessionId: 'gone', chars: 10 }, context)).toEqual({});
    expect(() => handlers['terminal.replay']({ sessionId: 'gone' }, context)).toThrow(/No terminal session gone/);
  });

  it('replays what a live session printed', async () => {
    const session = sessions.start({ file: '/bin/sh', args: ['-c', 'echo hello'], env: { PATH: process.env.PATH ?? '/bin' }, cwd: '/tmp', completeOutput: true });
    await session.exited;
    expect(await handlers['terminal.replay']({ sessionId: session.id }, context)).toEqual({ data: 'hello\r\n', truncated: false });
  });
});
