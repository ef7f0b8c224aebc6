// Builds the terminal bench's page (bench-page.ts bundled with the renderer's modules) into the
// directory given as the first argument. Run in a child process by terminal-throughput.ts, so Vite
// and Rollup stay out of the bench process, which plays Berth's main there (a heap tens of MB
// larger makes each of V8's full collections during a flood cost main more than it would in the app).
import { join } from 'node:path';
import { build } from 'vite';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: build-page.ts OUT_DIR');
void build({
  configFile: false,
  logLevel: 'error',
  build: {
    outDir,
    emptyOutDir: true,
    minify: false,
    lib: { entry: join(__dirname, 'bench-page.ts'), formats: ['iife'], name: 'berthBench', fileName: () => 'bench-page.js' },
  },
  define: { 'process.env.NODE_ENV': '"production"' },
});
