import { describe, expect, it } from 'vitest';
import type { PodLogs } from '../services/pod-logs/pod-logs-service';
import type { PodShells } from '../services/pod-shell/pod-shell-service';
import { podIoHandlers } from './pod-io-handlers';
import type { Client } from './router';

// Streams and sessions belong to the page that opened them: its events only, its calls only, and
// they end when the page goes away.

function fakes() {
  const calls: string[] = [];
  let n = 0;
  const logs = {
    start: async () => ({ streamId: `s${++n}`, pods: ['p'], podsLeftOut: 0 }),
    stop: (id: string) => void calls.push(`logs.stop ${id}`),
    ack: (id: string, lines: number) => void calls.push(`logs.ack ${id} ${lines}`),
  } as unknown as PodLogs;
  const shells = {
    defaultContainer: async () => 'main',
    start: async () => ({ sessionId: `t${++n}`, shell: '/bin/sh' }),
    input: (id: string) => (calls.push(`shell.input ${id}`), true),
    resize: () => true,
    close: (id: string) => void calls.push(`shell.close ${id}`),
  } as unknown as PodShells;
  return { calls, logs, shells };
}

function client(id: string): Client & { close(): void } {
  const cleanups: Array<() => void> = [];
  return { id, emit: () => undefined, onClose: (fn) => void cleanups.push(fn), close: () => cleanups.forEach((fn) => fn()) };
}

describe('pod I/O handlers', () => {
  it('only the opening page may ack, type into or stop what it opened; everything ends when it goes', async () => {
    const { calls, logs, shells } = fakes();
    const h = podIoHandlers(logs, shells);
    const a = client('a');
    const b = client('b');
    const { streamId } = await h['logs.start']({ target: { kind: 'pod', namespace: 'default', pod: 'p' }, options: { follow: true, previous: false, timestamps: false } }, { client: a });
    const { sessionId, container } = await h['shell.start']({ namespace: 'default', pod: 'p', cols: 80, rows: 24 }, { client: a });
    expect(container).toBe('main');
    await h['logs.ack']({ streamId, lines: 5 }, { client: b });
    expect(await h['shell.input']({ sessionId, data: 'ls\r' }, { client: b })).toEqual({ accepted: false });
    await h['logs.stop']({ streamId }, { client: b });
    expect(calls).toEqual([]);
    await h['logs.ack']({ streamId, lines: 5 }, { client: a });
    expect(await h['shell.input']({ sessionId, data: 'ls\r' }, { client: a })).toEqual({ accepted: true });
    a.close();
    expect(calls).toEqual([`logs.ack ${streamId} 5`, `shell.input ${sessionId}`, `logs.stop ${streamId}`, `shell.close ${sessionId}`]);
  });
});
