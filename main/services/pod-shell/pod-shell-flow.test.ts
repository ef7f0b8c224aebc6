import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { ExecConnection, ExecHandlers } from './exec-connection';
import { HIGH_WATERMARK_CHARS, LOW_WATERMARK_CHARS, PodShells } from './pod-shell-service';

// Flow control of a shell's output: a command that prints a lot (cat of a big file) pauses the
// exec socket once the page is HIGH characters behind, and resumes when it has caught up.

describe('pod shell flow control', () => {
  it('pauses above the high watermark and resumes below the low one', async () => {
    const calls: string[] = [];
    let handlers: ExecHandlers | undefined;
    const shells = new PodShells({
      kubeConfig: () => new KubeConfig(),
      transport: () => undefined,
      settleMs: 10,
      open: async (_config, _target, h) => {
        handlers = h;
        const connection: ExecConnection = { write: () => undefined, resize: () => undefined, pause: () => void calls.push('pause'), resume: () => void calls.push('resume'), close: () => void calls.push('close') };
        return connection;
      },
    });
    let received = 0;
    const started = await shells.start({ namespace: 'default', pod: 'p', container: 'c', cols: 80, rows: 24 }, { output: (o) => void (received += o.data.length), exit: () => undefined });
    expect(started.shell).toBe('/bin/sh');
    const chunk = 'x'.repeat(50_000);
    for (let i = 0; i * chunk.length <= HIGH_WATERMARK_CHARS; i++) {
      handlers!.output(chunk);
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual(['pause']);
    shells.ack(started.sessionId, received - LOW_WATERMARK_CHARS);
    expect(calls).toEqual(['pause']);
    shells.ack(started.sessionId, 1);
    expect(calls).toEqual(['pause', 'resume']);
    shells.close(started.sessionId);
    expect(calls.at(-1)).toBe('close');
  });
});
