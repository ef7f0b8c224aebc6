import type { InstallRun } from '../../../../main/contract';

/** What each kind of run is called while it runs and once it is over. */
export const RUN_KIND: Record<InstallRun['kind'], { running: string; succeeded: string; noun: string }> = {
  install: { running: 'Installing microk8s', succeeded: 'microk8s is installed', noun: 'install' },
  'add-node': { running: 'Preparing a join command', succeeded: 'Ready for another machine to join', noun: 'add-node run' },
  join: { running: 'Joining a cluster', succeeded: 'This machine joined the cluster', noun: 'join' },
  remove: { running: 'Removing microk8s', succeeded: 'Done', noun: 'removal' },
};
