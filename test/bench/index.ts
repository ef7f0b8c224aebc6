// `npm run bench`: scale and throughput benchmarks. Each suite prints its figures next to a baseline
// measured in the same run. `npm run bench -- cluster-scale` (or cluster-soak, terminal-throughput)
// runs one suite; `--nodes N --pods N --churn N --updates N --latency-seconds N --kubectl-limit-seconds N --no-page --soak-minutes N --megabytes N` shrink or grow them;
// `--main-node-flags "--max-semi-space-size=32"` starts the scale suite's Berth main process with those Node flags;
// `--simulator-cpus 1` pins the scale suite's simulator to those CPUs (taskset list; its figures are labelled pinned).
//
// Each suite is imported only when it runs: this process plays Berth's main in the terminal suite,
// and the other suites' modules (simulator, Kubernetes client, Vite) would add tens of MB to its
// heap, which V8's full collections during a flood then mark (main's CPU per 100 MB was 1.8-2.4 s
// with them loaded, 1.3-1.8 s without).
import { isScaleBenchChild } from './scale-flags';

const argv = process.argv.slice(2);
const num = (name: string): number | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : undefined;
};
const text = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const wanted = argv.filter((a) => /^[a-z-]+$/.test(a));
const runs = (suite: string) => wanted.length === 0 || wanted.includes(suite);

// The scale suite's child processes are started from this same file.
const scaleChild = isScaleBenchChild();

async function main(): Promise<void> {
  if (scaleChild || runs('cluster-scale')) {
    const { clusterScaleBench, serveScaleMainChild, serveScaleSimulatorChild } = await import('./cluster-scale');
    // The scale suite runs its simulator and Berth's main in child processes started from this same file.
    if (await serveScaleSimulatorChild()) return;
    if (await serveScaleMainChild()) return;
    const { clusterPageProbe } = await import('./cluster-page-probe');
    // The page probe (built web host + renderer in Chromium) runs unless `--no-page`.
    const pageProbe = argv.includes('--no-page') ? undefined : clusterPageProbe({ latencySeconds: num('--latency-seconds') });
    await clusterScaleBench({ nodes: num('--nodes'), pods: num('--pods'), churn: num('--churn'), updates: num('--updates'), kubectlLimitMs: num('--kubectl-limit-seconds') === undefined ? undefined : num('--kubectl-limit-seconds')! * 1000, latencySeconds: num('--latency-seconds'), pageProbe, mainNodeFlags: text('--main-node-flags')?.split(' ').filter(Boolean), simulatorCpus: text('--simulator-cpus') });
  }
  if (runs('cluster-soak')) await (await import('./cluster-soak')).clusterSoakBench(num('--soak-minutes') ?? 2);
  if (runs('terminal-throughput')) await (await import('./terminal-throughput')).runTerminalThroughput({ megabytes: num('--megabytes') ?? 100 });
  if (runs('pod-logs')) await (await import('./pod-logs')).runPodLogsBench({ megabytes: num('--megabytes') ?? 100 });
  if (runs('checkup-scale')) await (await import('./checkup-scale')).checkupScaleBench({ nodes: num('--nodes'), pods: num('--pods') });
}

main().then(
  () => {
    if (!scaleChild) process.exit(0);
  },
  (error: unknown) => {
    console.error('benchmark failed:', error);
    process.exit(1);
  },
);
