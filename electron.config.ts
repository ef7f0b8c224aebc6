import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// The screens the page loads right after its first paint (renderer/src/app/app.tsx): their chunks
// are named in index.html as modulepreload links, so the browser fetches and compiles them while
// it runs the shell, and a click on Pods does not wait for a download before asking for rows.
const EARLY_SCREENS = /\/features\/(pods|overview|nodes|services|workloads|events)\/\w+-page\.tsx$/;

function preloadEarlyScreens(): Plugin {
  return {
    name: 'berth:preload-early-screens',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle) return undefined;
        // The entry and its own imports have their tags already.
        const tagged = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
        const files = new Set<string>();
        const add = (fileName: string) => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || files.has(fileName) || tagged.has(fileName)) return;
          files.add(fileName);
          chunk.imports.forEach(add);
        };
        for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.facadeModuleId && EARLY_SCREENS.test(chunk.facadeModuleId)) add(chunk.fileName);
        return [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

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
    plugins: [react(), preloadEarlyScreens()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default: the page parses every byte before
      // its first paint (1.56 MB -> ~0.9 MB before the split into screens).
      minify: true,
      // One stylesheet, loaded with the page: a screen opened later then waits for its script
      // alone, not for a second round trip per stylesheet to a web host busy with watch events.
      cssCodeSplit: false,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
