import { describe, expect, it } from 'vitest';
import type { PreflightResult } from '../../../../main/contract';
import { initialChoices, toInstallChoices } from './install-choices';

const preflight = (existing: PreflightResult['existing'] = { installed: false }): PreflightResult => ({
  checks: [],
  canInstall: true,
  existing,
  channels: [{ name: '1.32/stable', version: 'v1.32.3' }, { name: '1.31/stable' }],
  defaultChannel: '1.32/stable',
  addons: [
    { name: 'dns', description: 'CoreDNS', recommended: true, enabled: existing.installed },
    { name: 'dashboard', description: 'The Kubernetes dashboard', recommended: true },
    { name: 'ingress', description: 'Ingress controller', recommended: true },
    { name: 'metallb', description: 'Loadbalancer', recommended: false },
  ],
});

describe('initialChoices', () => {
  it('preselects the default channel, the recommended addons and the kubeconfig merge', () => {
    const state = initialChoices(preflight());
    expect(state.channel).toBe('1.32/stable');
    expect([...state.addons]).toEqual(['dns', 'dashboard', 'ingress']);
    expect(state.mergeKubeconfig).toBe(true);
  });

  it('leaves out recommended addons that are already on', () => {
    expect([...initialChoices(preflight({ installed: true })).addons]).toEqual(['dashboard', 'ingress']);
  });
});

describe('toInstallChoices', () => {
  it('sends a fresh install as chosen', () => {
    const p = preflight();
    const state = { channel: '1.31/stable', addons: new Set(['dns', 'metallb']), mergeKubeconfig: false };
    expect(toInstallChoices('fresh', state, p)).toEqual({ channel: '1.31/stable', addons: ['dns', 'metallb'], mergeKubeconfig: false, reinstall: false });
  });

  it('connects to an existing microk8s on its own channel, enabling nothing', () => {
    const p = preflight({ installed: true, channel: '1.30/stable' });
    expect(toInstallChoices('connect', initialChoices(p), p)).toEqual({ channel: '1.30/stable', addons: [], mergeKubeconfig: true, reinstall: false });
  });

  it('adds only addons that are not on yet, and falls back to the default channel for an odd one', () => {
    const p = preflight({ installed: true, channel: 'weird' });
    const state = { channel: '1.31/stable', addons: new Set(['dns', 'metallb', 'not-offered']), mergeKubeconfig: true };
    expect(toInstallChoices('addons', state, p)).toEqual({ channel: '1.32/stable', addons: ['metallb'], mergeKubeconfig: true, reinstall: false });
  });

  it('reinstalls with the chosen channel and every chosen addon', () => {
    const p = preflight({ installed: true, channel: '1.30/stable' });
    const state = { channel: '1.31/stable', addons: new Set(['dns', 'dashboard']), mergeKubeconfig: true };
    expect(toInstallChoices('reinstall', state, p)).toEqual({ channel: '1.31/stable', addons: ['dns', 'dashboard'], mergeKubeconfig: true, reinstall: true });
  });
});
