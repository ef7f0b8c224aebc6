import type { TerminalOutput } from '../contract';
import type { TerminalSessions, TerminalViewer } from '../services/terminal';
import type { Client, Handlers } from './router';

function unknownSession(sessionId: string): Error {
  return Object.assign(new Error(`No terminal session ${sessionId.slice(0, 40)}: it ended or Berth was restarted.`), {
    code: 'unknown-session',
    hint: 'Start the step again to get a new terminal.',
  });
}

type TerminalCalls = 'terminal.input' | 'terminal.resize' | 'terminal.ack' | 'terminal.attach' | 'terminal.detach';

export function terminalHandlers(sessions: TerminalSessions): Pick<Handlers, TerminalCalls> {
  // Clients already set to detach from everything when they go away (once per client).
  const known = new Set<string>();
  const viewerOf = (client: Client): TerminalViewer => {
    if (!known.has(client.id)) {
      known.add(client.id);
      client.onClose(() => {
        known.delete(client.id);
        sessions.detachEverywhere(client.id);
      });
    }
    return { id: client.id, output: (payload: TerminalOutput) => client.emit('terminal.output', payload) };
  };
  return {
    'terminal.input': ({ sessionId, data }) => ({ accepted: sessions.get(sessionId)?.write(data) ?? false }),
    'terminal.resize': ({ sessionId, cols, rows }) => ({ resized: sessions.get(sessionId)?.resize(cols, rows) ?? false }),
    'terminal.ack': ({ sessionId, bytes }, { client }) => {
      sessions.get(sessionId)?.ack(client.id, bytes);
      return {};
    },
    'terminal.attach': ({ sessionId }, { client }) => {
      const replay = sessions.attach(sessionId, viewerOf(client));
      if (!replay) throw unknownSession(sessionId);
      return replay;
    },
    'terminal.detach': ({ sessionId }, { client }) => {
      sessions.detach(sessionId, client.id);
      return {};
    },
  };
}
