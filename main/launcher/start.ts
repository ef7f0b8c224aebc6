import { spawn } from 'node:child_process';
import { parseLaunchOptions } from '../app/options';
import { builtPaths } from '../app/paths';
import { serveWeb } from '../web/serve';
import { electronAvailability } from './electron-availability';

/**
 * `npm start`: the desktop app where Electron can run; elsewhere one line saying why, then the web
 * host (which prints the same URL line as `npm run web`), so Berth runs on every machine.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options = parseLaunchOptions(args);
  const electron = electronAvailability();
  if (electron.ok) {
    const child = spawn(electron.binary, [builtPaths.appRoot, ...args], { stdio: 'inherit' });
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    return;
  }
  console.log(`Berth: the desktop app cannot open because ${electron.reason}; serving the web host instead.`);
  await serveWeb(options);
}

main().catch((error: unknown) => {
  console.error(`Berth could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
