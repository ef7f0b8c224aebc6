import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InstallRun } from '../../../contract';
import { terminalHandlers } from '../../../api/terminal-handlers';
import { createStandinEnv, type StandinOptions } from '../../../simulator/standins';
import { TerminalSessions } from '../../terminal';
import { InstallerService } from '../installer-service';

export interface HarnessOptions {
  standins?: StandinOptions;
  /** What the person types at the n-th sudo prompt of a session (0-based), e.g. `berth\r`; undefined: nothing. */
  typed?: (prompt: number) => string | undefined;
  simKubeconfig?: string;
  timing?: ConstructorParameters<typeof InstallerService>[0]['timing'];
}

/**
 * An installer wired as the backend wires it, against the stand-in executables (and, when given,
 * the simulated cluster), with a temporary HOME and data folder. The "person" types the sudo
 * password through the `terminal.input` handler when a prompt appears.
 */
export function installerHarness(options: HarnessOptions = {}) {
  const home = mkdtempSync(join(tmpdir(), 'berth-home-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'berth-data-'));
  const standins = createStandinEnv({ speed: 0.02, user: 'berth', ...(options.simKubeconfig ? { simKubeconfig: options.simKubeconfig } : {}), ...options.standins });
  const runs: InstallRun[] = [];
  const connected: string[] = [];
  const screen = new Map<string, string>();
  const prompted = new Set<string>();
  const sessions = new TerminalSessions({ exit: () => undefined });
  // The person's page: it attaches to each session as the run view does, reads the screen and
  // acknowledges at once.
  const seen = (sessionId: string, data: Uint8Array) => {
    const text = (screen.get(sessionId) ?? '') + Buffer.from(data).toString('utf8');
    screen.set(sessionId, text);
    // sudo's prompt, and sg's when the group is not configured for the user.
    const prompts = (text.match(/\[sudo\] password for [^:]+:|^Password: /gm) ?? []).length;
    const key = `${sessionId}#${prompts}`;
    const keys = prompts > 0 ? options.typed?.(prompts - 1) : undefined;
    if (keys !== undefined && !prompted.has(key)) {
      prompted.add(key);
      // Through the contract's handler, as the page sends keystrokes.
      void terminal['terminal.input']({ sessionId, data: keys }, { client: undefined as never });
    }
  };
  const start = sessions.start.bind(sessions);
  sessions.start = (startOptions) => {
    const session = start(startOptions);
    sessions.attach(session.id, {
      id: 'person',
      output: ({ sessionId, data }) => {
        seen(sessionId, data);
        session.ack('person', data.length);
      },
    });
    return session;
  };
  const terminal = terminalHandlers(sessions);
  const installer = new InstallerService({
    sessions,
    dataDir,
    env: { ...standins.env, BERTH_STANDIN_DASHBOARD_PORT: '0', HOME: home, USER: 'berth', KUBECONFIG: join(home, '.kube', 'config') },
    emit: (run) => runs.push(run),
    onConnected: (context) => void connected.push(context),
    timing: { pollMs: 100, addonReadyMs: 15_000, waitReadyS: 3, killGraceMs: 500, dashboardMs: 15_000, ...options.timing },
    machine: { uid: 1000, portFree: async () => true, totalMemBytes: 8 * 1024 ** 3, freeMemBytes: 6 * 1024 ** 3, diskFreeBytes: async () => 50 * 1024 ** 3 },
  });
  return {
    installer,
    sessions,
    standins,
    home,
    dataDir,
    runs,
    connected,
    screen: (sessionId: string | undefined) => (sessionId ? (screen.get(sessionId) ?? '') : ''),
    last: () => runs[runs.length - 1] as InstallRun,
    async finish(): Promise<InstallRun> {
      await installer.settled();
      return installer.current().run as InstallRun;
    },
    async dispose() {
      await installer.dispose();
      await sessions.killAll();
      standins.dispose();
      rmSync(home, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
