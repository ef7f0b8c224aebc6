import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientHub } from '../api/client-hub';
import { createRouter } from '../api/router';
import { startWebHost, type WebHost } from './web-host';

const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function host(debugRoutes: boolean): Promise<WebHost> {
  const backend = { router: createRouter({} as never), hub: new ClientHub(), isInstallerBusy: () => false, dispose: async () => undefined };
  const started = await startWebHost({ port: 0, rendererDir: tmpdir(), backend, debugRoutes });
  hosts.push(started);
  return started;
}

describe('the web host memory route (benchmarks only)', () => {
  it('answers the memory with the token, refuses without it', async () => {
    const h = await host(true);
    const base = `http://127.0.0.1:${h.port}/debug/memory`;
    expect((await fetch(base)).status).toBe(403);
    expect((await fetch(`${base}?token=wrong`)).status).toBe(403);
    const reply = await fetch(`${base}?token=${h.token}`);
    expect(reply.status).toBe(200);
    const memory = (await reply.json()) as Record<string, unknown>;
    expect(memory.heapUsedMB).toBeGreaterThan(0);
    expect(memory.rssMB).toBeGreaterThanOrEqual(memory.heapUsedMB as number);
    expect(memory.clients).toBe(0);
    expect(typeof memory.collected).toBe('boolean');
  });

  it('does not exist unless turned on', async () => {
    const h = await host(false);
    expect((await fetch(`http://127.0.0.1:${h.port}/debug/memory?token=${h.token}`)).status).toBe(404);
  });
});
