import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { KubeConfig } from '@kubernetes/client-node';
import { runCheckup } from '../../main/services/checkup/run-checkup';
import { createKubeTransport } from '../../main/services/cluster/kube-http';
import { timeKubectl } from './time-kubectl';

// `npm run bench -- checkup-scale`: one check-up of a 150,000-pod cluster (the simulator's scale
// scenario in a child process): wall time, Berth's CPU time and peak heap, beside the baseline of
// `kubectl get pods -A -o json` (pods alone) on the same server in the same run.

export interface CheckupScaleOptions {
  nodes?: number | undefined;
  pods?: number | undefined;
  log?: (line: string) => void;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function startSimulator(dir: string, nodes: number, pods: number): Promise<{ kubeconfigPath: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--max-old-space-size=6144', 'main/simulator/cli.ts', '--scenario', 'scale', '--nodes', String(nodes), '--pods', String(pods), '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^kubeconfig: (.+)$/.exec(line);
      if (m) resolve({ kubeconfigPath: m[1]!, stop: () => child.kill('SIGTERM') });
    });
  });
}

/** kubectl at 150k pods can take many minutes on a loaded machine: give up after `limitMs`. */
const KUBECTL_LIMIT_MS = 180_000;

export async function checkupScaleBench(options: CheckupScaleOptions = {}): Promise<void> {
  const log = options.log ?? console.log;
  const nodes = options.nodes ?? 5_000;
  const pods = options.pods ?? 150_000;
  const dir = mkdtempSync(join(tmpdir(), 'berth-checkup-bench-'));
  log(`checkup scale: simulator with ${nodes} nodes, ${pods} pods (child process); load average ${load()}`);
  const sim = await startSimulator(dir, nodes, pods);
  try {
    const config = new KubeConfig();
    config.loadFromFile(sim.kubeconfigPath);
    const transport = createKubeTransport(config);
    for (let run = 1; run <= 2; run++) {
      globalThis.gc?.();
      let peak = process.memoryUsage().heapUsed;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
      const cpu0 = process.cpuUsage();
      const started = performance.now();
      const report = await runCheckup({ transport, context: 'scale', now: Date.now });
      const wall = performance.now() - started;
      const cpu = process.cpuUsage(cpu0);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      log(`  check-up ${run}: ${(wall / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s Berth CPU, peak heap ${Math.round(peak / 1e6)} MB, report ${Math.round(JSON.stringify(report).length / 1000)} kB, score ${report.score}; load average ${load()}`);
      log(`    ${report.scope}`);
    }
    transport.close();
    const kubectl = await timeKubectl(sim.kubeconfigPath, KUBECTL_LIMIT_MS);
    const what = 'baseline: kubectl get pods -A -o json (pods only)';
    if (kubectl === null) log('  baseline: kubectl not available or failed');
    else if (typeof kubectl !== 'number') log(`  ${what}: not done after ${KUBECTL_LIMIT_MS / 1000} s; load average ${load()}`);
    else log(`  ${what}: ${(kubectl / 1000).toFixed(1)} s; load average ${load()}`);
  } finally {
    sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
