import { parseArgs } from 'node:util';
import { startSimulator, type ScenarioName, type SimulatorOptions } from './index';
import type { Addon } from './scenarios/fresh-microk8s';

// `sim`: runs the simulated microk8s until SIGINT/SIGTERM. Prints exactly one line on stdout,
// `kubeconfig: PATH`, for the process that started it to read; everything else goes to stderr.
//   --scenario fresh-microk8s|busy|hardened|scale|empty  --nodes N --pods N --churn R
//   --faults SPEC --port N --speed X --dir DIR --addons a,b --node-name NAME

const SCENARIOS: ScenarioName[] = ['fresh-microk8s', 'busy', 'hardened', 'scale', 'empty'];

function number(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${v}"`);
  return n;
}

export function parseCli(argv: string[]): SimulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', default: 'fresh-microk8s' },
      nodes: { type: 'string' },
      pods: { type: 'string' },
      churn: { type: 'string' },
      faults: { type: 'string' },
      port: { type: 'string' },
      speed: { type: 'string' },
      dir: { type: 'string' },
      addons: { type: 'string' },
      'node-name': { type: 'string' },
    },
    strict: true,
  });
  const scenario = values.scenario as ScenarioName;
  if (!SCENARIOS.includes(scenario)) throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}`);
  const opts: SimulatorOptions = { scenario };
  const set = <K extends keyof SimulatorOptions>(k: K, v: SimulatorOptions[K] | undefined): void => {
    if (v !== undefined) opts[k] = v;
  };
  set('nodes', number('nodes', values.nodes));
  set('pods', number('pods', values.pods));
  set('churn', number('churn', values.churn));
  set('port', number('port', values.port));
  set('speed', number('speed', values.speed));
  set('faults', values.faults);
  set('dir', values.dir);
  set('nodeName', values['node-name']);
  if (values.addons !== undefined) opts.addons = values.addons.split(',').filter(Boolean) as Addon[];
  return opts;
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  let opts: SimulatorOptions;
  try {
    opts = parseCli(argv);
  } catch (e) {
    process.stderr.write(`sim: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
    return;
  }
  const sim = await startSimulator(opts);
  process.stdout.write(`kubeconfig: ${sim.kubeconfigPath}\n`);
  process.stderr.write(`sim: ${opts.scenario} serving at ${sim.url}\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`sim: ${signal}, stopping\n`);
    sim.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

// Run when executed directly (the bundled out/main/sim.js, or `npx tsx main/simulator/cli.ts`).
const entry = process.argv[1] ?? '';
if (/(?:^|[\\/])(?:cli\.(?:ts|js|mjs)|sim\.(?:js|mjs|cjs))$/.test(entry)) {
  main().catch((e: unknown) => {
    process.stderr.write(`sim: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
