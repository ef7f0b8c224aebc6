import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShellExit } from '../../contract';
import { startSimulator, type Simulator } from '../../simulator';
import { call } from '../../simulator/testing';
import { createKubeTransport, type KubeTransport } from '../cluster/kube-http';
import { PodShells } from './pod-shell-service';

// Shell sessions against the simulated API server's exec WebSocket: a command run and exited,
// resize, a container without a shell, a container that is not running; and a server that
// refuses the upgrade with 403 the way RBAC does.

let sim: Simulator;
let config: KubeConfig;
let transport: KubeTransport;
let shells: PodShells;
const NS = 'default';

async function runningPod(name: string, image: string): Promise<void> {
  const r = await call(sim, 'POST', `/api/v1/namespaces/${NS}/pods`, { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'main', image }] } });
  expect(r.status, r.text).toBe(201);
  for (const end = Date.now() + 10_000; Date.now() < end; ) {
    const pod = (await call(sim, 'GET', `/api/v1/namespaces/${NS}/pods/${name}`)).json();
    if (pod.status?.containerStatuses?.[0]?.state?.running) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not start`);
}

function session() {
  const out = { text: '', exits: [] as ShellExit[] };
  return {
    out,
    sink: { output: (o: { data: string }) => void (out.text += o.data), exit: (e: ShellExit) => void out.exits.push(e) },
  };
}

async function until(pred: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'empty', speed: 20 });
  config = new KubeConfig();
  config.loadFromFile(sim.kubeconfigPath);
  transport = createKubeTransport(config);
  shells = new PodShells({ kubeConfig: () => config, transport: () => transport, settleMs: 300 });
  await runningPod('alpine', 'alpine:3.21');
  await runningPod('distroless', 'gcr.io/distroless/static-debian12:nonroot');
}, 30_000);

afterAll(async () => {
  shells?.closeAll();
  transport?.close();
  await sim?.stop();
});

describe('pod shell against the simulator', () => {
  it('starts /bin/sh with a TTY, runs a command, resizes, exits with the code', async () => {
    const s = session();
    const started = await shells.start({ namespace: NS, pod: 'alpine', container: 'main', cols: 100, rows: 30 }, s.sink);
    expect(started.shell).toBe('/bin/sh');
    await until(() => s.out.text.includes('/ # '));
    expect(shells.resize(started.sessionId, 120, 40)).toBe(true);
    expect(shells.input(started.sessionId, 'echo hello-from-berth\r')).toBe(true);
    await until(() => s.out.text.includes('hello-from-berth\r\n/ # '));
    shells.input(started.sessionId, 'exit 3\r');
    await until(() => s.out.exits.length > 0);
    expect(s.out.exits[0]).toMatchObject({ sessionId: started.sessionId, exitCode: 3 });
    expect(shells.input(started.sessionId, 'ls\r')).toBe(false);
    expect(shells.openCount).toBe(0);
  });

  it('closing a session ends it cleanly', async () => {
    const s = session();
    const started = await shells.start({ namespace: NS, pod: 'alpine', container: 'main', cols: 80, rows: 24 }, s.sink);
    shells.close(started.sessionId);
    await until(() => s.out.exits.length > 0);
    expect(shells.openCount).toBe(0);
  });

  it('a container without a shell: says which shells were tried and why each failed', async () => {
    const s = session();
    const attempt = shells.start({ namespace: NS, pod: 'distroless', container: 'main', cols: 80, rows: 24 }, s.sink);
    await expect(attempt).rejects.toMatchObject({ code: 'no-shell' });
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toContain('/bin/sh: OCI runtime exec failed');
    expect(message).toContain('stat /bin/sh: no such file or directory');
    expect(message).toContain('/bin/bash:');
    expect(message).toContain('/busybox/sh:');
    expect(s.out.text).toBe(''); // runc's complaint is not shown as if it were the shell's output
  });

  it('names the default container when none is given', async () => {
    expect(await shells.defaultContainer(NS, 'alpine')).toBe('main');
  });

  it('a missing pod: the API error', async () => {
    await expect(shells.start({ namespace: NS, pod: 'nope', container: 'main', cols: 80, rows: 24 }, session().sink)).rejects.toThrow('pods "nope" not found');
  });
});

describe('exec refused by RBAC', () => {
  it('shows the API server\'s 403 message', async () => {
    const message = 'pods "web" is forbidden: User "viewer" cannot create resource "pods/exec" in API group "" in the namespace "default"';
    const server = createServer((_req, res) => res.end());
    server.on('upgrade', (_req, socket) => {
      const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', code: 403 });
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
      users: [{ name: 'u', token: 'viewer-token' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    const forbidden = new PodShells({ kubeConfig: () => kc, transport: () => undefined });
    await expect(forbidden.start({ namespace: 'default', pod: 'web', container: 'main', cols: 80, rows: 24 }, session().sink)).rejects.toMatchObject({ code: 'forbidden', message });
    server.close();
  });
});
