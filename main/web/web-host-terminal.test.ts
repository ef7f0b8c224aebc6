import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ClientHub } from '../api/client-hub';
import { createRouter } from '../api/router';
import { terminalHandlers } from '../api/terminal-handlers';
import { BEHIND_BYTES, TerminalSessions } from '../services/terminal';
import { startWebHost, type WebHost } from './web-host';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' };

/** A page on the web host's WebSocket: makes calls, keeps the binary frames it receives. */
async function connect(host: WebHost) {
  const origin = `http://127.0.0.1:${host.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { headers: { Origin: origin } });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const frames: Buffer[] = [];
  const results = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  ws.on('message', (data, isBinary) => {
    if (isBinary) return void frames.push(data as Buffer);
    const frame = JSON.parse(String(data)) as { type: string; id: number; envelope: { ok: boolean; value?: unknown } };
    if (frame.type === 'result') results.get(frame.id)?.(frame.envelope);
  });
  return {
    frames,
    /** Output bytes of the frames received so far (after kind, id length and id). */
    output: () => Buffer.concat(frames.map((f) => f.subarray(2 + (f[1] as number)))).toString('utf8'),
    call: (channel: string, payload: unknown) =>
      new Promise<{ ok: boolean; value?: unknown }>((resolve) => {
        const id = nextId++;
        results.set(id, resolve as (value: unknown) => void);
        ws.send(JSON.stringify({ type: 'call', id, channel, payload }));
      }),
    close: () => ws.close(),
  };
}

const stop: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of stop.splice(0)) await fn();
});

describe('terminal output over the web host', () => {
  it('goes in binary frames to the pages attached to the session only; a page that stops acknowledging never holds it and gets the final state in a state frame', async () => {
    const hub = new ClientHub();
    const sessions = new TerminalSessions({ exit: (payload) => hub.broadcast('terminal.exit', payload) });
    const router = createRouter(terminalHandlers(sessions) as never);
    const host = await startWebHost({ port: 0, rendererDir: tmpdir(), backend: { router, hub, isInstallerBusy: () => false, dispose: async () => undefined } });
    stop.push(() => sessions.killAll(), () => host.close());
    const session = sessions.start({ file: '/bin/sh', args: ['-c', `read _; head -c ${3 * BEHIND_BYTES} /dev/zero | tr "\\0" x; echo; echo ✓ done`], env, cwd: tmpdir(), completeOutput: true });
    const reader = await connect(host);
    const lagging = await connect(host);
    const bystander = await connect(host);
    expect((await reader.call('terminal.attach', { sessionId: session.id })).ok).toBe(true);
    expect((await lagging.call('terminal.attach', { sessionId: session.id })).ok).toBe(true);
    session.write('\r');

    // `reader` acknowledges what it gets; `lagging` never does.
    let acked = 0;
    const pump = setInterval(() => {
      const got = reader.frames.reduce((n, f) => n + f.length - 2 - (f[1] as number), 0);
      if (got > acked) void reader.call('terminal.ack', { sessionId: session.id, bytes: got - acked });
      acked = got;
    }, 5);
    stop.push(async () => clearInterval(pump));
    await session.exited;
    await new Promise((r) => setTimeout(r, 100));
    // The reader keeps up (a batch too big for its window still comes as a state): its last frame ends the output.
    expect(reader.frames.every((f) => [1, 2, 3].includes(f[0] as number) && f.subarray(2, 2 + (f[1] as number)).toString() === session.id)).toBe(true);
    expect(reader.frames.at(-1)?.toString()).toMatch(/✓ done/);
    expect(reader.output()).toMatch(/x{1000}/);
    // The lagging page got output while it stayed within BEHIND_BYTES, then only the terminal's
    // state (while it has nothing left to acknowledge), the final state last.
    const live = lagging.frames.filter((f) => f[0] === 1);
    expect(lagging.frames.every((f) => [1, 2, 3].includes(f[0] as number))).toBe(true);
    expect(live.reduce((n, f) => n + f.length - 2 - (f[1] as number), 0)).toBeLessThanOrEqual(BEHIND_BYTES);
    const state = lagging.frames.at(-1);
    expect(state?.[0]).toBe(2);
    expect(state?.subarray(2 + (state[1] as number)).toString()).toContain('✓ done');
    expect(bystander.frames).toEqual([]);
    lagging.close();
    reader.close();
    bystander.close();
  });
});
