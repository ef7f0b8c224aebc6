import { describe, expect, it } from 'vitest';
import { checkVersion } from './check-version';
import { RELEASES_AS_OF } from './kubernetes-releases';
import { newestStableChannel } from './microk8s-facts';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const one = (version: string | undefined, now = NOW) => checkVersion(version, now, undefined)[0]!;

describe('Kubernetes version', () => {
  it('fails a release past its end of life and names the newest', () => {
    const f = one('v1.32.2');
    expect(f.status).toBe('fail');
    expect(f.summary).toContain('out of upstream support since 2026-02-28');
    expect(f.summary).toContain(`as of ${RELEASES_AS_OF}`);
  });

  it('fails releases older than the table', () => {
    expect(one('v1.21.14').status).toBe('fail');
  });

  it('passes a supported release, warns within 90 days of its end of life', () => {
    expect(one('v1.36.4').status).toBe('pass');
    expect(one('v1.35.2').status).toBe('pass');
    const soon = one('v1.35.2', Date.parse('2027-01-15T00:00:00Z'));
    expect(soon.status).toBe('warning');
    expect(soon.summary).toMatch(/\(44 days left\)/);
  });

  it('passes a release newer than the table, saying so', () => {
    const f = one('v1.38.0');
    expect(f.status).toBe('pass');
    expect(f.summary).toContain('newer than Berth');
  });

  it('warns when the server does not say its version', () => {
    expect(one(undefined).status).toBe('warning');
  });

  it('compares the microk8s channel with the newest stable track', () => {
    const newest = newestStableChannel([
      { name: 'latest/stable', version: 'v1.36.4' },
      { name: '1.36/stable', version: 'v1.36.4' },
      { name: '1.36-strict/stable', version: 'v1.36.4' },
      { name: '1.37/edge', version: 'v1.37.1' },
      { name: '1.9/stable', version: 'v1.9.0' },
      { name: '1.32/stable', version: 'v1.32.9' },
    ]);
    expect(newest).toEqual({ name: '1.36/stable', version: 'v1.36.4' });
    const old = checkVersion('v1.32.2', NOW, { installedChannel: '1.32/stable', installedVersion: 'v1.32.2', newestStable: newest!, problems: [] })[1]!;
    expect(old.id).toBe('version.microk8s-channel');
    expect(old.status).toBe('warning');
    expect(old.fix).toContain('--channel=1.33/stable');
    const current = checkVersion('v1.36.4', NOW, { installedChannel: '1.36/stable', newestStable: newest!, problems: [] })[1]!;
    expect(current.status).toBe('pass');
  });

  it('leaves the channel out for clusters that are not the local microk8s', () => {
    expect(checkVersion('v1.36.4', NOW, undefined).map((f) => f.id)).toEqual(['version.support']);
  });
});
