import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Berth keeps its logs and settings when it runs outside Electron: the same folder Electron's
 * `app.getPath('userData')` gives on Linux (`$XDG_CONFIG_HOME/Berth`), so both hosts share it.
 * `BERTH_DATA_DIR` overrides it (tests use a temporary folder).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BERTH_DATA_DIR) return env.BERTH_DATA_DIR;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'Berth');
}
