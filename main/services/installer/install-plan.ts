import type { InstallChoices } from '../../contract';
import type { MachineFacts } from './preflight';

/** What a step does; the runner has one way of carrying out each kind. */
export type StepAction =
  | { kind: 'remove-snap' }
  | { kind: 'snap-install'; channel: string }
  | { kind: 'add-group' }
  | { kind: 'fix-kube-ownership' }
  | { kind: 'wait-ready' }
  | { kind: 'enable-addon'; addon: string }
  | { kind: 'get-all' }
  | { kind: 'merge-kubeconfig' }
  | { kind: 'dashboard-proxy' }
  | { kind: 'add-node' }
  | { kind: 'join'; address: string; worker: boolean }
  | { kind: 'reset' }
  | { kind: 'inspect' };

export interface PlannedStep {
  id: string;
  title: string;
  /** The command as the person would type it. */
  command: string;
  action: StepAction;
}

/** `microk8s status --wait-ready` can hang for ever (reference §8.1): it always gets a timeout. */
export const WAIT_READY_TIMEOUT_S = 300;

/** The install, as the classic script, in order (issue 4). Which steps are already done is decided as each one comes up. */
export function planInstall(choices: Required<Pick<InstallChoices, 'channel' | 'addons' | 'mergeKubeconfig'>> & { reinstall?: boolean }, existing: Pick<MachineFacts, 'installed'>): PlannedStep[] {
  const steps: PlannedStep[] = [];
  if (choices.reinstall && existing.installed) {
    steps.push({ id: 'remove-existing', title: 'Remove the existing microk8s', command: 'sudo snap remove microk8s', action: { kind: 'remove-snap' } });
  }
  steps.push(
    { id: 'snap-install', title: 'Install the microk8s snap', command: `sudo snap install microk8s --classic --channel=${choices.channel}`, action: { kind: 'snap-install', channel: choices.channel } },
    { id: 'add-group', title: 'Add you to the microk8s group', command: 'sudo usermod -a -G microk8s $USER', action: { kind: 'add-group' } },
    { id: 'fix-kube-ownership', title: 'Make ~/.kube yours', command: 'sudo chown -f -R $USER ~/.kube', action: { kind: 'fix-kube-ownership' } },
    { id: 'wait-ready', title: 'Wait for microk8s to be ready', command: `microk8s status --wait-ready --timeout ${WAIT_READY_TIMEOUT_S}`, action: { kind: 'wait-ready' } },
  );
  for (const addon of dedupe(choices.addons)) {
    steps.push({ id: `addon-${addon.split(':')[0]}`, title: `Enable ${addon.split(':')[0]}`, command: `microk8s enable ${addon}`, action: { kind: 'enable-addon', addon } });
  }
  steps.push({ id: 'get-all', title: 'List what runs in the cluster', command: 'microk8s kubectl get all --all-namespaces', action: { kind: 'get-all' } });
  steps.push({
    id: 'merge-kubeconfig',
    title: 'Add the cluster to ~/.kube/config',
    command: 'microk8s config  (merged as context "microk8s")',
    action: { kind: 'merge-kubeconfig' },
  });
  if (choices.addons.some((a) => a.split(':')[0] === 'dashboard')) {
    steps.push({ id: 'dashboard-proxy', title: 'Open the dashboard', command: 'microk8s dashboard-proxy', action: { kind: 'dashboard-proxy' } });
  }
  return steps;
}

function dedupe(addons: readonly string[]): string[] {
  const seen = new Set<string>();
  return addons.filter((a) => {
    const name = a.split(':')[0] as string;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

export interface SkipContext {
  facts: MachineFacts;
  mergeKubeconfig: boolean;
  /** The group was added earlier in this run. */
  groupAddedThisRun: boolean;
}

/** Why a step need not run (it is already done), or undefined when it must run. Re-running an install is safe because of this. */
export function skipReason(action: StepAction, { facts, mergeKubeconfig }: SkipContext): string | undefined {
  switch (action.kind) {
    case 'snap-install':
      return facts.installed ? `microk8s ${facts.version ?? ''} is already installed${facts.channel ? ` from ${facts.channel}` : ''}.`.replace('  ', ' ') : undefined;
    case 'add-group':
      return facts.userInGroup ? 'You are already in the microk8s group.' : undefined;
    case 'fix-kube-ownership':
      return facts.kubeDirNeedsChown ? undefined : '~/.kube is already yours (or does not exist yet).';
    case 'enable-addon': {
      const name = action.addon.split(':')[0] as string;
      return facts.enabledAddons.includes(name) ? `${name} is already enabled.` : undefined;
    }
    case 'merge-kubeconfig':
      return mergeKubeconfig ? undefined : 'You chose not to add the cluster to ~/.kube/config. `microk8s kubectl` works without it.';
    default:
      return undefined;
  }
}
