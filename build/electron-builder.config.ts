import type { Configuration } from 'electron-builder';

/**
 * Packaging: Linux AppImage + deb + snap, macOS dmg, Windows nsis. node-pty is a native module:
 * it stays outside the asar archive. Fuses switch off the ways a packaged app could be turned
 * into a general-purpose Node runtime.
 * https://www.electronjs.org/docs/latest/tutorial/fuses
 */
const config: Configuration = {
  appId: 'dev.berth.app',
  productName: 'Berth',
  directories: { output: 'dist', buildResources: 'build' },
  // Demo mode (`--demo`) runs the stand-in snap/microk8s/sudo scripts: executables must sit outside the asar.
  files: ['out/**', 'package.json', 'main/simulator/standins/bin/**', 'main/simulator/standins/lib/**', '!**/*.map'],
  asar: true,
  asarUnpack: ['node_modules/node-pty/**', 'main/simulator/standins/**'],
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  linux: {
    target: ['AppImage', 'deb', 'snap'],
    category: 'Development',
    icon: 'build/icon.png',
    synopsis: 'Install microk8s and watch your Kubernetes cluster',
  },
  snap: { confinement: 'classic', grade: 'stable' },
  deb: { depends: ['libnss3', 'libgtk-3-0'] },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', icon: 'build/icon.png' },
  win: { target: ['nsis'], icon: 'build/icon.png' },
};

export default config;
