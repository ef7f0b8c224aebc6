import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningWebHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  /** The web host's process id (benchmarks read its CPU and memory). */
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

const URL_LINE = /Berth web host: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/;

/**
 * Starts the built web host (`out/main/web.js`) as `npm run web` would, on a free port, with its own
 * data folder (removed on stop). `nodeArgs` go to Node before the script (e.g. profiler or heap
 * flags); `startTimeoutMs` bounds the wait for its URL line (a loaded machine next to a
 * 150,000-pod simulator took over 30 s).
 */
export async function startWebHostProcess(
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
  options: { nodeArgs?: string[]; startTimeoutMs?: number } = {},
): Promise<RunningWebHost> {
  const { nodeArgs = [], startTimeoutMs = 30_000 } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'berth-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, resolve('out/main/web.js'), '--port', '0', '--no-open', ...extraArgs], {
    env: { ...process.env, BERTH_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const match = await new Promise<RegExpMatchArray>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host printed no URL line within ${startTimeoutMs / 1000} s:\n${output}`)), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = URL_LINE.exec(output);
      if (found) {
        clearTimeout(timer);
        resolvePromise(found);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  const [, url = '', port = '0', token = ''] = match;
  return {
    url,
    origin: `http://127.0.0.1:${port}`,
    port: Number(port),
    token,
    dataDir,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        // One that does not stop within 5 s is killed (its data folder goes either way).
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(kill);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
