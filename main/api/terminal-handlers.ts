import type { TerminalSessions } from '../services/terminal';
import type { Handlers } from './router';

function unknownSession(sessionId: string): Error {
  return Object.assign(new Error(`No terminal session ${sessionId.slice(0, 40)}: it ended or Berth was restarted.`), {
    code: 'unknown-session',
    hint: 'Start the step again to get a new terminal.',
  });
}

export function terminalHandlers(sessions: TerminalSessions): Pick<Handlers, 'terminal.input' | 'terminal.resize' | 'terminal.ack' | 'terminal.replay'> {
  return {
    'terminal.input': ({ sessionId, data }) => ({ accepted: sessions.get(sessionId)?.write(data) ?? false }),
    'terminal.resize': ({ sessionId, cols, rows }) => ({ resized: sessions.get(sessionId)?.resize(cols, rows) ?? false }),
    'terminal.ack': ({ sessionId, chars }) => {
      sessions.get(sessionId)?.ack(chars);
      return {};
    },
    'terminal.replay': ({ sessionId }) => {
      const session = sessions.get(sessionId);
      if (!session) throw unknownSession(sessionId);
      return session.replay();
    },
  };
}
