import type { InstallRun } from '../../../../main/contract';

/** What each kind of run is called while it runs and once it is over. */
export const RUN_KIND: Record<InstallRun['kind'], { title: string; running: string; succeeded: string; noun: string }> = {
  install: { title: 'microk8s install', running: 'Installing microk8s', succeeded: 'microk8s is installed', noun: 'install' },
  'add-node': { title: 'Add a node', running: 'Preparing a join command', succeeded: 'Ready for another machine to join', noun: 'add-node run' },
  join: { title: 'Join a cluster', running: 'Joining a cluster', succeeded: 'This machine joined the cluster', noun: 'join' },
  remove: { title: 'Reset or remove microk8s', running: 'Removing microk8s', succeeded: 'Done', noun: 'removal' },
};

const ENDED: Record<InstallRun['state'], string> = { running: 'running', succeeded: 'done', failed: 'failed', cancelled: 'cancelled' };

/** The run's heading: what is happening while it runs, then its name and how it ended (the outcome below says more). */
export function runHeading(run: Pick<InstallRun, 'kind' | 'state'>): string {
  const kind = RUN_KIND[run.kind];
  return run.state === 'running' ? kind.running : `${kind.title}: ${ENDED[run.state]}`;
}
