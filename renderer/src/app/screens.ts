import type { ListKind } from '../../../main/contract';

/** Sidebar groups, in order: a dozen screens stay findable at a glance. */
export const screenGroups = ['Cluster', 'Workloads', 'Network & storage'] as const;
export type ScreenGroup = (typeof screenGroups)[number];

/**
 * The screens of the window, in the order the sidebar lists them within their group. `kinds`:
 * the lists a screen shows, so a link to an object (a pod's owner, an event's object) opens
 * the right screen.
 */
export const screens = [
  { id: 'home', label: 'Welcome', shortcut: '1', group: 'Cluster', kinds: [] },
  { id: 'install', label: 'Install', shortcut: '2', group: 'Cluster', kinds: [] },
  { id: 'overview', label: 'Overview', shortcut: '3', group: 'Cluster', kinds: [] },
  { id: 'checkup', label: 'Check-up', shortcut: '0', group: 'Cluster', kinds: [] },
  { id: 'nodes', label: 'Nodes', shortcut: '4', group: 'Cluster', kinds: ['nodes'] },
  { id: 'events', label: 'Events', shortcut: '8', group: 'Cluster', kinds: ['events'] },
  { id: 'workloads', label: 'Workloads', shortcut: '7', group: 'Workloads', kinds: ['deployments', 'replicasets', 'replicationcontrollers', 'daemonsets', 'statefulsets', 'jobs', 'cronjobs'] },
  { id: 'pods', label: 'Pods', shortcut: '5', group: 'Workloads', kinds: ['pods'] },
  { id: 'services', label: 'Services', shortcut: '6', group: 'Network & storage', kinds: ['services'] },
  { id: 'network', label: 'Network', shortcut: '9', group: 'Network & storage', kinds: ['ingresses', 'networkpolicies'] },
  // Alt+0..9 are all taken: Storage is reached from the sidebar (Tab, Enter) without a shortcut.
  { id: 'storage', label: 'Storage', shortcut: '', group: 'Network & storage', kinds: ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses'] },
] as const satisfies readonly { id: string; label: string; shortcut: string; group: ScreenGroup; kinds: readonly ListKind[] }[];
export type ScreenId = (typeof screens)[number]['id'];

/** The screen that lists objects of this kind, if any. */
export function screenForKind(kind: ListKind): ScreenId | undefined {
  return screens.find((s) => (s.kinds as readonly ListKind[]).includes(kind))?.id;
}
