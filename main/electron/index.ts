import * as electron from 'electron';
import { parseLaunchOptions } from '../app/options';
import { runDesktopShell } from './shell';

runDesktopShell(electron, parseLaunchOptions(process.argv.slice(1))).catch((error: unknown) => {
  console.error('Berth could not start:', error);
  electron.app.exit(1);
});
