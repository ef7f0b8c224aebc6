import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

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
  // The `electron` package exports the path of its binary when required from Node, and throws
  // "Electron failed to install correctly" when the binary was never downloaded.
  const path: unknown = createRequire(__filename)('electron');
  if (typeof path !== 'string') throw new Error('unexpected electron export');
  return path;
}
