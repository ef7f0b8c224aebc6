import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// The one build configuration: three Vite builds (main, preload, renderer).
// Main has several entries: the Electron shell, plus plain-Node programs that share its services
// (the web host, the launcher behind `npm start`, the simulator CLI).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/electron/index.ts'),
          start: resolve(__dirname, 'main/launcher/start.ts'),
          web: resolve(__dirname, 'main/web/cli.ts'),
          ...(existsSync(resolve(__dirname, 'main/simulator/cli.ts')) ? { sim: resolve(__dirname, 'main/simulator/cli.ts') } : {}),
        },
        // Shared chunks sit beside the entries, so `__dirname` means out/main/ in all of them
        // (main/app/paths.ts relies on it).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
