import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulator, type Simulator } from '../index';

// pods/exec at the protocol level: channel bytes, the error channel's Status, v5's close
// signal, TTY echo and resize, as client-go's WebSocket executor speaks them.

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'fresh-microk8s', speed: 20, nodeName: 'ubuntu' });
});
afterAll(() => sim.stop());

interface Session {
  ws: WebSocket;
  protocol: string;
  out: Record<number, string>;
  closed: Promise<number>;
}

function open(query: string, protocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io']): Promise<Session> {
  return new Promise((resolve, reject) => {
    const url = `${sim.url.replace('https', 'wss')}/api/v1/namespaces/kube-system/pods/coredns-79b94494c7-twdrh/exec?${query}`;
    const ws = new WebSocket(url, protocols, { ca: sim.caPem, headers: { Authorization: `Bearer ${sim.token}` } });
    const out: Record<number, string> = {};
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('message', (data: Buffer) => {
      const ch = data[0]!;
      out[ch] = (out[ch] ?? '') + data.subarray(1).toString('utf8');
    });
    ws.on('open', () => resolve({ ws, protocol: ws.protocol, out, closed }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

const send = (ws: WebSocket, channel: number, text: string): void => ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text)]));

describe('pods/exec over WebSocket', () => {
  it('runs a command: stdout on 1, Success Status on 3 (v5 preferred)', async () => {
    const s = await open('command=ls&command=/var/run/secrets/kubernetes.io/serviceaccount&stdout=true&stderr=true');
    expect(s.protocol).toBe('v5.channel.k8s.io');
    expect(await s.closed).toBe(1000);
    expect(s.out[1]).toBe('ca.crt\nnamespace\ntoken\n');
    expect(JSON.parse(s.out[3] ?? '')).toEqual({ metadata: {}, status: 'Success' });
  });

  it('reports a non-zero exit as NonZeroExitCode with the code in the causes (v4)', async () => {
    const s = await open('command=sh&command=-c&command=exit%207&stdout=true&stderr=true', ['v4.channel.k8s.io']);
    expect(s.protocol).toBe('v4.channel.k8s.io');
    await s.closed;
    expect(JSON.parse(s.out[3] ?? '')).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '7' }] } });
  });

  it('runs an interactive TTY shell: prompt, echo, resize, exit', async () => {
    const s = await open('command=sh&stdin=true&stdout=true&tty=true');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.out[1]).toBe('/ # ');
    send(s.ws, 4, JSON.stringify({ Width: 120, Height: 40 }));
    send(s.ws, 0, 'echo hi\r');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.out[1]).toBe('/ # echo hi\r\nhi\r\n/ # ');
    send(s.ws, 0, 'exit 2\r');
    expect(await s.closed).toBe(1000);
    expect(JSON.parse(s.out[3] ?? '')).toMatchObject({ reason: 'NonZeroExitCode' });
  });

  it('ends a non-TTY shell when v5 closes stdin', async () => {
    const s = await open('command=sh&stdin=true&stdout=true&stderr=true');
    send(s.ws, 0, 'pwd\nnope\n');
    await new Promise((r) => setTimeout(r, 50));
    s.ws.send(Buffer.from([255, 0]));
    await s.closed;
    expect(s.out[1]).toBe('/\n');
    expect(s.out[2]).toBe('sh: nope: not found\n');
    expect(JSON.parse(s.out[3] ?? '')).toMatchObject({ status: 'Failure' });
  });

  it('refuses without a token and for a missing pod', async () => {
    const bad = new WebSocket(`${sim.url.replace('https', 'wss')}/api/v1/namespaces/default/pods/nope/exec?command=ls`, ['v5.channel.k8s.io'], { ca: sim.caPem, headers: { Authorization: `Bearer ${sim.token}` } });
    const status = await new Promise<number>((r) => bad.on('unexpected-response', (_q, res) => r(res.statusCode ?? 0)));
    expect(status).toBe(404);
    const anon = new WebSocket(`${sim.url.replace('https', 'wss')}/api/v1/namespaces/kube-system/pods/coredns-79b94494c7-twdrh/exec?command=ls`, ['v5.channel.k8s.io'], { ca: sim.caPem });
    expect(await new Promise<number>((r) => anon.on('unexpected-response', (_q, res) => r(res.statusCode ?? 0)))).toBe(401);
  });
});
