import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { deletePod, runPod, setUnschedulable } from './actions';
import { configForContext } from './contexts';
import { KubeApiError } from './kube-errors';
import { createKubeTransport } from './kube-http';
import { loadKubeconfig } from './kubeconfig';

// The auth kubectl users rely on, against a local HTTPS server that demands a client certificate
// or a bearer token: embedded and file client certificates, tokens, exec plugins, an untrusted
// certificate with and without insecure-skip-tls-verify, proxy-url; and the server's refusals
// (403, 409, 422, 429 + Retry-After) as errors that say what happened.

const dir = mkdtempSync(join(tmpdir(), 'berth-kube-http-'));
let server: https.Server;
let proxy: http.Server;
let url = '';
let proxyUrl = '';
let proxied = 0;
const pki = { ca: '', clientCert: '', clientKey: '', otherCa: '' };
const seen: Array<{ path: string; method: string; auth: string | undefined; clientCN: string | undefined; contentType: string | undefined; body: string }> = [];
const answers = new Map<string, { status: number; body: unknown; headers?: Record<string, string>; text?: string }>();

async function makePki() {
  const opts = { keyType: 'ec' as const, curve: 'P-256' as const, algorithm: 'sha256' as const };
  const ca = await generate([{ name: 'commonName', value: 'test-ca' }], { ...opts, extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, digitalSignature: true, critical: true }] });
  const srv = await generate([{ name: 'commonName', value: '127.0.0.1' }], { ...opts, ca: { key: ca.private, cert: ca.cert }, extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }, { name: 'extKeyUsage', serverAuth: true }] });
  const client = await generate([{ name: 'commonName', value: 'ada' }], { ...opts, ca: { key: ca.private, cert: ca.cert }, extensions: [{ name: 'extKeyUsage', clientAuth: true }] });
  const other = await generate([{ name: 'commonName', value: 'other-ca' }], opts);
  Object.assign(pki, { ca: ca.cert, clientCert: client.cert, clientKey: client.private, otherCa: other.cert });
  return srv;
}

beforeAll(async () => {
  const srv = await makePki();
  server = https.createServer({ key: srv.private, cert: srv.cert, ca: pki.ca, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      const clientCN = (req.socket as TLSSocket).authorized ? (peer.subject?.CN as string | undefined) : undefined;
      seen.push({ path: req.url ?? '', method: req.method ?? '', auth: req.headers.authorization, clientCN, contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString() });
      const answer = answers.get(`${req.method} ${req.url?.split('?')[0]}`) ?? { status: 200, body: { kind: 'Status', status: 'Success' } };
      if (!clientCN && !req.headers.authorization) {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ kind: 'Status', message: 'Unauthorized', code: 401 }));
      }
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      res.end(answer.text ?? JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A minimal HTTP CONNECT proxy, counting tunnels.
  proxy = http.createServer();
  proxy.on('connect', (req, socket) => {
    proxied++;
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(() => {
  server?.closeAllConnections();
  server?.close();
  proxy?.close();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

function transportFor(cluster: Record<string, unknown>, user: Record<string, unknown>, execDirs: string[] = []) {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, stringify({ clusters: [{ name: 'c', cluster: { server: url, ...cluster } }], users: [{ name: 'u', user }], contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }], 'current-context': 'ctx' }));
  const { config } = loadKubeconfig({ kubeconfig: path }, { env: {}, home: dir, readFile: (p) => readFileSync(p, 'utf8'), exists: existsSync, delimiter: ':' });
  const exec = (user.exec as { command?: string } | undefined)?.command;
  const resolved = exec ? (execDirs.map((d) => join(d, exec)).find((p) => existsSync(p)) ?? null) : null;
  return createKubeTransport(configForContext(config, 'ctx', { resolvedPath: resolved, searchPath: execDirs }));
}

describe('auth kubectl users rely on', () => {
  it('client certificate embedded in the kubeconfig', async () => {
    const t = transportFor({ 'certificate-authority-data': b64(pki.ca) }, { 'client-certificate-data': b64(pki.clientCert), 'client-key-data': b64(pki.clientKey) });
    await t.request({ path: '/version' });
    expect(seen.at(-1)).toMatchObject({ clientCN: 'ada', auth: undefined });
    t.close();
  });

  it('client certificate and CA as files (relative to the kubeconfig)', async () => {
    writeFileSync(join(dir, 'ca.crt'), pki.ca);
    writeFileSync(join(dir, 'me.crt'), pki.clientCert);
    writeFileSync(join(dir, 'me.key'), pki.clientKey);
    const t = transportFor({ 'certificate-authority': 'ca.crt' }, { 'client-certificate': 'me.crt', 'client-key': 'me.key' });
    await t.request({ path: '/version' });
    expect(seen.at(-1)!.clientCN).toBe('ada');
    t.close();
  });

  it('bearer token', async () => {
    const t = transportFor({ 'certificate-authority-data': b64(pki.ca) }, { token: 'tok-123' });
    await t.request({ path: '/api' });
    expect(seen.at(-1)).toMatchObject({ auth: 'Bearer tok-123', clientCN: undefined });
    t.close();
  });

  it('exec credential plugin, found on the login shell PATH and run with it', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'));
    const plugin = join(bin, 'fake-auth-plugin');
    // The plugin needs PATH to be the one we pass (as gke-gcloud-auth-plugin needs gcloud).
    writeFileSync(plugin, `#!/bin/sh\ncase ":$PATH:" in *":${bin}:"*) ;; *) echo "PATH not passed" >&2; exit 1;; esac\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"from-plugin"}}'\n`);
    chmodSync(plugin, 0o755);
    const t = transportFor({ 'certificate-authority-data': b64(pki.ca) }, { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'fake-auth-plugin', interactiveMode: 'Never' } }, [bin, '/usr/bin', '/bin']);
    await t.request({ path: '/version' });
    expect(seen.at(-1)!.auth).toBe('Bearer from-plugin');
    t.close();
  });

  it('refuses an untrusted server certificate, unless insecure-skip-tls-verify', async () => {
    const strict = transportFor({ 'certificate-authority-data': b64(pki.otherCa) }, { token: 't' });
    await expect(strict.request({ path: '/version' })).rejects.toMatchObject({ code: 'tls' });
    strict.close();
    const insecure = transportFor({ 'insecure-skip-tls-verify': true }, { token: 't' });
    await insecure.request({ path: '/version' });
    expect(seen.at(-1)!.auth).toBe('Bearer t');
    insecure.close();
  });

  it('goes through proxy-url', async () => {
    const before = proxied;
    const t = transportFor({ 'certificate-authority-data': b64(pki.ca), 'proxy-url': proxyUrl }, { token: 'via-proxy' });
    await t.request({ path: '/version' });
    expect(proxied).toBeGreaterThan(before);
    expect(seen.at(-1)!.auth).toBe('Bearer via-proxy');
    t.close();
  });
});

describe('actions and the server\'s refusals', () => {
  const t = () => transportFor({ 'certificate-authority-data': b64(pki.ca) }, { token: 'x' });

  it('cordon sends the merge patch kubectl sends; uncordon clears the field', async () => {
    const transport = t();
    await setUnschedulable(transport, 'node-1', true);
    expect(seen.at(-1)).toMatchObject({ method: 'PATCH', path: '/api/v1/nodes/node-1', contentType: 'application/merge-patch+json', body: '{"spec":{"unschedulable":true}}' });
    await setUnschedulable(transport, 'node-1', false);
    expect(seen.at(-1)!.body).toBe('{"spec":{"unschedulable":null}}');
    transport.close();
  });

  it('shows 403, 409 and 422 with the server\'s message and what to do', async () => {
    const transport = t();
    answers.set('DELETE /api/v1/namespaces/kube-system/pods/coredns', { status: 403, body: { kind: 'Status', code: 403, reason: 'Forbidden', message: 'pods "coredns" is forbidden: User "ada" cannot delete resource "pods" in the namespace "kube-system"' } });
    const forbidden = await deletePod(transport, 'kube-system', 'coredns').catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(KubeApiError);
    expect(forbidden).toMatchObject({ code: 'forbidden', message: expect.stringContaining('cannot delete resource "pods"'), hint: expect.stringContaining('RBAC') });
    answers.set('POST /api/v1/namespaces/default/pods', { status: 422, body: { kind: 'Status', code: 422, reason: 'Invalid', message: 'Pod "web" is invalid: spec.containers[0].image: Required value' } });
    await expect(runPod(transport, { namespace: 'default', name: 'web', image: 'nginx', labels: {}, command: [] })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('is invalid'), hint: expect.stringContaining('Fix the fields') });
    answers.set('POST /api/v1/namespaces/default/pods', { status: 409, body: { kind: 'Status', code: 409, reason: 'AlreadyExists', message: 'pods "web" already exists' } });
    await expect(runPod(transport, { namespace: 'default', name: 'web', image: 'nginx', labels: {}, command: [] })).rejects.toMatchObject({ code: 'conflict', message: 'pods "web" already exists' });
    answers.set('GET /api/v1/pods', { status: 429, body: { kind: 'Status', code: 429, message: 'Too many requests' }, headers: { 'Retry-After': '3' } });
    await expect(transport.request({ path: '/api/v1/pods' })).rejects.toMatchObject({ code: 'throttled', retryAfterSeconds: 3 });
    answers.clear();
    transport.close();
  });
});

describe('streams', () => {
  const read = async (keepBlankLines: boolean): Promise<string[]> => {
    answers.set('GET /api/v1/namespaces/ns/pods/p/log', { status: 200, body: null, text: 'first\n\n  \nlast without newline' });
    const t = transportFor({ 'certificate-authority-data': b64(pki.ca) }, { token: 't' });
    const lines: string[] = [];
    await t.stream({ path: '/api/v1/namespaces/ns/pods/p/log', keepBlankLines }, (line) => lines.push(line)).done;
    answers.clear();
    t.close();
    return lines;
  };

  it("keeps a log's blank lines when asked, and the last line without a newline", async () => {
    expect(await read(true)).toEqual(['first', '', '  ', 'last without newline']);
  });

  it('skips blank lines otherwise (keep-alives between watch events)', async () => {
    expect(await read(false)).toEqual(['first', 'last without newline']);
  });

  it('pause() stops the lines until resume() (a reader behind leaves the rest in the socket), and none is lost', async () => {
    const total = 3_000;
    const text = Array.from({ length: total }, (_, i) => JSON.stringify({ type: 'MODIFIED', n: i, pad: 'x'.repeat(1_000) })).join('\n');
    answers.set('GET /api/v1/pods', { status: 200, body: null, text });
    const t = transportFor({ 'certificate-authority-data': b64(pki.ca) }, { token: 't' });
    const lines: number[] = [];
    const stream = t.stream({ path: '/api/v1/pods', query: { watch: 1 } }, (line) => {
      lines.push((JSON.parse(line) as { n: number }).n);
      if (lines.length === 1) stream.pause!();
    });
    while (lines.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 200));
    const whilePaused = lines.length;
    // The rest of the chunk that held the first line, not the 3 MB the server sent.
    expect(whilePaused).toBeLessThan(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(lines.length).toBe(whilePaused);
    stream.resume!();
    await stream.done;
    expect(lines).toEqual(Array.from({ length: total }, (_, i) => i));
    answers.clear();
    t.close();
  });
});
