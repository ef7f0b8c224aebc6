import { parseMicrok8sStatus } from '../installer/microk8s-status';
import { microk8sArgv } from '../installer/preflight';
import type { RunCommand } from '../installer/run-command';
import { parseSnapInfo } from '../installer/snap-info';

// What the machine's microk8s says about itself: the installed channel (`snap list microk8s`),
// the channels the store offers (`snap info microk8s`) and the enabled addons (`microk8s status`).
// Only asked when the connected context is Berth's local microk8s.

export interface Microk8sFacts {
  installedChannel?: string;
  installedVersion?: string;
  /** The newest `<minor>/stable` channel the store offers. */
  newestStable?: { name: string; version: string };
  /** Whether the rbac addon is on; undefined when `microk8s status` did not answer. */
  rbacEnabled?: boolean;
  problems: string[];
}

const trackMinor = (channel: string): number | undefined => {
  const m = /^1\.(\d+)(?:-strict)?\//.exec(channel);
  return m ? Number(m[1]) : undefined;
};

export function newestStableChannel(channels: Array<{ name: string; version: string }>): { name: string; version: string } | undefined {
  return channels.filter((c) => /^\d+\.\d+\/stable$/.test(c.name)).sort((a, b) => (trackMinor(b.name) ?? 0) - (trackMinor(a.name) ?? 0))[0];
}

/** undefined: snap or microk8s is not on this machine (a remote cluster, or not installed yet). */
export async function gatherMicrok8sFacts(run: RunCommand): Promise<Microk8sFacts | undefined> {
  const list = await run(['snap', 'list', 'microk8s'], { timeoutMs: 10_000 });
  const line = /^microk8s\s+(\S+)\s+\S+\s+(\S+)/m.exec(list.stdout);
  if (list.exitCode !== 0 || !line) return undefined;
  const facts: Microk8sFacts = { installedVersion: line[1] as string, installedChannel: line[2] as string, problems: [] };
  const info = await run(['snap', 'info', 'microk8s'], { timeoutMs: 20_000 });
  const newest = info.exitCode === 0 ? newestStableChannel(parseSnapInfo(info.stdout).channels) : undefined;
  if (newest) facts.newestStable = newest;
  else facts.problems.push(`\`snap info microk8s\` did not list the store's channels${info.stderr.trim() ? ` (${info.stderr.trim().split('\n')[0]})` : ''}, so Berth cannot tell whether a newer microk8s channel exists.`);
  // Berth's own session may not have the microk8s group yet (right after the install): go through sg then.
  let status = await run(['microk8s', 'status'], { timeoutMs: 20_000 });
  let parsed = parseMicrok8sStatus(`${status.stdout}\n${status.stderr}`);
  if (parsed.permissionDenied) {
    status = await run(microk8sArgv(['status'], { sessionHasGroup: false }), { timeoutMs: 20_000 });
    parsed = parseMicrok8sStatus(`${status.stdout}\n${status.stderr}`);
  }
  const rbac = parsed.addons.find((a) => a.name === 'rbac');
  if (rbac) facts.rbacEnabled = rbac.enabled;
  else facts.problems.push('`microk8s status` did not list its addons, so Berth cannot tell whether the rbac addon is on.');
  return facts;
}

export { trackMinor };
