import { describe, expect, it } from 'vitest';
import { addonCatalog } from './addon-catalog';
import { parseDashboardProxy, parseInspectReport, parseJoinCommands, parseMicrok8sStatus } from './microk8s-status';
import { defaultChannel, parseSnapInfo, sortChannels } from './snap-info';

// From reference §1 (idx 49333391993), with the header fields snap prints above the channels.
const SNAP_INFO = `name:      microk8s
summary:   Kubernetes for workstations and appliances
publisher: Canonical✓
tracking:     1.31/stable
installed:    v1.31.7            (7963) 168MB classic
channels:
  latest/stable:         v1.32.3  2025-04-07 (7964) 172MB classic
  latest/edge:           v1.33.1  2025-05-15 (8209) 177MB classic
  1.33/stable:           v1.33.0  2025-04-24 (8205) 177MB classic
  1.33/candidate:        ↑
  1.32/stable:           v1.32.3  2025-04-07 (7964) 172MB classic
  1.32/edge:             v1.32.5  2025-05-15 (8220) 172MB classic
  1.32-strict/stable:    v1.32.4  2025-04-23 (8155) 172MB -
  1.31/stable:           v1.31.7  2025-03-31 (7963) 168MB classic
  1.30/beta:             --
`;

const STATUS = `microk8s is running
high-availability: no
  datastore master nodes: 127.0.0.1:19001
  datastore standby nodes: none
addons:
  enabled:
    dns                  # (core) CoreDNS
    ha-cluster           # (core) Configure high availability on the current node
  disabled:
    dashboard            # (core) The Kubernetes dashboard
    ingress              # (core) Ingress controller for external access
    registry             # (core) Private image registry exposed on localhost:32000
`;

describe('snap info', () => {
  it('reads open channels, tracking and the installed version', () => {
    const info = parseSnapInfo(SNAP_INFO);
    expect(info.channels.map((c) => c.name)).toEqual(['latest/stable', 'latest/edge', '1.33/stable', '1.32/stable', '1.32/edge', '1.32-strict/stable', '1.31/stable']);
    expect(info.channels[0]).toEqual({ name: 'latest/stable', version: 'v1.32.3' });
    expect(info.tracking).toBe('1.31/stable');
    expect(info.installedVersion).toBe('v1.31.7');
  });

  it('defaults to the track latest/stable carries, as a plain snap install would', () => {
    expect(defaultChannel(parseSnapInfo(SNAP_INFO).channels)).toBe('1.32/stable');
    expect(defaultChannel([{ name: '1.30/stable', version: 'v1.30.1' }, { name: '1.31/stable', version: 'v1.31.2' }])).toBe('1.31/stable');
    expect(defaultChannel([])).toBe('latest/stable');
  });

  it('lists stable channels first, newest track first', () => {
    expect(sortChannels(parseSnapInfo(SNAP_INFO).channels).map((c) => c.name).slice(0, 4)).toEqual(['latest/stable', '1.33/stable', '1.32/stable', '1.32-strict/stable']);
  });
});

describe('microk8s status', () => {
  it('reads running and the addons with their state', () => {
    const status = parseMicrok8sStatus(STATUS);
    expect(status.running).toBe(true);
    expect(status.addons.find((a) => a.name === 'dns')).toEqual({ name: 'dns', repository: 'core', description: 'CoreDNS', enabled: true });
    expect(status.addons.filter((a) => !a.enabled).map((a) => a.name)).toEqual(['dashboard', 'ingress', 'registry']);
  });

  it('is not running when it says so, whatever the exit code', () => {
    expect(parseMicrok8sStatus('microk8s is not running. Use microk8s inspect for a deeper inspection.\n').running).toBe(false);
    expect(parseMicrok8sStatus('microk8s is not running, try microk8s start\n').running).toBe(false);
  });

  it('spots the permission block', () => {
    const text = "Insufficient permissions to access MicroK8s.\nYou can either try again with sudo or add the user ubuntu to the 'microk8s' group:\n";
    expect(parseMicrok8sStatus(text)).toMatchObject({ running: false, permissionDenied: true });
  });

  it('builds the wizard list from status, hiding aliases, recommended first', () => {
    const addons = addonCatalog(parseMicrok8sStatus(STATUS).addons);
    expect(addons.map((a) => a.name)).toEqual(['dns', 'dashboard', 'ingress', 'registry']);
    expect(addons[0]).toEqual({ name: 'dns', description: 'CoreDNS', recommended: true, enabled: true });
    expect(addonCatalog().find((a) => a.name === 'rbac')).toEqual({ name: 'rbac', description: 'Role-Based Access Control for authorisation', recommended: false });
  });
});

describe('other outputs', () => {
  it('finds the inspect report, the join commands and the dashboard URL and token', () => {
    expect(parseInspectReport('Building the report tarball\n  Report tarball is at /var/snap/microk8s/7731/inspection-report-20250314_212615.tar.gz\n')).toBe(
      '/var/snap/microk8s/7731/inspection-report-20250314_212615.tar.gz',
    );
    const addNode = `From the node you wish to join to this cluster, run the following:
microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6

Use the '--worker' flag to join a node as a worker not running the control plane, eg:
microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6 --worker

If the node you are adding is not reachable through the default interface you can use one of the following:
microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6
microk8s join 10.1.38.36:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6
`;
    expect(parseJoinCommands(addNode)).toEqual([
      'microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6',
      'microk8s join 10.0.0.241:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6 --worker',
      'microk8s join 10.1.38.36:25000/5da02d8092097265cffdf4e47433bdea/2618bff96bd6',
    ]);
    expect(parseDashboardProxy('Dashboard will be available at https://127.0.0.1:10443\r\nUse the following token to login:\r\neyJabc.def.ghi\r\n')).toEqual({
      url: 'https://127.0.0.1:10443',
      token: 'eyJabc.def.ghi',
    });
    expect(parseDashboardProxy('Checking if Dashboard is running.\n')).toBeUndefined();
  });
});
