import type { Finding } from '../../contract';
import { makeFinding } from './finding';
import { KUBERNETES_RELEASES, newestRelease, parseVersion, RELEASES_AS_OF, releaseOf } from './kubernetes-releases';
import { trackMinor, type Microk8sFacts } from './microk8s-facts';

// Kubernetes version: the server's minor against upstream's support window; for Berth's local
// microk8s, the snap channel it tracks against the newest stable channel in the store.

const day = 24 * 3600_000;

export function checkVersion(serverVersion: string | undefined, now: number, microk8s: Microk8sFacts | undefined): Finding[] {
  const out: Finding[] = [];
  const newest = newestRelease();
  const v = parseVersion(serverVersion);
  const release = releaseOf(serverVersion);
  const why =
    'Each Kubernetes minor release gets security fixes for about 14 months. After its end-of-life date, vulnerabilities found in it are no longer fixed, and upgrading later means crossing several releases at once.';
  const upgrade = `# microk8s: move to a newer track, one minor at a time\nsudo snap refresh microk8s --channel=${newest.minor}/stable\n# other clusters: follow your distribution's upgrade guide (kubeadm upgrade plan, managed service console...)`;
  if (!v) {
    out.push(makeFinding('version', { id: 'support', title: 'Kubernetes version', status: 'warning', summary: 'The server did not say which version it runs.', why, fix: 'kubectl version', fixFormat: 'shell' }));
  } else {
    const oldest = KUBERNETES_RELEASES.at(-1)!;
    const eol = release ? Date.parse(`${release.endOfLife}T23:59:59Z`) : undefined;
    const older = !release && (v.major < 1 || (v.major === 1 && v.minor < Number(oldest.minor.split('.')[1])));
    if (older || (eol !== undefined && eol < now)) {
      out.push(
        makeFinding('version', {
          id: 'support',
          title: 'Kubernetes version',
          status: 'fail',
          summary: `The server runs ${serverVersion}, out of upstream support${release ? ` since ${release.endOfLife}` : ''}. The newest release is ${newest.latestPatch} (Berth's release table as of ${RELEASES_AS_OF}).`,
          why,
          fix: upgrade,
          fixFormat: 'shell',
        }),
      );
    } else if (!release) {
      out.push(makeFinding('version', { id: 'support', title: 'Kubernetes version', status: 'pass', summary: `The server runs ${serverVersion}, newer than Berth's release table (as of ${RELEASES_AS_OF}).`, why }));
    } else {
      const daysLeft = Math.floor(((eol ?? now) - now) / day);
      const soon = daysLeft < 90;
      out.push(
        makeFinding('version', {
          id: 'support',
          title: 'Kubernetes version',
          status: soon ? 'warning' : 'pass',
          summary: `The server runs ${serverVersion}; upstream supports ${release.minor} until ${release.endOfLife}${soon ? ` (${daysLeft} days left)` : ''}. The newest release is ${newest.latestPatch} (as of ${RELEASES_AS_OF}).`,
          why,
          fix: upgrade,
          fixFormat: 'shell',
        }),
      );
    }
  }
  if (microk8s?.installedChannel) {
    const installed = microk8s.installedChannel;
    const newestStable = microk8s.newestStable;
    const mine = trackMinor(installed);
    const theirs = newestStable ? trackMinor(newestStable.name) : undefined;
    const why2 = 'microk8s follows the snap channel it was installed from: it gets patch releases of that track only. A newer track has to be chosen by you.';
    if (!newestStable || theirs === undefined) {
      out.push(makeFinding('version', { id: 'microk8s-channel', title: 'microk8s channel', status: 'warning', summary: `microk8s ${microk8s.installedVersion ?? ''} tracks ${installed}; the store's channels could not be read.`.replace('  ', ' '), why: why2, fix: 'snap info microk8s', fixFormat: 'shell' }));
    } else {
      const current = mine === undefined ? installed.startsWith('latest/') : mine >= theirs;
      out.push(
        makeFinding('version', {
          id: 'microk8s-channel',
          title: 'microk8s channel',
          status: current ? 'pass' : 'warning',
          summary: current
            ? `microk8s ${microk8s.installedVersion ?? ''} tracks ${installed}, the newest stable track.`.replace('  ', ' ')
            : `microk8s ${microk8s.installedVersion ?? ''} tracks ${installed}; the newest stable channel is ${newestStable.name} (${newestStable.version}).`.replace('  ', ' '),
          why: why2,
          fix: mine !== undefined ? `# one minor at a time, e.g.\nsudo snap refresh microk8s --channel=1.${mine + 1}/stable` : `sudo snap refresh microk8s --channel=${newestStable.name}`,
          fixFormat: 'shell',
        }),
      );
    }
  }
  return out;
}
