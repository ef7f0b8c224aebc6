import { mkdirSync } from 'node:fs';
import { arch, platform } from 'node:os';
import type { AppInfo } from '../contract';
import { appHandlers } from '../api/app-handlers';
import { ClientHub } from '../api/client-hub';
import { createRouter, type Router } from '../api/router';
import { checkupHandlers } from '../api/checkup-handlers';
import { clusterHandlers } from '../api/cluster-handlers';
import { installerHandlers } from '../api/installer-handlers';
import { podIoHandlers } from '../api/pod-io-handlers';
import { terminalHandlers } from '../api/terminal-handlers';
import { createCheckupService } from '../services/checkup';
import { createClusterService } from '../services/cluster';
import { InstallerService } from '../services/installer';
import { PodLogs } from '../services/pod-logs/pod-logs-service';
import { PodShells } from '../services/pod-shell/pod-shell-service';
import { TerminalSessions } from '../services/terminal';
import { version } from '../../package.json';

export interface BackendOptions {
  transport: AppInfo['transport'];
  dataDir: string;
  demo: boolean;
  openExternal: (url: string) => Promise<boolean>;
  /** `--kubeconfig F` / `--context C`: as kubectl's flags of the same names. */
  kubeconfig?: string | undefined;
  context?: string | undefined;
  /** The environment the installer's commands get (HOME, USER, PATH, KUBECONFIG); default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface Backend {
  router: Router;
  hub: ClientHub;
  /** An install step is running: closing the window should ask first. */
  isInstallerBusy(): boolean;
  dispose(): Promise<void>;
}

const HOST_STATUS_INTERVAL_MS = 2_000;

/**
 * Builds the main-side services and the router that serves the contract. Both hosts (the Electron
 * shell and the web host) call this; neither knows what the services do.
 */
export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const hub = new ClientHub();
  const startedAt = Date.now();

  const info = (): AppInfo => ({
    name: 'Berth',
    version,
    platform: platform(),
    arch: arch(),
    transport: options.transport,
    demo: options.demo,
    dataDir: options.dataDir,
  });

  const cluster = createClusterService({
    kubeconfig: options.kubeconfig,
    context: options.context,
    onStatus: (status) => hub.broadcast('cluster.connection', status),
  });

  // A session's output goes to the pages attached to it (terminal.attach), each pacing it.
  const terminals = new TerminalSessions({
    exit: (payload) => hub.broadcast('terminal.exit', payload),
  });
  // HOME, USER, PATH and KUBECONFIG come from the environment, so tests can use stand-ins and temp folders.
  const installer = new InstallerService({
    sessions: terminals,
    dataDir: options.dataDir,
    env: options.env ?? process.env,
    kubeconfigPath: options.kubeconfig,
    emit: (run) => hub.broadcast('installer.run', run),
    onConnected: async (context) => void (await cluster.connect(context)),
  });

  // The check-up asks the local microk8s (snap list/info, microk8s status) in the installer's environment.
  const checkup = createCheckupService({ cluster, env: options.env ?? process.env });

  // Pod logs and shells read the connected context (its transport; exec needs its KubeConfig).
  const podLogs = new PodLogs({ transport: () => cluster.activeSession?.transport });
  const podShells = new PodShells({ kubeConfig: () => cluster.activeKubeConfig, transport: () => cluster.activeSession?.transport });

  const router = createRouter({
    ...appHandlers({ info, openExternal: options.openExternal }),
    ...clusterHandlers(cluster),
    ...terminalHandlers(terminals),
    ...installerHandlers(installer),
    ...checkupHandlers(checkup, () => cluster.ensureStarted()),
    ...podIoHandlers(podLogs, podShells),
  });

  const heartbeat = setInterval(() => {
    hub.broadcast('app.hostStatus', { at: Date.now(), uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), clients: hub.size });
  }, HOST_STATUS_INTERVAL_MS);
  heartbeat.unref();

  return {
    router,
    hub,
    isInstallerBusy: () => installer.isBusy(),
    async dispose() {
      await installer.dispose();
      await terminals.killAll();
      clearInterval(heartbeat);
      checkup.dispose();
      podLogs.stopAll();
      podShells.closeAll();
      cluster.dispose();
    },
  };
}
