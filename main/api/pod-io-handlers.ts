import type { PodLogs } from '../services/pod-logs/pod-logs-service';
import type { PodShells } from '../services/pod-shell/pod-shell-service';
import type { Client, Handlers } from './router';

type PodIoCall = 'logs.start' | 'logs.stop' | 'logs.ack' | 'shell.start' | 'shell.input' | 'shell.resize' | 'shell.close' | 'shell.ack';

/**
 * Pod logs and shells. Each stream and session belongs to the page that opened it: its events go
 * to that page only, and they end when the page closes them or goes away.
 */
export function podIoHandlers(logs: PodLogs, shells: PodShells): Pick<Handlers, PodIoCall> {
  const owned = new Map<string, { logs: Set<string>; shells: Set<string> }>();
  const ownedBy = (client: Client): { logs: Set<string>; shells: Set<string> } => {
    let entry = owned.get(client.id);
    if (!entry) {
      const created = { logs: new Set<string>(), shells: new Set<string>() };
      entry = created;
      owned.set(client.id, created);
      client.onClose(() => {
        owned.delete(client.id);
        for (const id of created.logs) logs.stop(id);
        for (const id of created.shells) shells.close(id);
      });
    }
    return entry;
  };
  const mine = (client: Client, kind: 'logs' | 'shells', id: string): boolean => owned.get(client.id)?.[kind].has(id) ?? false;

  return {
    'logs.start': async ({ target, options }, { client }) => {
      const entry = ownedBy(client);
      const started = await logs.start(target, options, {
        batch: (b) => client.emit('logs.batch', b),
        source: (s) => client.emit('logs.source', s),
      });
      entry.logs.add(started.streamId);
      return started;
    },
    'logs.stop': ({ streamId }, { client }) => {
      if (mine(client, 'logs', streamId)) {
        logs.stop(streamId);
        owned.get(client.id)?.logs.delete(streamId);
      }
      return {};
    },
    'logs.ack': ({ streamId, lines }, { client }) => {
      if (mine(client, 'logs', streamId)) logs.ack(streamId, lines);
      return {};
    },
    'shell.start': async ({ namespace, pod, container, cols, rows }, { client }) => {
      const entry = ownedBy(client);
      const name = container ?? (await shells.defaultContainer(namespace, pod));
      const started = await shells.start(
        { namespace, pod, container: name, cols, rows },
        {
          output: (o) => client.emit('shell.output', o),
          exit: (e) => {
            entry.shells.delete(e.sessionId);
            client.emit('shell.exit', e);
          },
        },
      );
      entry.shells.add(started.sessionId);
      return { ...started, container: name };
    },
    // Typed input goes to the session and nowhere else: not logged, not echoed here.
    'shell.input': ({ sessionId, data }, { client }) => ({ accepted: mine(client, 'shells', sessionId) && shells.input(sessionId, data) }),
    'shell.resize': ({ sessionId, cols, rows }, { client }) => ({ resized: mine(client, 'shells', sessionId) && shells.resize(sessionId, cols, rows) }),
    'shell.ack': ({ sessionId, chars }, { client }) => {
      if (mine(client, 'shells', sessionId)) shells.ack(sessionId, chars);
      return {};
    },
    'shell.close': ({ sessionId }, { client }) => {
      if (mine(client, 'shells', sessionId)) {
        shells.close(sessionId);
        owned.get(client.id)?.shells.delete(sessionId);
      }
      return {};
    },
  };
}
