import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import tls from 'node:tls';

// Two questions asked of the API server directly, never with the kubeconfig's credentials:
// does it answer a request that carries none (anonymous auth), and when does the certificate
// it serves expire (from the TLS handshake)?

export type AnonymousProbe = { status: number } | { error: string };
export type CertificateProbe = { validTo: number; subject: string } | { error: string };

const TIMEOUT_MS = 5_000;

/**
 * Lists namespaces with no Authorization header and no client certificate. The server's identity
 * does not matter for this question (nothing secret is sent), so the certificate is not verified.
 */
export function probeAnonymous(server: string): Promise<AnonymousProbe> {
  return new Promise((resolve) => {
    const url = new URL('/api/v1/namespaces?limit=1', server);
    const lib = url.protocol === 'http:' ? http : https;
    const req = lib.request(url, { method: 'GET', headers: { Accept: 'application/json' }, agent: false, rejectUnauthorized: false, timeout: TIMEOUT_MS }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (e) => resolve({ error: e.message }));
    req.end();
  });
}

export function probeCertificate(server: string): Promise<CertificateProbe> {
  const url = new URL(server);
  if (url.protocol !== 'https:') return Promise.resolve({ error: 'the server is reached over plain HTTP: it serves no certificate' });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port: Number(url.port || 443), rejectUnauthorized: false, ...(isIP(host) ? {} : { servername: host }), timeout: TIMEOUT_MS }, () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      const validTo = Date.parse(cert.valid_to ?? '');
      if (Number.isNaN(validTo)) resolve({ error: 'the server sent no certificate' });
      else resolve({ validTo, subject: cert.subject?.CN ? String(cert.subject.CN) : '' });
    });
    socket.on('timeout', () => socket.destroy(new Error('timed out')));
    socket.on('error', (e) => resolve({ error: e.message }));
  });
}
