import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator';
import { createStandinEnv, type StandinEnv } from '../../simulator/standins';
import { commandRunner } from '../installer/run-command';
import { gatherMicrok8sFacts } from './microk8s-facts';

// The microk8s facts from the stand-in snap and microk8s (which print what the real tools print):
// the channel from `snap list`, the store's channels from `snap info`, the rbac addon from
// `microk8s status`, through `sg` while the session lacks the group.

let sim: Simulator;
let standins: StandinEnv;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'fresh-microk8s', speed: 50, nodeName: 'ubuntu' });
  standins = createStandinEnv({ speed: 0.05, simKubeconfig: sim.kubeconfigPath, installed: true, inGroup: true });
});
afterAll(async () => {
  standins?.dispose();
  await sim?.stop();
});

describe('microk8s facts from the stand-ins', () => {
  it('reads the installed channel, the newest stable channel and whether rbac is on', async () => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...standins.env })) if (v !== undefined) env[k] = v;
    const facts = await gatherMicrok8sFacts(commandRunner({ ...env, LANG: 'C.UTF-8' }, process.cwd()));
    expect(facts?.installedChannel).toBe('1.32/stable');
    expect(facts?.newestStable?.name).toMatch(/^1\.\d+\/stable$/);
    expect(Number(facts!.newestStable!.name.slice(2, 4))).toBeGreaterThanOrEqual(32);
    expect(facts?.rbacEnabled).toBe(false);
    expect(facts?.problems).toEqual([]);
  });
});
