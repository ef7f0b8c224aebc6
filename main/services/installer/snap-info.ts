/** What `snap info microk8s` says about channels and the installed revision (reference §1, Channels). */
export interface SnapInfo {
  channels: Array<{ name: string; version: string }>;
  tracking?: string;
  installedVersion?: string;
}

// `  1.32/stable:    v1.32.3  2025-04-07 (7964) 172MB classic`; closed channels show `--` or `↑`.
const CHANNEL_LINE = /^\s+((?:latest|\d+\.\d+(?:-strict)?)\/(?:stable|candidate|beta|edge)):\s+(v\S+)/;

export function parseSnapInfo(text: string): SnapInfo {
  const info: SnapInfo = { channels: [] };
  for (const line of text.split(/\r?\n/)) {
    const channel = CHANNEL_LINE.exec(line);
    if (channel) {
      info.channels.push({ name: channel[1] as string, version: channel[2] as string });
      continue;
    }
    const tracking = /^tracking:\s+(\S+)/.exec(line);
    if (tracking) info.tracking = tracking[1];
    const installed = /^installed:\s+(v\S+)/.exec(line);
    if (installed) info.installedVersion = installed[1];
  }
  return info;
}

/**
 * The channel a plain `snap install microk8s` picks: the microk8s snap's default track is the
 * current Kubernetes minor (e.g. `1.32`), which is what `latest/stable` carries. Falls back to
 * `latest/stable` when the list is unknown.
 */
export function defaultChannel(channels: SnapInfo['channels']): string {
  const latest = channels.find((c) => c.name === 'latest/stable');
  const minor = latest ? /^v(\d+\.\d+)\./.exec(latest.version)?.[1] : undefined;
  if (minor && channels.some((c) => c.name === `${minor}/stable`)) return `${minor}/stable`;
  const newestStable = channels
    .filter((c) => /^\d+\.\d+\/stable$/.test(c.name))
    .sort((a, b) => compareTracks(b.name, a.name))[0];
  return newestStable?.name ?? 'latest/stable';
}

function compareTracks(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('/')[0]?.split('.').map(Number) ?? [];
  const [bm = 0, bn = 0] = b.split('/')[0]?.split('.').map(Number) ?? [];
  return am - bm || an - bn;
}

/** Channels as the wizard lists them: stable first, then newest track first. */
export function sortChannels(channels: SnapInfo['channels']): SnapInfo['channels'] {
  const riskOrder = ['stable', 'candidate', 'beta', 'edge'];
  const rank = (name: string) => riskOrder.indexOf(name.split('/')[1] ?? '');
  return [...channels].sort((a, b) => rank(a.name) - rank(b.name) || (a.name.startsWith('latest') ? -1 : b.name.startsWith('latest') ? 1 : compareTracks(b.name, a.name)));
}
