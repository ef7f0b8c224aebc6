import type { InstallChoices, PreflightResult } from '../../../../main/contract';

/** What to do about microk8s: a fresh install, or with one already here connect, add addons, or reinstall. */
export type SetupMode = 'fresh' | 'connect' | 'addons' | 'reinstall';

export interface ChoiceState {
  channel: string;
  addons: ReadonlySet<string>;
  mergeKubeconfig: boolean;
}

const CHANNEL = /^(latest|\d+\.\d+(-strict)?)(\/(stable|candidate|beta|edge))?$/;

/** The form's first state: the default channel, the recommended addons not yet on, merge on. */
export function initialChoices(preflight: PreflightResult): ChoiceState {
  return {
    channel: preflight.defaultChannel,
    addons: new Set(preflight.addons.filter((a) => a.recommended && !a.enabled).map((a) => a.name)),
    mergeKubeconfig: true,
  };
}

/**
 * The request for `installer.start`. Connecting and adding addons keep the channel microk8s is
 * already on (main skips the snap install for an existing microk8s); connecting enables nothing.
 */
export function toInstallChoices(mode: SetupMode, state: ChoiceState, preflight: PreflightResult): InstallChoices {
  const existingChannel = preflight.existing.channel;
  const keepChannel = existingChannel && CHANNEL.test(existingChannel) ? existingChannel : preflight.defaultChannel;
  const enabled = new Set(preflight.addons.filter((a) => a.enabled).map((a) => a.name));
  const known = new Set(preflight.addons.map((a) => a.name));
  const addons = [...state.addons].filter((name) => known.has(name) && !enabled.has(name));
  switch (mode) {
    case 'connect':
      return { channel: keepChannel, addons: [], mergeKubeconfig: true, reinstall: false };
    case 'addons':
      return { channel: keepChannel, addons, mergeKubeconfig: state.mergeKubeconfig, reinstall: false };
    case 'reinstall':
      return { channel: state.channel, addons: [...state.addons].filter((name) => known.has(name)), mergeKubeconfig: state.mergeKubeconfig, reinstall: true };
    case 'fresh':
      return { channel: state.channel, addons, mergeKubeconfig: state.mergeKubeconfig, reinstall: false };
  }
}
