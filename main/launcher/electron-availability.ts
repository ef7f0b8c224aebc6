import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronAvailability = { ok: true; binary: string } | { ok: false; reason: string };

/**
 * Whether the desktop app can open here: the Electron binary must be downloaded, and on Linux
 * there must be a display to open a window on.
 */
export function electronAvailability(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  resolveBinary: () => string = defaultResolveBinary,
): ElectronAvailability {
  let binary: string;
  try {
    binary = resolveBinary();
  } catch {
    return { ok: false, reason: 'the Electron binary is not installed (run `npm run setup:electron` on a machine with internet access)' };
  }
  if (!existsSync(binary)) return { ok: false, reason: `the Electron binary is missing at ${binary}` };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  return { ok: true, binary };
}

function defaultResolveBinary(): string {
  // Where the `electron` package keeps its binary: dist/<path.txt>, written once the binary has
  // been downloaded. Read it directly: requiring the package starts a download when the binary is
  // missing (Electron 45), which on a machine without internet prints a stack trace and fails.
  const packageDir = dirname(createRequire(__filename).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
  if (!executable) throw new Error('the Electron binary was never downloaded');
  return join(packageDir, 'dist', executable);
}
