import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TerminalSessions } from '../terminal';
import { InstallerService } from './installer-service';

const service = (platform: NodeJS.Platform) =>
  new InstallerService({
    sessions: new TerminalSessions({ exit: () => undefined }),
    dataDir: mkdtempSync(join(tmpdir(), 'berth-data-')),
    env: { HOME: '/home/ana', USER: 'ana', PATH: '/usr/bin:/bin' },
    emit: () => undefined,
    onConnected: () => undefined,
    machine: { platform },
  });

describe('InstallerService', () => {
  it('refuses to start an install off Linux, saying what to do instead', async () => {
    await expect(service('darwin').start({ channel: '1.32/stable', addons: [], mergeKubeconfig: true })).rejects.toMatchObject({
      code: 'unsupported-platform',
      hint: expect.stringMatching(/kubeconfig/),
    });
  });

  it('says which run is unknown instead of acting on another', async () => {
    const installer = service('linux');
    expect(installer.current()).toEqual({ run: null });
    expect(installer.isBusy()).toBe(false);
    await expect(installer.cancel('nope')).rejects.toMatchObject({ code: 'unknown-run' });
    expect(() => installer.retry('nope')).toThrow(/no run nope/);
    expect(installer.logs().logs).toEqual([]);
  });
});
