import { describe, expect, it } from 'vitest';
import type { ContextInfo } from '../../../../main/contract';
import { contextWarnings, describeConnection } from './connection-text';

describe('describeConnection', () => {
  it('reads connected with the time since the last sync, ticking with now', () => {
    const status = { context: 'microk8s', state: 'connected', lastSyncAt: 10_000 } as const;
    expect(describeConnection(status, 14_000)).toEqual({ label: 'Connected', tone: 'ok', synced: 'last synced 4s ago' });
    expect(describeConnection(status, 10_000 + 5 * 60_000)).toMatchObject({ synced: 'last synced 5m ago' });
  });

  it('gives the reason and the hint when not connected', () => {
    expect(describeConnection({ context: 'prod', state: 'reconnecting', reason: 'The watch closed (connection reset).', hint: 'Berth retries in 4s.' }, 0)).toEqual({
      label: 'Reconnecting…',
      tone: 'warn',
      detail: 'The watch closed (connection reset). Berth retries in 4s.',
    });
    expect(describeConnection({ context: 'prod', state: 'unauthorized', reason: 'The token was refused (401).' }, 0)).toMatchObject({ label: 'Not authorised', tone: 'bad', detail: 'The token was refused (401).' });
    expect(describeConnection({ context: null, state: 'unreachable' }, 0)).toEqual({ label: 'Unreachable', tone: 'bad' });
  });

  it('never shows a negative age when the clocks disagree', () => {
    expect(describeConnection({ context: 'x', state: 'connected', lastSyncAt: 5_000 }, 4_000).synced).toBe('last synced 0s ago');
  });
});

describe('contextWarnings', () => {
  const base: ContextInfo = { name: 'c', cluster: 'lab', server: 'https://10.0.0.1:16443', user: 'admin', authKind: 'token', insecure: false };

  it('has nothing to say about a verified context', () => {
    expect(contextWarnings(base)).toEqual([]);
  });

  it('warns about skipped TLS verification', () => {
    expect(contextWarnings({ ...base, insecure: true })).toEqual([expect.stringMatching(/TLS verification is off for lab/)]);
  });

  it('names a missing exec plugin and where Berth looked', () => {
    const warnings = contextWarnings({ ...base, authKind: 'exec', exec: { command: 'aws-iam-authenticator', resolvedPath: null, searched: ['/usr/local/bin', '/usr/bin'] } });
    expect(warnings).toEqual(['The credential plugin "aws-iam-authenticator" this context needs was not found. Berth looked in: /usr/local/bin, /usr/bin. Install it or put it on PATH, then reconnect.']);
    expect(contextWarnings({ ...base, authKind: 'exec', exec: { command: 'gke-gcloud-auth-plugin', resolvedPath: '/usr/bin/gke-gcloud-auth-plugin', searched: [] } })).toEqual([]);
  });
});
