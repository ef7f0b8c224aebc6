/**
 * The cluster check-up (issue 7), main side:
 * - cluster-snapshot.ts: one paginated pass per kind, objects cut to what the checks read
 * - check-*.ts: one module per area (version, pod security, namespaces, network policies, API server, images, workload hygiene)
 * - api-probes.ts: the anonymous request and the TLS handshake; microk8s-facts.ts: snap channel and addons
 * - score.ts, report-export.ts: scores per area and overall; Markdown and JSON
 * - checkup-service.ts: live re-runs while the screen is open (main/api/checkup-handlers.ts)
 */
import { homedir, networkInterfaces } from 'node:os';
import type { ClusterService } from '../cluster/cluster-service';
import { commandRunner } from '../installer/run-command';
import { isLoopback } from './check-api-server';
import { CheckupService } from './checkup-service';
import { gatherMicrok8sFacts, type Microk8sFacts } from './microk8s-facts';

export { CheckupService } from './checkup-service';

/** This machine's own addresses: `microk8s config` names the API by the host's IP, not loopback. */
function ownAddresses(): Set<string> {
  return new Set(Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address)));
}

/**
 * Berth's local microk8s: a server on this machine (loopback or one of its addresses) under the
 * context the installer merges ("microk8s") or on the port microk8s uses.
 */
export function isLocalMicrok8s(context: string | null, server: string, own: Set<string> = ownAddresses()): boolean {
  const url = new URL(server);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return (isLoopback(host) || own.has(host)) && (context === 'microk8s' || url.port === '16443');
}

const MICROK8S_FACTS_TTL_MS = 5 * 60_000;

export function createCheckupService(options: { cluster: ClusterService; env: NodeJS.ProcessEnv; intervalMs?: number }): CheckupService {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env)) if (v !== undefined) env[k] = v;
  // The installer's environment: in demo mode its stand-in snap and microk8s answer.
  const run = commandRunner({ ...env, LANG: 'C.UTF-8' }, env.HOME || homedir());
  let cached: { at: number; facts: Promise<Microk8sFacts | undefined> } | undefined;
  return new CheckupService({
    connection: () => {
      const session = options.cluster.activeSession;
      return session ? { transport: session.transport, context: options.cluster.currentStatus().context } : undefined;
    },
    microk8s: (context, server) => {
      if (!isLocalMicrok8s(context, server)) return undefined;
      return () => {
        if (!cached || Date.now() - cached.at > MICROK8S_FACTS_TTL_MS) cached = { at: Date.now(), facts: gatherMicrok8sFacts(run) };
        return cached.facts;
      };
    },
    intervalMs: options.intervalMs ?? 60_000,
    now: Date.now,
  });
}
