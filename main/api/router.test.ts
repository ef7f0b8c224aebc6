import { describe, expect, it } from 'vitest';
import { ClientHub } from './client-hub';
import { createRouter, type Handlers } from './router';

const hub = new ClientHub();
const { client } = hub.connect(() => undefined);
const info = { name: 'Berth', version: '1', platform: 'linux', arch: 'x64', transport: 'web' as const, demo: false, dataDir: '/tmp' };

function router(overrides: Partial<Handlers> = {}) {
  // Only the app domain matters here; the other domains' handlers are never reached.
  return createRouter({
    'app.info': () => info,
    'app.openExternal': ({ url }) => ({ opened: url.startsWith('https:') }),
    ...overrides,
  } as Handlers);
}

describe('router', () => {
  it('passes a valid request to its handler and returns the value', async () => {
    expect(await router().dispatch('app.info', {}, { client })).toEqual({ ok: true, value: info });
  });

  it('rejects a request that does not match the schema before any handler runs', async () => {
    let called = false;
    const r = router({ 'app.openExternal': () => ((called = true), { opened: true }) });
    for (const payload of [{ url: 'file:///etc/passwd' }, { url: 42 }, null, 'x', { url: 'https://a.example', more: 1 }]) {
      const result = await r.dispatch('app.openExternal', payload, { client });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(called).toBe(false);
  });

  it('rejects unknown calls, including prototype keys', async () => {
    for (const channel of ['nope', 'toString', '__proto__', 42, undefined]) {
      expect(await router().dispatch(channel, {}, { client })).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
  });

  it('turns a thrown error into name, message, code and hint, without the stack', async () => {
    const failing = router({
      'app.info': () => {
        throw Object.assign(new Error('kubeconfig unreadable'), { name: 'ConfigError', code: 'config', hint: 'Check the file' });
      },
    });
    const result = await failing.dispatch('app.info', {}, { client });
    expect(result).toEqual({ ok: false, error: { name: 'ConfigError', message: 'kubeconfig unreadable', code: 'config', hint: 'Check the file' } });
  });
});

describe('client hub', () => {
  it('runs a client’s cleanups once when it goes away and stops broadcasting to it', () => {
    const h = new ClientHub();
    const received: unknown[] = [];
    const { client: c, close } = h.connect((_e, p) => received.push(p));
    let cleaned = 0;
    c.onClose(() => cleaned++);
    h.broadcast('app.hostStatus', { at: 1, uptimeSeconds: 1, clients: 1 });
    close();
    close();
    h.broadcast('app.hostStatus', { at: 2, uptimeSeconds: 2, clients: 0 });
    expect(cleaned).toBe(1);
    expect(received).toHaveLength(1);
    expect(h.size).toBe(0);
  });
});
