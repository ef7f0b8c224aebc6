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
 * data folder (removed on stop). `nodeArgs` go to Node before the script (e.g. heap flags).
 */
export async function startWebHostProcess(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Promise<RunningWebHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'berth-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, resolve('out/main/web.js'), '--port', '0', '--no-open', ...extraArgs], {
    env: { ...process.env, BERTH_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const match = await new Promise<RegExpMatchArray>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host printed no URL line within 30 s:\n${output}`)), 30_000);
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
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
