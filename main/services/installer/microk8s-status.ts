/**
 * `microk8s status` as text. It exits 0 whether or not the cluster runs (and when `--wait-ready`
 * times out), so the words are what count (reference §3, §8.12).
 */
export interface Microk8sStatus {
  running: boolean;
  /** The permission block: the user is not (yet) in the microk8s group for this session. */
  permissionDenied: boolean;
  addons: Array<{ name: string; repository?: string; description: string; enabled: boolean }>;
}

const ADDON_LINE = /^\s{4}(\S+)\s+#\s+(?:\(([\w-]+)\)\s+)?(.*)$/;

export function parseMicrok8sStatus(text: string): Microk8sStatus {
  const status: Microk8sStatus = {
    running: /^microk8s is running\s*$/m.test(text),
    permissionDenied: /Insufficient permissions to access MicroK8s/.test(text),
    addons: [],
  };
  let section: 'enabled' | 'disabled' | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s{2}enabled:\s*$/.test(line)) section = 'enabled';
    else if (/^\s{2}disabled:\s*$/.test(line)) section = 'disabled';
    else if (section) {
      const addon = ADDON_LINE.exec(line);
      if (addon) {
        status.addons.push({
          name: addon[1] as string,
          ...(addon[2] ? { repository: addon[2] } : {}),
          description: (addon[3] as string).trim(),
          enabled: section === 'enabled',
        });
      } else if (line.trim() !== '') section = undefined;
    }
  }
  return status;
}

/** `microk8s inspect` ends with `Report tarball is at PATH`. */
export function parseInspectReport(text: string): string | undefined {
  return /Report tarball is at (\S+)/.exec(text)?.[1];
}

/** `microk8s add-node` prints the join commands; the first one is for the default interface. */
export function parseJoinCommands(text: string): string[] {
  const found = text.match(/^microk8s join \S+(?: --worker)?\s*$/gm) ?? [];
  return [...new Set(found.map((line) => line.trim()))];
}

/** `microk8s dashboard-proxy` prints the URL and then the token on the next line. */
export function parseDashboardProxy(text: string): { url: string; token: string } | undefined {
  const url = /Dashboard will be available at (https?:\/\/\S+)/.exec(text)?.[1];
  const token = /Use the following token to login:\s*\r?\n\s*(\S+)/.exec(text)?.[1];
  return url && token ? { url, token } : undefined;
}

/** What `microk8s inspect` found wrong: its `FAIL:` and `WARNING:` lines (coloured in the real output), one each. */
export function parseInspectWarnings(text: string): string[] {
  // eslint-disable-next-line no-control-regex -- colour codes around FAIL/WARNING
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  return [...plain.matchAll(/^\s*(?:FAIL|WARNING):\s+(.+?)\s*$/gm)].map((m) => m[1] as string);
}
